/**
 * Weak and lax organizations (软弱涣散): the list of files, a file with its check-ups, acceptances, timeline and
 * the moves the caller may make, the county's flagging, changes of the plan (and, by the county, of the reasons
 * and leader), soft delete and restore. The moves, check-ups and acceptances are in `weakOrgs.moves.ts`.
 */
import {
  can as roleCan,
  chinaToday,
  chinaYear,
  type ErrorCode,
  type WeakOrgCreateT,
  type WeakOrgDetailT,
  type WeakOrgItemT,
  type WeakOrgListQueryT,
  type WeakOrgMeasureT,
  type WeakOrgUpdateT,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { jsonArray, presentAcceptance, presentCheckup, presentFile, townshipIdOf } from './weakOrgs.present.js';
import * as repo from './weakOrgs.repository.js';
import { type FlowRow, weakOrgFlow } from './weakOrgs.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** The list rows of files: township names, last check-up month and last acceptance, read once per page. */
async function rowsOf(ctx: Ctx, tenantId: number, rows: repo.WeakOrgRow[]): Promise<WeakOrgItemT[]> {
  const ids = rows.map((r) => r.id);
  const [checkups, acceptances] = await Promise.all([repo.checkupsOf(ctx.db, ids), repo.acceptancesOf(ctx.db, ids)]);
  const lastMonth = new Map<number, string>();
  for (const c of checkups) lastMonth.set(c.weak_org_id, c.month);
  const last = new Map<number, repo.AcceptanceRow>();
  for (const a of acceptances) last.set(a.weak_org_id, a);
  const towns = await repo.orgNames(
    ctx.db,
    tenantId,
    rows.map((r) => townshipIdOf(r.org_path)).filter((x): x is number => x != null),
  );
  const today = todayOf(ctx);
  return rows.map((r) => {
    const t = townshipIdOf(r.org_path);
    return presentFile(r, today, {
      lastCheckupMonth: lastMonth.get(r.id) ?? null,
      last: last.get(r.id) ?? null,
      townshipName: t == null ? null : (towns.get(t) ?? null),
    });
  });
}

/** The repository filter of a list query (the org and township checked inside the caller's scope). */
export async function filterOf(ctx: Ctx, actor: Actor, query: WeakOrgListQueryT): Promise<repo.WeakOrgFilter> {
  return {
    underPath: await orgsRepo.underOrg(ctx.db, actor, query.org),
    townshipPath: await orgsRepo.underOrg(ctx.db, actor, query.township),
    q: query.q?.trim() || undefined,
    status: query.status,
    year: query.year,
    reason: query.reason,
    deleted: query.deleted,
  };
}

/** Files of the caller's subtree, the newest flagged first. */
export async function list(ctx: Ctx, actor: Actor, query: WeakOrgListQueryT): Promise<Listed<WeakOrgItemT>> {
  requireCapability(actor, 'weakOrgs.read');
  const { rows, total } = await repo.listFiles(ctx.db, actor, await filterOf(ctx, actor, query), pagingOf(query));
  return { items: await rowsOf(ctx, actor.tenantId!, rows), total };
}

/** A file's row for the flow: with whether its last acceptance passed. */
export async function flowRow(ctx: Ctx, actor: Actor, id: number, rows: 'live' | 'any' = 'live'): Promise<FlowRow> {
  const r = await repo.getFile(ctx.db, actor, id, rows);
  const acc = await repo.acceptancesOf(ctx.db, [id]);
  const last = acc[acc.length - 1];
  return { ...r, last_passed: last ? Boolean(last.passed) : null };
}

/** One file with its check-ups, acceptances, timeline and the moves the caller may make now. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<WeakOrgDetailT> {
  requireCapability(actor, 'weakOrgs.read');
  const r = await flowRow(ctx, actor, id, 'any');
  const [item] = await rowsOf(ctx, actor.tenantId!, [r]);
  const [checkups, acceptances, events] = await Promise.all([
    repo.checkupsOf(ctx.db, [id]),
    repo.acceptancesOf(ctx.db, [id]),
    listTimeline(ctx.db, 'weak_org', id),
  ]);
  const live = !r.deleted_at;
  const open = live && r.status !== 'released';
  // The acceptance has its own form (POST /:id/acceptances), not a button of the action bar.
  const actions = live ? allowedActions(asUser(actor), weakOrgFlow, r).filter((a) => a !== 'assess') : [];
  return {
    ...item!,
    checkups: checkups.map(presentCheckup),
    acceptances: acceptances.map(presentAcceptance),
    events,
    actions,
    canCheckup: open && roleCan(actor.role, 'weakOrgs.write'),
    canEdit: open && roleCan(actor.role, 'weakOrgs.write'),
  };
}

/** Refuses a measure due before the flagging. */
function checkMeasures(measures: WeakOrgMeasureT[] | undefined, flaggedOn: string): WeakOrgMeasureT[] | undefined {
  if (!measures) return undefined;
  if (measures.some((m) => m.dueOn < flaggedOn)) throw fieldError('weakOrgs.measure_due', 'measures');
  return measures.map((m) => ({ content: m.content.trim(), dueOn: m.dueOn, done: Boolean(m.done) }));
}

/** Refuses an empty list of reasons and “other” without words. */
function checkReasons(reasons: readonly string[], text: string | null | undefined): void {
  if (!reasons.length) throw fieldError('weakOrgs.reason_required', 'reasons');
  if (reasons.includes('other') && !text?.trim()) throw fieldError('weakOrgs.other_needs_text', 'reasonText');
}

/** The county flags a grassroots organization of its subtree for its reasons; one open file per organization. */
export async function create(ctx: Ctx, actor: Actor, input: WeakOrgCreateT): Promise<WeakOrgDetailT> {
  const who = asUser(actor);
  requireMove(who, weakOrgFlow, 'flag');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId);
  // A county or a township is not a grassroots organization, nor is a party group (党小组) one to rectify.
  if (org.depth < 2 || org.type === 'group') throw fieldError('weakOrgs.not_grassroots', 'orgId');
  const today = todayOf(ctx);
  const flaggedOn = input.flaggedOn ?? today;
  if (flaggedOn > today) throw fieldError('weakOrgs.acceptance_date', 'flaggedOn');
  checkReasons(input.reasons, input.reasonText);
  const measures = checkMeasures(input.measures, flaggedOn);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.hasOpenFile(trx, org.id)) throw fieldError('weakOrgs.already_open', 'orgId', 409);
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertFiles(trx, [
      {
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        year: chinaYear(flaggedOn),
        status: 'flagged',
        reasons: JSON.stringify(input.reasons),
        reason_text: input.reasonText?.trim() || null,
        flagged_on: flaggedOn,
        leader_name: input.leaderName.trim(),
        leader_post: input.leaderPost.trim(),
        listed: input.listed ? 1 : 0,
        plan: input.plan?.trim() || null,
        measures: measures ? JSON.stringify(measures) : null,
        released_on: null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, authorOf(who), {
      tenantId: org.tenant_id,
      entityType: 'weak_org',
      entityId: id!,
      orgPath: org.org_path,
      action: weakOrgFlow.spec.actions.flag.event,
      toState: 'flagged',
      note: `${input.leaderPost.trim()} ${input.leaderName.trim()}`,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'weak_org.flag',
      entityType: 'weak_org',
      entityId: id!,
      changes: {
        status: { before: null, after: 'flagged' },
        orgId: { before: null, after: org.id },
        reasons: { before: null, after: input.reasons },
        leaderName: { before: null, after: input.leaderName.trim() },
      },
    });
    await bumpVersion(trx, org.tenant_id, 'weakOrgs');
    return id!;
  });
  return get(ctx, actor, id);
}

/** Changes a file: the plan and measures (county or township); the reasons, leader and listing by the county. */
export async function update(ctx: Ctx, actor: Actor, id: number, input: WeakOrgUpdateT): Promise<WeakOrgDetailT> {
  requireCapability(actor, 'weakOrgs.write');
  const r = await repo.getFile(ctx.db, actor, id);
  if (r.status === 'released') throw new DomainError('weakOrgs.file_closed', undefined, 409);
  const countyOnly = (['reasons', 'reasonText', 'leaderName', 'leaderPost', 'listed'] as const).find(
    (k) => input[k] !== undefined,
  );
  if (countyOnly && !roleCan(actor.role, 'weakOrgs.flag')) throw fieldError('weakOrgs.county_only', countyOnly, 403);
  const set: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const put = (col: string, key: string, before: unknown, after: unknown) => {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    set[col] = typeof after === 'object' && after !== null ? JSON.stringify(after) : after;
    changes[key] = { before, after };
  };
  if (input.reasons !== undefined || input.reasonText !== undefined) {
    const reasons = input.reasons ?? jsonArray<string>(r.reasons);
    const text = input.reasonText !== undefined ? input.reasonText?.trim() || null : r.reason_text;
    checkReasons(reasons, text);
    put('reasons', 'reasons', jsonArray(r.reasons), reasons);
    put('reason_text', 'reasonText', r.reason_text, text);
  }
  if (input.leaderName !== undefined) put('leader_name', 'leaderName', r.leader_name, input.leaderName.trim());
  if (input.leaderPost !== undefined) put('leader_post', 'leaderPost', r.leader_post, input.leaderPost.trim());
  if (input.listed !== undefined) put('listed', 'listed', Boolean(r.listed), input.listed);
  if (set.listed !== undefined) set.listed = input.listed ? 1 : 0;
  if (input.plan !== undefined) put('plan', 'plan', r.plan, input.plan?.trim() || null);
  const measures = checkMeasures(input.measures, r.flagged_on);
  if (measures) put('measures', 'measures', jsonArray(r.measures), measures);
  if (!Object.keys(set).length) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.updateFile(trx, id, { ...set, updated_at: now });
    await writeAudit(ctx, trx, actor, { action: 'weak_org.update', entityType: 'weak_org', entityId: id, changes });
    await bumpVersion(trx, r.tenant_id, 'weakOrgs');
  });
  return get(ctx, actor, id);
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'weak_org',
  domains: ['weakOrgs' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a file flagged by mistake (the county; recoverable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'weakOrgs.flag');
  await softDelete(ctx, actor, 'weak_orgs', id, CHANGE('weak_org.delete'));
}

/** Restores a deleted file, unless its organization has another open file since. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<WeakOrgDetailT> {
  requireCapability(actor, 'weakOrgs.flag');
  await restoreRow(ctx, actor, 'weak_orgs', id, {
    ...CHANGE('weak_org.restore'),
    before: async (trx, row) => {
      const open = (repo.OPEN as readonly string[]).includes(row.status as string);
      if (open && (await repo.hasOpenFile(trx, row.org_id as number, id)))
        throw fieldError('weakOrgs.already_open', 'orgId', 409);
    },
  });
  return get(ctx, actor, id);
}
