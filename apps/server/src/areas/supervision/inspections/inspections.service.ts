/**
 * Inspections (督查检查): the list both sides see, an inspection with its visits, findings, timeline and the moves
 * the caller may make, planning and changing one (issuer: the county or a township; its team with one leader; its
 * checklist), the moves of its flow, soft delete and restore. Visits and findings are in `inspections.visits.ts`.
 */
import {
  addDays,
  chinaToday,
  type ErrorCode,
  INSPECTION_CHECKLISTS,
  type InspectionAction,
  type InspectionCreateT,
  type InspectionDetailT,
  type InspectionItemT,
  type InspectionListQueryT,
  type InspectionMoveT,
  type InspectionTeamMemberT,
  type InspectionUpdateT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { stampsOf } from '../../../platform/stamps.js';
import { act, allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './inspections.repository.js';
import { inspectionFlow, onIssuingSide } from './inspections.workflow.js';
import { presentVisits } from './inspections.visits.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

type Counts = { visits: number; findings: number; problems: number };
const NO_COUNTS: Counts = { visits: 0, findings: 0, problems: 0 };

/** Parses a JSON array column (an unreadable one reads as empty rather than failing a whole list). */
export function jsonArray<T>(text: string): T[] {
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** The API item of a row. */
export function present(
  r: repo.InspectionRow & { org_name: string },
  counts: Counts,
  issuer: boolean,
): InspectionItemT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind as InspectionItemT['kind'],
    unannounced: !!r.unannounced,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: r.status as InspectionItemT['status'],
    // The team's accounts are the issuer's business; a visited organization sees names and titles.
    team: jsonArray<InspectionTeamMemberT>(r.team).map((m) => (issuer ? m : { ...m, userId: null })),
    checklist: jsonArray(r.checklist),
    note: issuer ? r.note : null,
    visits: counts.visits,
    findings: counts.findings,
    problems: counts.problems,
    completedOn: r.completed_on,
    cancelReason: r.cancel_reason,
    issuer,
    ...stampsOf(r),
  };
}

/** Inspections the caller issued (its subtree) or that visited its subtree and may be seen, latest first. */
export async function list(ctx: Ctx, actor: Actor, query: InspectionListQueryT): Promise<Listed<InspectionItemT>> {
  requireCapability(actor, 'inspections.read');
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { rows, total } = await repo.listInspections(ctx.db, actor, toFilter(query, underPath), pagingOf(query));
  return { items: await presentMany(ctx, actor, rows), total };
}

/** Items of rows, each counted as its caller sees it (the visited side: its own visits only). */
export async function presentMany(
  ctx: Ctx,
  actor: Actor,
  rows: (repo.InspectionRow & { org_name: string })[],
): Promise<InspectionItemT[]> {
  const who = asUser(actor);
  const mine = rows.filter((r) => onIssuingSide(who, r)).map((r) => r.id);
  const theirs = rows.filter((r) => !onIssuingSide(who, r)).map((r) => r.id);
  const all = await repo.countsOf(ctx.db, mine);
  const own = await repo.countsOf(ctx.db, theirs, subtreeRange(actor.orgPath!));
  return rows.map((r) => {
    const issuer = onIssuingSide(who, r);
    return present(r, (issuer ? all : own).get(r.id) ?? NO_COUNTS, issuer);
  });
}

/** The repository filter of a list query. */
export function toFilter(query: InspectionListQueryT, underPath: string | undefined): repo.InspectionFilter {
  return {
    underPath,
    kind: query.kind,
    status: query.status,
    q: query.q?.trim() || undefined,
    from: query.from,
    to: query.to,
    deleted: query.deleted,
  };
}

/** One inspection with its visits (the visited side: its own), findings, timeline and the moves allowed now. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<InspectionDetailT> {
  requireCapability(actor, 'inspections.read');
  const r = await repo.getInspection(ctx.db, actor, id, 'any');
  const who = asUser(actor);
  const issuer = onIssuingSide(who, r);
  const range = issuer ? undefined : subtreeRange(actor.orgPath!);
  const [org] = await repo.orgsByIds(ctx.db, r.tenant_id, [r.org_id]);
  const counts = (await repo.countsOf(ctx.db, [id], range)).get(id) ?? NO_COUNTS;
  const visitList = await presentVisits(ctx, r, await repo.visitsOf(ctx.db, id, range));
  // The visited side reads the moves, not the issuer's notes on them.
  const events = (await listTimeline(ctx.db, 'inspection', id)).map((e) => (issuer ? e : { ...e, note: null }));
  const actions = r.deleted_at || !issuer ? [] : allowedActions(who, inspectionFlow, r);
  return {
    ...present({ ...r, org_name: org?.name ?? '' }, counts, issuer),
    visitList,
    events,
    actions,
  };
}

/** Refuses a team without exactly one leader, or naming an account of another county. */
async function checkTeam(ctx: Ctx, tenantId: number, team: InspectionTeamMemberT[]): Promise<InspectionTeamMemberT[]> {
  if (team.filter((m) => m.leader).length !== 1) throw fieldError('inspections.team_leader', 'team');
  const ids = team.map((m) => m.userId).filter((x): x is number => x != null);
  const known = await repo.usersOfTenant(ctx.db, tenantId, ids);
  if (ids.some((x) => !known.has(x))) throw fieldError('inspections.team_user', 'team');
  return team.map((m) => ({
    name: m.name.trim(),
    title: m.title.trim(),
    userId: m.userId ?? null,
    leader: !!m.leader,
  }));
}

/** Refuses an end before the start, or a span longer than a year. */
function checkDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn || endsOn > addDays(startsOn, 366)) throw fieldError('inspections.invalid_dates', 'endsOn');
}

/** Plans an inspection of the county or a township, with the organizations to visit when named. */
export async function create(ctx: Ctx, actor: Actor, input: InspectionCreateT): Promise<InspectionDetailT> {
  const who = asUser(actor);
  requireMove(who, inspectionFlow, 'create');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId);
  if (org.type !== 'committee' || org.depth > 1) throw fieldError('inspections.issuer_not_committee', 'orgId');
  checkDates(input.startsOn, input.endsOn);
  const team = await checkTeam(ctx, org.tenant_id, input.team);
  const checklist = [...new Set(input.checklist ?? INSPECTION_CHECKLISTS[input.kind])];
  const visitIds = [...new Set(input.visitOrgIds ?? [])];
  const visited = await repo.orgsByIds(ctx.db, org.tenant_id, visitIds);
  const [lo, hi] = subtreeRange(org.org_path);
  if (visited.length !== visitIds.length || visited.some((o) => o.org_path <= lo || o.org_path >= hi))
    throw fieldError('inspections.visit_outside', 'visitOrgIds');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const id = await repo.insertInspection(trx, {
      tenant_id: org.tenant_id,
      org_id: org.id,
      org_path: org.org_path,
      kind: input.kind,
      status: 'planned',
      title: input.title.trim(),
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      team: JSON.stringify(team),
      checklist: JSON.stringify(checklist),
      unannounced: (input.unannounced ?? input.kind === 'unannounced') ? 1 : 0,
      note: input.note?.trim() || null,
      completed_on: null,
      cancel_reason: null,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await repo.insertVisits(
      trx,
      visited.map((o) => ({
        tenant_id: org.tenant_id,
        org_id: o.id,
        org_path: o.org_path,
        inspection_id: id,
        visited_on: null,
        score: null,
        results: '[]',
        note: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })),
    );
    await addTimeline(trx, authorOf(who), {
      tenantId: org.tenant_id,
      entityType: 'inspection',
      entityId: id,
      orgPath: org.org_path,
      action: inspectionFlow.spec.actions.create.event,
      toState: 'planned',
      note: null,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'inspection.create',
      entityType: 'inspection',
      entityId: id,
      changes: diff(null, { status: 'planned', kind: input.kind, title: input.title.trim(), visitOrgIds: visitIds }),
    });
    await bumpVersion(trx, org.tenant_id, 'inspections');
    return id;
  });
  return get(ctx, actor, id);
}

/** Changes a planned or running inspection (the issuing side). */
export async function update(ctx: Ctx, actor: Actor, id: number, input: InspectionUpdateT): Promise<InspectionDetailT> {
  requireCapability(actor, 'inspections.write');
  const r = await repo.getInspection(ctx.db, actor, id);
  if (!onIssuingSide(asUser(actor), r)) throw new DomainError('inspections.visited_readonly', undefined, 403);
  if (r.status === 'completed' || r.status === 'cancelled') throw new DomainError('inspections.not_editable', {}, 409);
  const startsOn = input.startsOn ?? r.starts_on;
  const endsOn = input.endsOn ?? r.ends_on;
  checkDates(startsOn, endsOn);
  const set: repo.InspectionChange = { starts_on: startsOn, ends_on: endsOn };
  if (input.title !== undefined) set.title = input.title.trim();
  if (input.unannounced !== undefined) set.unannounced = input.unannounced ? 1 : 0;
  if (input.team !== undefined) set.team = JSON.stringify(await checkTeam(ctx, r.tenant_id, input.team));
  if (input.checklist !== undefined) set.checklist = JSON.stringify([...new Set(input.checklist)]);
  if (input.note !== undefined) set.note = input.note?.trim() || null;
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, (r as Record<string, unknown>)[k]]));
  const changes = diff(before, set as Record<string, unknown>);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateInspection(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, { action: 'inspection.update', entityType: 'inspection', entityId: id, changes });
    await bumpVersion(trx, r.tenant_id, 'inspections');
  });
  return get(ctx, actor, id);
}

/** Makes a move of the flow (start, complete, reopen, cancel) on an inspection of the issuing side. */
export async function move(
  ctx: Ctx,
  actor: Actor,
  id: number,
  action: Exclude<InspectionAction, 'create'>,
  input: InspectionMoveT,
): Promise<InspectionDetailT> {
  const who = asUser(actor);
  requireMove(who, inspectionFlow, action);
  const r = await repo.getInspection(ctx.db, actor, id);
  const visited = (await repo.visitsOf(ctx.db, id)).filter((v) => v.visited_on != null).length;
  await act(ctx, who, inspectionFlow, r, action, { ...input, visited, today: todayOf(ctx) });
  return get(ctx, actor, id);
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'inspection',
  domains: ['inspections' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes an inspection recorded by mistake (the issuing side; recoverable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'inspections.write');
  await softDelete(ctx, actor, 'inspections', id, CHANGE('inspection.delete'));
}

/** Restores a deleted inspection. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<InspectionDetailT> {
  requireCapability(actor, 'inspections.write');
  await restoreRow(ctx, actor, 'inspections', id, CHANGE('inspection.restore'));
  return get(ctx, actor, id);
}
