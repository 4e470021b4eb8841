/**
 * Member points (积分制): the ledger list (a member reads its own), an entry with its timeline, manual entries
 * with evidence through branch → township approval, disputes before the month is published and the
 * secretary's answer (upheld → a reversing entry), publication of a branch's month, the harvest on demand and
 * the daily job, rankings and a member's own year. Points are never updated: every correction is a new row.
 */
import {
  can as roleCan,
  chinaToday,
  chinaYear,
  type ErrorCode,
  type MyPointsT,
  type PointDetailT,
  type PointEntryT,
  type PointListQueryT,
  type PointManualCreateT,
  type PointRankingQueryT,
  type PointRankingRowT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability, scopeRange } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { act, allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './points.repository.js';
import { pointsRules } from './points.rules.js';
import { type FlowRow, pointFlow } from './points.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** The answer row of a ledger row and its latest dispute. */
function present(r: repo.LedgerRow, dispute: repo.DisputeRow | undefined): PointEntryT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    memberId: r.member_id,
    memberName: r.member_name,
    event: r.event as PointEntryT['event'],
    kind: (r.kind as PointEntryT['kind']) ?? null,
    points: r.points,
    occurredOn: r.occurred_on,
    month: r.month,
    sourceRef: r.source_ref,
    reversesId: r.reverses_id,
    reversed: Boolean(Number(r.reversed)),
    note: r.note,
    evidence: r.evidence,
    status: r.status as PointEntryT['status'],
    rejectReason: r.reject_reason,
    published: Boolean(Number(r.published)),
    dispute: dispute
      ? {
          id: dispute.id,
          status: dispute.status as 'open' | 'upheld' | 'rejected',
          reason: dispute.reason,
          answer: dispute.answer,
          createdAt: dispute.created_at,
          answeredAt: dispute.answered_at,
        }
      : null,
    createdAt: r.created_at,
  };
}

/** The repository filter of a list query; a member reads only its own ledger. */
async function filterOf(ctx: Ctx, actor: Actor, query: PointListQueryT): Promise<repo.LedgerFilter> {
  return {
    underPath: await orgsRepo.underOrg(ctx.db, actor, query.org),
    memberId: actor.role === 'member' ? (actor.memberId ?? -1) : query.member,
    year: query.year,
    month: query.month,
    event: query.event,
    status: query.status,
    disputed: query.disputed,
    q: query.q?.trim() || undefined,
  };
}

/** Ledger rows with their latest disputes. */
async function rowsOf(ctx: Ctx, rows: repo.LedgerRow[]): Promise<PointEntryT[]> {
  const disputes = await repo.disputesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const last = new Map<number, repo.DisputeRow>();
  for (const d of disputes) last.set(d.entry_id, d);
  return rows.map((r) => present(r, last.get(r.id)));
}

/** The ledger of the caller's scope (a member: its own), the newest first. */
export async function list(ctx: Ctx, actor: Actor, query: PointListQueryT): Promise<Listed<PointEntryT>> {
  requireCapability(actor, 'points.read');
  const { rows, total } = await repo.listLedger(
    ctx.db,
    actor,
    await filterOf(ctx, actor, query),
    pagingOf(query),
    ctx.dialect,
  );
  return { items: await rowsOf(ctx, rows), total };
}

/** An entry's row for the flow (404 outside the scope, and for a member another member's entry). */
export async function flowRow(ctx: Ctx, actor: Actor, id: number): Promise<FlowRow> {
  const r = await repo.getEntry(ctx.db, actor, id);
  if (actor.role === 'member' && r.member_id !== actor.memberId) throw new DomainError('not_found');
  return { ...r, published: await repo.isPublished(ctx.db, r.org_id, r.month) };
}

/** One entry with its timeline and the moves the caller may make now. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<PointDetailT> {
  requireCapability(actor, 'points.read');
  const r = await flowRow(ctx, actor, id);
  const { rows } = await repo.listLedger(ctx.db, actor, { ids: [id] }, { page: 1, pageSize: 1 }, ctx.dialect);
  const [item] = await rowsOf(ctx, rows);
  const events = await listTimeline(ctx.db, 'point_entry', id);
  const openDispute = item!.dispute?.status === 'open';
  const disputable =
    r.status === 'approved' && !r.published && r.reverses_id == null && !item!.reversed && !item!.dispute;
  return {
    ...item!,
    events,
    actions: allowedActions(asUser(actor), pointFlow, r),
    canDispute: disputable && actor.role === 'member' && actor.memberId === r.member_id,
    canAnswer: openDispute && !r.published && roleCan(actor.role, 'points.write'),
  };
}

/** The branch records a manual entry with its evidence (submitted; counted once the township approves). */
export async function createManual(ctx: Ctx, actor: Actor, input: PointManualCreateT): Promise<PointDetailT> {
  const who = asUser(actor);
  requireMove(who, pointFlow, 'submit');
  const member = await repo.memberInScope(ctx.db, actor, input.memberId);
  if (!member) throw fieldError('points.not_member', 'memberId', 404);
  const evidence = input.evidence?.trim();
  if (!evidence) throw fieldError('points.evidence_required', 'evidence');
  if (input.points === 0) throw fieldError('points.zero', 'points');
  const today = todayOf(ctx);
  if (input.occurredOn > today) throw fieldError('points.month_future', 'occurredOn');
  const rules = await pointsRules(ctx.db, member.tenant_id, chinaYear(input.occurredOn));
  if (Math.abs(input.points) > rules.manualMax) throw fieldError('points.too_many', 'points');
  const points = input.kind === 'deduction' ? -Math.abs(input.points) : input.points;
  const month = input.occurredOn.slice(0, 7);
  if (await repo.isPublished(ctx.db, member.org_id, month))
    throw fieldError('points.month_published', 'occurredOn', 409);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertEntries(trx, [
      {
        tenant_id: member.tenant_id,
        org_id: member.org_id,
        org_path: member.org_path,
        member_id: member.id,
        event: 'manual',
        kind: input.kind,
        points,
        occurred_on: input.occurredOn,
        month,
        year: chinaYear(input.occurredOn),
        source_ref: `manual:${now}:${Math.random().toString(36).slice(2, 10)}`,
        reverses_id: null,
        note: input.note.trim(),
        evidence,
        status: 'submitted',
        reject_reason: null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, authorOf(who), {
      tenantId: member.tenant_id,
      entityType: 'point_entry',
      entityId: id!,
      orgPath: member.org_path,
      action: pointFlow.spec.actions.submit.event,
      toState: 'submitted',
      note: `${member.name} ${points > 0 ? '+' : ''}${points}：${input.note.trim()}`,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'point.create',
      entityType: 'point_entry',
      entityId: id!,
      changes: {
        memberId: { before: null, after: member.id },
        points: { before: null, after: points },
        kind: { before: null, after: input.kind },
        status: { before: null, after: 'submitted' },
      },
    });
    await bumpVersion(trx, member.tenant_id, 'points');
    return id!;
  });
  return get(ctx, actor, id);
}

/** Makes a move of a manual entry; answers the entry as it is now. */
async function run(ctx: Ctx, actor: Actor, id: number, action: 'branch_approve' | 'approve' | 'reject', input: object) {
  const who = asUser(actor);
  requireMove(who, pointFlow, action);
  const r = await flowRow(ctx, actor, id);
  await act(ctx, who, pointFlow, r, action, input as Record<string, unknown>);
  return get(ctx, actor, id);
}

/** The branch approves a manual entry (on to the township). */
export function branchApprove(ctx: Ctx, actor: Actor, id: number, note: string | null) {
  return run(ctx, actor, id, 'branch_approve', { note });
}

/** The township approves a manual entry: it counts from now. */
export function approve(ctx: Ctx, actor: Actor, id: number, note: string | null) {
  return run(ctx, actor, id, 'approve', { note });
}

/** Rejects a manual entry with the reason. */
export function reject(ctx: Ctx, actor: Actor, id: number, reason: string) {
  return run(ctx, actor, id, 'reject', { reason });
}

/** The ranking of a subtree's members (a branch by default: the caller's) for a year or a month. */
export async function ranking(ctx: Ctx, actor: Actor, query: PointRankingQueryT): Promise<Listed<PointRankingRowT>> {
  requireCapability(actor, 'points.read');
  const path = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const range = path ? subtreeRange(path) : scopeRange(actor);
  const rules = await pointsRules(ctx.db, actor.tenantId!, query.year);
  if (query.month && !query.month.startsWith(String(query.year))) throw fieldError('points.month_future', 'month');
  const rows = await repo.ranking(ctx.db, actor.tenantId!, range, query.year, rules, query.month);
  const { page, pageSize } = pagingOf(query);
  return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length };
}

/** A member's own points of a year by month, with its rank in its branch (the phone page). */
export async function mine(ctx: Ctx, actor: Actor, year = chinaYear(todayOf(ctx))): Promise<MyPointsT> {
  requireCapability(actor, 'points.read');
  const memberId = actor.memberId;
  if (memberId == null || !actor.orgPath)
    return { year, memberId: null, total: 0, rank: null, branchSize: 0, months: [] };
  const member = await repo.memberInScope(ctx.db, actor, memberId);
  const rules = await pointsRules(ctx.db, actor.tenantId!, year);
  const rows = member ? await repo.ranking(ctx.db, actor.tenantId!, subtreeRange(actor.orgPath), year, rules) : [];
  const me = rows.find((r) => r.memberId === memberId);
  const { rows: ledger } = await repo.listLedger(
    ctx.db,
    actor,
    { memberId, year },
    { page: 1, pageSize: 500 },
    ctx.dialect,
  );
  const entries = await rowsOf(ctx, ledger);
  const months = new Map<string, PointEntryT[]>();
  for (const e of entries) months.set(e.month, [...(months.get(e.month) ?? []), e]);
  return {
    year,
    memberId,
    total: me?.points ?? 0,
    rank: me && me.points > 0 ? me.rank : null,
    branchSize: rows.length,
    months: [...months.entries()]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([month, es]) => ({
        month,
        points: es.filter((e) => e.status === 'approved').reduce((n, e) => n + e.points, 0),
        published: es.some((e) => e.published),
        entries: es,
      })),
  };
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'point_entry',
  domains: ['points' as const],
  stampUpdatedAt: true,
  // Only a manual entry not yet counted may be deleted: a counted one is corrected by a reversing entry.
  before: async (_trx: unknown, row: Record<string, unknown>) => {
    if (row.event !== 'manual' || !['submitted', 'rejected'].includes(row.status as string))
      throw new DomainError('points.wrong_state', undefined, 409);
  },
});

/** Soft-deletes a manual entry recorded by mistake (before it counts; recoverable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'points.write');
  await softDelete(ctx, actor, 'point_entries', id, CHANGE('point.delete'));
}

/** Restores a deleted manual entry. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<PointDetailT> {
  requireCapability(actor, 'points.write');
  await restoreRow(ctx, actor, 'point_entries', id, CHANGE('point.restore'));
  return get(ctx, actor, id);
}
