/**
 * Pledges (承诺践诺): the list, a pledge with its progress, evaluations, photos, timeline and the moves the caller
 * may make, the draft (a member's own; staff a member's or their organization's 为民办实事), changes of a draft,
 * soft delete and restore of drafts. The moves, progress, photos and evaluations are in `pledges.moves.ts`.
 */
import {
  can as roleCan,
  chinaToday,
  type ErrorCode,
  type PledgeCreateT,
  type PledgeDetailT,
  type PledgeItemT,
  type PledgeListQueryT,
  type PledgeUpdateT,
} from '@dangjian/contracts';
import { type Actor, inScope, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { listPhotos } from '../../../platform/data/photos.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { presentEvaluation, presentPledge, presentProgress } from './pledges.present.js';
import * as repo from './pledges.repository.js';
import { pledgesRules } from './pledges.rules.js';
import { type FlowRow, pledgeFlow, windowEnd } from './pledges.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** States a pledge's text may still change in. */
const EDITABLE = ['draft', 'returned'];
/** States progress may be recorded in. */
const FULFILLING = ['published', 'reported'];

/** Whether the caller is the pledge's maker: its member, or staff of its subtree. */
export function isMaker(actor: Actor, r: repo.PledgeRow): boolean {
  if (!inScope(actor, r.tenant_id, r.org_path)) return false;
  if (actor.role === 'member') return r.member_id != null && r.member_id === actor.memberId;
  return roleCan(actor.role, 'pledges.make');
}

/** List rows with their rating counts. */
async function rowsOf(ctx: Ctx, rows: repo.PledgeRow[]): Promise<PledgeItemT[]> {
  const counts = await repo.ratingCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentPledge(r, counts.get(r.id)));
}

/** Pledges the caller may see, newest year first (`mine`: the caller's own as a member). */
export async function list(ctx: Ctx, actor: Actor, query: PledgeListQueryT): Promise<Listed<PledgeItemT>> {
  requireCapability(actor, 'pledges.read');
  const memberId = query.mine ? (actor.memberId ?? -1) : query.memberId;
  const filter: repo.PledgeFilter = {
    underPath: await orgsRepo.underOrg(ctx.db, actor, query.org),
    q: query.q?.trim() || undefined,
    year: query.year,
    kind: query.kind,
    status: query.status,
    category: query.category,
    memberId,
    deleted: query.deleted,
  };
  const { rows, total } = await repo.listPledges(ctx.db, actor, filter, pagingOf(query));
  return { items: await rowsOf(ctx, rows), total };
}

/** A pledge's row for the flow: with today and the end of its evaluation window. */
export async function flowRow(ctx: Ctx, actor: Actor, id: number, rows: 'live' | 'any' = 'live'): Promise<FlowRow> {
  const r = await repo.getPledge(ctx.db, actor, id, rows);
  const rules = await pledgesRules(ctx.db, r.tenant_id, r.year);
  return { ...r, today: todayOf(ctx), window_ends: windowEnd(r.fulfilled_on, rules.evaluationDays) };
}

/** One pledge with its progress, evaluations, photos, timeline and the moves the caller may make now. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<PledgeDetailT> {
  requireCapability(actor, 'pledges.read');
  const r = await flowRow(ctx, actor, id, 'any');
  const [item] = await rowsOf(ctx, [r]);
  const [progress, evaluations, photos, events] = await Promise.all([
    repo.progressOf(ctx.db, id),
    repo.evaluationsOf(ctx.db, id),
    listPhotos(ctx.db, 'pledge', id),
    listTimeline(ctx.db, 'pledge', id),
  ]);
  const live = !r.deleted_at;
  const maker = isMaker(actor, r);
  const evaluatedByMe =
    actor.memberId != null && evaluations.some((e) => e.evaluator_key === memberKey(actor.memberId!));
  const staff = actor.role !== 'member';
  return {
    ...item!,
    progress: progress.map(presentProgress),
    evaluations: evaluations.map(presentEvaluation),
    photos: photos.map((p) => ({ id: p.id, url: `/api/pledges/${id}/photos/${p.id}` })),
    events,
    actions: live ? allowedActions(asUser(actor), pledgeFlow, r) : [],
    canEdit: live && maker && EDITABLE.includes(r.status),
    canProgress: live && maker && FULFILLING.includes(r.status),
    canEvaluate:
      live &&
      r.status === 'fulfilled' &&
      actor.memberId != null &&
      roleCan(actor.role, 'pledges.evaluate') &&
      r.member_id !== actor.memberId &&
      !evaluatedByMe,
    publicToken: staff ? r.public_token : null,
    evaluationEndsOn: r.window_ends,
  };
}

/** The evaluator key of a member. */
export const memberKey = (memberId: number) => `m:${memberId}`;

/** Where a new pledge lies and whose it is: a member's own, a member chosen by staff, or an organization. */
async function placeOf(ctx: Ctx, actor: Actor, input: PledgeCreateT) {
  if (input.kind === 'org') {
    // An organization's pledge (为民办实事) is made by its staff, never by a member alone.
    requireCapability(actor, 'pledges.review');
    const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId ?? actor.orgId!);
    return { org: { id: org.id, tenant_id: org.tenant_id, org_path: org.org_path }, memberId: null };
  }
  let memberId = input.memberId ?? null;
  if (actor.role === 'member') {
    if (actor.memberId == null) throw new DomainError('pledges.no_member_account', undefined, 403);
    if (memberId != null && memberId !== actor.memberId) throw fieldError('pledges.not_yours', 'memberId', 403);
    memberId = actor.memberId;
  }
  if (memberId == null) throw fieldError('pledges.member_required', 'memberId');
  const m = await repo.memberOf(ctx.db, actor.tenantId!, memberId);
  if (!m || !inScope(actor, actor.tenantId!, m.org_path)) throw notFound();
  if (input.orgId != null && input.orgId !== m.org_id) throw fieldError('pledges.member_not_in_org', 'orgId');
  return { org: { id: m.org_id, tenant_id: actor.tenantId!, org_path: m.org_path }, memberId: m.id };
}

/** Drafts a pledge (草稿): a member its own; staff a member's of their subtree or an organization's. */
export async function create(ctx: Ctx, actor: Actor, input: PledgeCreateT): Promise<PledgeDetailT> {
  requireMove(asUser(actor), pledgeFlow, 'create');
  const { org, memberId } = await placeOf(ctx, actor, input);
  if (input.dueOn.slice(0, 4) !== String(input.year)) throw fieldError('pledges.due_out_of_year', 'dueOn');
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (memberId != null) {
      const rules = await pledgesRules(trx, org.tenant_id, input.year);
      if ((await repo.countOfMember(trx, memberId, input.year)) >= rules.maxPerMemberYear)
        throw fieldError('pledges.too_many', 'year', 409);
    }
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertPledges(trx, [
      {
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        member_id: memberId,
        kind: input.kind,
        year: input.year,
        status: 'draft',
        category: input.category,
        title: input.title.trim(),
        content: input.content.trim(),
        due_on: input.dueOn,
        fulfilled_on: null,
        fulfilment: null,
        problems_text: null,
        return_reason: null,
        public_token: null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: org.tenant_id,
      entityType: 'pledge',
      entityId: id!,
      orgPath: org.org_path,
      action: pledgeFlow.spec.actions.create.event,
      toState: 'draft',
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'pledge.create',
      entityType: 'pledge',
      entityId: id!,
      changes: {
        kind: { before: null, after: input.kind },
        memberId: { before: null, after: memberId },
        title: { before: null, after: input.title.trim() },
      },
    });
    await bumpVersion(trx, org.tenant_id, 'pledges');
    return id!;
  });
  return get(ctx, actor, id);
}

/** The pledge's maker, or 403; the pledge must be a draft or returned. */
function requireEditable(actor: Actor, r: repo.PledgeRow): void {
  if (!isMaker(actor, r)) throw new DomainError('pledges.not_yours', undefined, 403);
  if (!EDITABLE.includes(r.status)) throw new DomainError('pledges.wrong_state', undefined, 409);
}

/** Changes a draft or returned pledge (its maker). */
export async function update(ctx: Ctx, actor: Actor, id: number, input: PledgeUpdateT): Promise<PledgeDetailT> {
  requireCapability(actor, 'pledges.make');
  const r = await repo.getPledge(ctx.db, actor, id);
  requireEditable(actor, r);
  if (input.dueOn !== undefined && input.dueOn.slice(0, 4) !== String(r.year))
    throw fieldError('pledges.due_out_of_year', 'dueOn');
  const set: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const put = (col: keyof repo.PledgeRow, key: string, after: string | undefined) => {
    if (after === undefined || after === r[col]) return;
    set[col] = after;
    changes[key] = { before: r[col], after };
  };
  put('category', 'category', input.category);
  put('title', 'title', input.title?.trim());
  put('content', 'content', input.content?.trim());
  put('due_on', 'dueOn', input.dueOn);
  if (!Object.keys(set).length) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePledge(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, { action: 'pledge.update', entityType: 'pledge', entityId: id, changes });
    await bumpVersion(trx, r.tenant_id, 'pledges');
  });
  return get(ctx, actor, id);
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'pledge',
  domains: ['pledges' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a draft or returned pledge made by mistake (its maker; recoverable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'pledges.make');
  const r = await repo.getPledge(ctx.db, actor, id);
  if (!isMaker(actor, r)) throw new DomainError('pledges.not_yours', undefined, 403);
  if (!EDITABLE.includes(r.status)) throw new DomainError('pledges.only_drafts', undefined, 409);
  await softDelete(ctx, actor, 'pledges', id, CHANGE('pledge.delete'));
}

/** Restores a deleted pledge (its maker). */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<PledgeDetailT> {
  requireCapability(actor, 'pledges.make');
  const r = await repo.getPledge(ctx.db, actor, id, 'any');
  if (!isMaker(actor, r)) throw new DomainError('pledges.not_yours', undefined, 403);
  // Restoring a live pledge changes nothing (as the other modules' restores).
  if (!r.deleted_at) return get(ctx, actor, id);
  await restoreRow(ctx, actor, 'pledges', id, CHANGE('pledge.restore'));
  return get(ctx, actor, id);
}
