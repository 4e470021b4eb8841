/**
 * "Party branch +" industry projects (党支部+): the list, a project with its years and timeline, the township's or
 * county's record of a project led by one of its villages (partner villages of its own scope only), changes, the
 * yearly record (funds by source, leveraged, households and income), soft delete and restore.
 */
import {
  can as roleCan,
  chinaYear,
  type ErrorCode,
  PROJECT_MAX_FEN,
  type ProjectCreateT,
  type ProjectDetailT,
  type ProjectItemT,
  type ProjectListQueryT,
  type ProjectUpdateT,
  type ProjectYearPutT,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { jsonArray, presentProject, presentYear, townshipIdOf } from './projects.present.js';
import * as repo from './projects.repository.js';

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

const author = (actor: Actor) => ({ id: actor.userId || null, name: actor.displayName });

/** The list rows of projects: their years, the townships' and partners' names, read once per page. */
async function rowsOf(ctx: Ctx, tenantId: number, rows: repo.ProjectRow[]): Promise<ProjectItemT[]> {
  const years = await repo.yearsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const byProject = new Map<number, repo.YearRow[]>();
  for (const y of years) byProject.set(y.project_id, [...(byProject.get(y.project_id) ?? []), y]);
  const ids = rows.flatMap((r) => [townshipIdOf(r.org_path), ...jsonArray<number>(r.partners)]);
  const names = await repo.orgNames(
    ctx.db,
    tenantId,
    ids.filter((x): x is number => x != null),
  );
  return rows.map((r) => presentProject(r, { years: byProject.get(r.id) ?? [], names }));
}

/** Projects of the caller's subtree, the newest started first. */
export async function list(ctx: Ctx, actor: Actor, query: ProjectListQueryT): Promise<Listed<ProjectItemT>> {
  requireCapability(actor, 'projects.read');
  const filter: repo.ProjectFilter = {
    underPath: await orgsRepo.underOrg(ctx.db, actor, query.org),
    townshipPath: await orgsRepo.underOrg(ctx.db, actor, query.township),
    q: query.q?.trim() || undefined,
    model: query.model,
    industry: query.industry,
    status: query.status,
    year: query.year,
    deleted: query.deleted,
  };
  const { rows, total } = await repo.listProjects(ctx.db, actor, filter, pagingOf(query));
  return { items: await rowsOf(ctx, actor.tenantId!, rows), total };
}

/** One project with its years and timeline. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<ProjectDetailT> {
  requireCapability(actor, 'projects.read');
  const r = await repo.getProject(ctx.db, actor, id, 'any');
  const [item] = await rowsOf(ctx, actor.tenantId!, [r]);
  const [years, events] = await Promise.all([repo.yearsOf(ctx.db, [id]), listTimeline(ctx.db, 'project', id)]);
  return {
    ...item!,
    years: years.map(presentYear),
    events,
    canEdit: !r.deleted_at && roleCan(actor.role, 'projects.write'),
  };
}

type Org = Awaited<ReturnType<typeof repo.orgsInScope>>[number];
/** A village's (or community's) own organization: not a committee, not a party group, below a township. */
const isVillage = (o: Org) =>
  o.depth >= 2 && ['branch', 'general_branch'].includes(o.type) && ['rural', 'community'].includes(o.field ?? '');

/** The partner villages: each in the caller's scope (404 otherwise), each a village, none the lead itself. */
async function checkPartners(ctx: Ctx, actor: Actor, leadId: number, ids: number[]): Promise<void> {
  if (ids.includes(leadId)) throw fieldError('projects.partner_is_lead', 'partnerOrgIds');
  const orgs = await repo.orgsInScope(ctx.db, actor, ids);
  if (orgs.some((o) => !isVillage(o))) throw fieldError('projects.not_village', 'partnerOrgIds');
}

/** Refuses "other" without words and a stopped project without its reason and year. */
function checkFields(p: {
  industry: string;
  industryText: string | null;
  status: string;
  stopReason: string | null;
  stoppedYear: number | null;
  startYear: number;
}): void {
  if (p.industry === 'other' && !p.industryText) throw fieldError('projects.other_needs_text', 'industryText');
  if (p.status === 'stopped') {
    if (!p.stopReason) throw fieldError('projects.stop_reason_required', 'stopReason');
    if (p.stoppedYear == null) throw fieldError('projects.stop_reason_required', 'stoppedYear');
    if (p.stoppedYear < p.startYear) throw fieldError('projects.year_range', 'stoppedYear');
  }
}

const text = (v: string | null | undefined) => v?.trim() || null;

/** The township or county records a project led by one of its villages. */
export async function create(ctx: Ctx, actor: Actor, input: ProjectCreateT): Promise<ProjectDetailT> {
  requireCapability(actor, 'projects.write');
  const [lead] = await repo.orgsInScope(ctx.db, actor, [input.orgId]);
  if (!isVillage(lead!)) throw fieldError('projects.not_village', 'orgId');
  const partners = input.partnerOrgIds ?? [];
  await checkPartners(ctx, actor, lead!.id, partners);
  const status = input.status;
  const fields = {
    industry: input.industry,
    industryText: text(input.industryText),
    status,
    stopReason: status === 'stopped' ? text(input.stopReason) : null,
    stoppedYear: status === 'stopped' ? (input.stoppedYear ?? null) : null,
    startYear: input.startYear,
  };
  checkFields(fields);
  if (input.startYear > chinaYear(ctx.clock()) + 1) throw fieldError('projects.year_range', 'startYear');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertProjects(trx, [
      {
        tenant_id: lead!.tenant_id,
        org_id: lead!.id,
        org_path: lead!.org_path,
        name: input.name.trim(),
        industry: fields.industry,
        industry_text: fields.industry === 'other' ? fields.industryText : null,
        models: JSON.stringify(input.models),
        partners: JSON.stringify(partners),
        cooperatives: JSON.stringify((input.cooperatives ?? []).map((c) => ({ ...c, name: c.name.trim() }))),
        start_year: input.startYear,
        status,
        stop_reason: fields.stopReason,
        stopped_year: fields.stoppedYear,
        note: text(input.note),
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, author(actor), {
      tenantId: lead!.tenant_id,
      entityType: 'project',
      entityId: id!,
      orgPath: lead!.org_path,
      action: 'created',
      toState: status,
      note: input.name.trim(),
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'projects.create',
      entityType: 'project',
      entityId: id!,
      changes: { name: { before: null, after: input.name.trim() }, status: { before: null, after: status } },
    });
    await bumpVersion(trx, lead!.tenant_id, 'projects');
    return id!;
  });
  return get(ctx, actor, id);
}

/** Changes a project; a change of status leaves a line on its timeline. */
export async function update(ctx: Ctx, actor: Actor, id: number, input: ProjectUpdateT): Promise<ProjectDetailT> {
  requireCapability(actor, 'projects.write');
  const r = await repo.getProject(ctx.db, actor, id);
  if (input.partnerOrgIds) await checkPartners(ctx, actor, r.org_id, input.partnerOrgIds);
  const status = input.status ?? r.status;
  const fields = {
    industry: input.industry ?? r.industry,
    industryText: input.industryText !== undefined ? text(input.industryText) : r.industry_text,
    status,
    stopReason: status !== 'stopped' ? null : input.stopReason !== undefined ? text(input.stopReason) : r.stop_reason,
    stoppedYear:
      status !== 'stopped' ? null : input.stoppedYear !== undefined ? (input.stoppedYear ?? null) : r.stopped_year,
    startYear: input.startYear ?? r.start_year,
  };
  checkFields(fields);
  const next: Record<string, unknown> = {
    name: input.name?.trim() ?? r.name,
    industry: fields.industry,
    industry_text: fields.industry === 'other' ? fields.industryText : null,
    models: input.models ? JSON.stringify(input.models) : r.models,
    partners: input.partnerOrgIds ? JSON.stringify(input.partnerOrgIds) : r.partners,
    cooperatives: input.cooperatives
      ? JSON.stringify(input.cooperatives.map((c) => ({ ...c, name: c.name.trim() })))
      : r.cooperatives,
    start_year: fields.startYear,
    status,
    stop_reason: fields.stopReason,
    stopped_year: fields.stoppedYear,
    note: input.note !== undefined ? text(input.note) : r.note,
  };
  const set: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [col, after] of Object.entries(next)) {
    const before = (r as unknown as Record<string, unknown>)[col];
    if (before === after) continue;
    set[col] = after;
    changes[col.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = { before, after };
  }
  if (!Object.keys(set).length) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.updateProject(trx, id, { ...set, updated_at: now });
    if (status !== r.status)
      await addTimeline(trx, author(actor), {
        tenantId: r.tenant_id,
        entityType: 'project',
        entityId: id,
        orgPath: r.org_path,
        action: 'status',
        fromState: r.status,
        toState: status,
        note: fields.stopReason,
        at: now,
      });
    await writeAudit(ctx, trx, actor, { action: 'projects.update', entityType: 'project', entityId: id, changes });
    await bumpVersion(trx, r.tenant_id, 'projects');
  });
  return get(ctx, actor, id);
}

/** Records (or corrects) a year of a project: funds by source, leveraged, households and income. */
export async function putYear(ctx: Ctx, actor: Actor, id: number, input: ProjectYearPutT): Promise<ProjectDetailT> {
  requireCapability(actor, 'projects.write');
  const r = await repo.getProject(ctx.db, actor, id);
  if (input.year < r.start_year || input.year > chinaYear(ctx.clock())) throw fieldError('projects.year_range', 'year');
  const sources = input.funds.map((f) => f.source);
  if (new Set(sources).size !== sources.length) throw fieldError('projects.duplicate_source', 'funds');
  if (input.householdsPoor + input.householdsMonitored > input.households)
    throw fieldError('projects.households_exceed', 'householdsPoor');
  const funds = input.funds.filter((f) => f.amountFen > 0);
  // Every money column is a 32-bit integer: the year's total must fit as each amount does.
  if (funds.reduce((s, f) => s + f.amountFen, 0) > PROJECT_MAX_FEN)
    throw fieldError('projects.amount_too_large', 'funds');
  const values = {
    funds: JSON.stringify(funds),
    given_fen: funds.reduce((s, f) => s + f.amountFen, 0),
    leveraged_fen: input.leveragedFen,
    households: input.households,
    households_poor: input.householdsPoor,
    households_monitored: input.householdsMonitored,
    household_income_fen: input.householdIncomeFen,
    collective_income_fen: input.collectiveIncomeFen,
    note: text(input.note),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const before = await repo.yearOf(trx, id, input.year);
    if (before) await repo.updateYear(trx, before.id, { ...values, updated_at: now, deleted_at: null });
    else
      await repo.insertYears(trx, [
        {
          tenant_id: r.tenant_id,
          org_id: r.org_id,
          org_path: r.org_path,
          project_id: id,
          year: input.year,
          ...values,
          created_by: actor.userId || null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        },
      ]);
    await addTimeline(trx, author(actor), {
      tenantId: r.tenant_id,
      entityType: 'project',
      entityId: id,
      orgPath: r.org_path,
      action: 'year',
      note: `${input.year}`,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'projects.year',
      entityType: 'project',
      entityId: id,
      changes: {
        year: { before: null, after: input.year },
        givenFen: { before: before?.given_fen ?? null, after: values.given_fen },
        leveragedFen: { before: before?.leveraged_fen ?? null, after: values.leveraged_fen },
        households: { before: before?.households ?? null, after: values.households },
      },
    });
    await bumpVersion(trx, r.tenant_id, 'projects');
  });
  return get(ctx, actor, id);
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'project',
  domains: ['projects' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a project recorded by mistake (recoverable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'projects.write');
  await softDelete(ctx, actor, 'projects', id, CHANGE('projects.delete'));
}

/** Restores a deleted project. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<ProjectDetailT> {
  requireCapability(actor, 'projects.write');
  await restoreRow(ctx, actor, 'projects', id, CHANGE('projects.restore'));
  return get(ctx, actor, id);
}
