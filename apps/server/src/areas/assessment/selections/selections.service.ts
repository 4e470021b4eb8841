/**
 * Selections of the best (十佳村干部, 十杰百优, 优秀党员): the organizer announces one; organizations below
 * nominate members of their subtree within the quota and window; the organizer reviews each nomination; the
 * vote (one secret ballot per account of the organizer's subtree, up to N choices, recorded with who and when;
 * the count the organizer's alone — nothing from clicks, views or likes); the winners named (the count's top N, or
 * others with a reason, audited), publicized (公示) and published. This file holds the selection and its
 * nominations; the vote, the count and the winners are in `selections.voting.ts`.
 */
import {
  can as roleCan,
  chinaToday,
  type ErrorCode,
  type NominationCreateT,
  type NominationReviewT,
  type NominationT,
  type SelectionCreateT,
  type SelectionDetailT,
  type SelectionItemT,
  type SelectionListQueryT,
} from '@dangjian/contracts';
import { type Actor, inScope, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { allowedActions, asUser, authorOf } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './selections.repository.js';
import { type FlowRow, selectionFlow } from './selections.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** A JSON column read with a fallback for empty or broken text. */
export const json = <T>(s: string | null, d: T): T => {
  try {
    return s ? (JSON.parse(s) as T) : d;
  } catch {
    return d;
  }
};

/** Whether the caller organizes a selection: `selections.manage` over the organizer's organization. */
export const isOrganizer = (actor: Actor, r: { tenant_id: number; org_path: string }) =>
  roleCan(actor.role, 'selections.manage') && inScope(actor, r.tenant_id, r.org_path);

async function present(ctx: Ctx, actor: Actor, rows: repo.SelectionRow[]): Promise<SelectionItemT[]> {
  const counts = await repo.nominationCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const c = counts.get(r.id) ?? { nominees: 0, winners: 0 };
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      year: r.year,
      title: r.title,
      kind: r.kind as SelectionItemT['kind'],
      places: r.places,
      categories: json<string[]>(r.categories, []),
      nominateFrom: r.nominate_from,
      nominateTo: r.nominate_to,
      voteFrom: r.vote_from,
      voteTo: r.vote_to,
      quotaPerOrg: r.quota_per_org,
      maxChoices: r.max_choices,
      publicizeDays: r.publicize_days,
      status: r.status as SelectionItemT['status'],
      publicizedOn: r.publicized_on,
      publishedOn: r.published_on,
      nominees: c.nominees,
      winners: r.status === 'publicizing' || r.status === 'published' ? c.winners : 0,
      organizer: isOrganizer(actor, r),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
    };
  });
}

/** Selections the caller sees: its subtree's and those of the committees above it. */
export async function list(ctx: Ctx, actor: Actor, q: SelectionListQueryT): Promise<Listed<SelectionItemT>> {
  requireCapability(actor, 'selections.read');
  const { rows, total } = await repo.listSelections(ctx.db, actor, q, pagingOf(q));
  return { items: await present(ctx, actor, rows), total };
}

const presentNomination = (n: repo.NominationRow): NominationT => ({
  id: n.id,
  selectionId: n.selection_id,
  orgId: n.org_id,
  orgName: n.org_name,
  memberId: n.member_id,
  memberName: n.member_name,
  memberOrgName: n.member_org_name,
  category: n.category,
  deeds: n.deeds,
  evidence: n.evidence,
  status: n.status as NominationT['status'],
  reviewReason: n.review_reason,
  winner: Boolean(n.winner),
  winnerReason: n.winner_reason,
  createdAt: n.created_at,
});

/** A selection's row for the flow, in the caller's sight, with its candidates and today. */
export async function flowRow(ctx: Ctx, actor: Actor, id: number, rows: 'live' | 'any' = 'live'): Promise<FlowRow> {
  const r = await repo.getSelection(ctx.db, actor, id, rows);
  const c = (await repo.nominationCounts(ctx.db, [id])).get(id);
  return { ...r, candidates: c?.nominees ?? 0, today: todayOf(ctx) };
}

/** One selection: its nominations (the caller's subtree's), the winners once publicized, and the moves. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<SelectionDetailT> {
  requireCapability(actor, 'selections.read');
  const r = await flowRow(ctx, actor, id, 'any');
  const [item] = await present(ctx, actor, [r]);
  const today = todayOf(ctx);
  const mine = roleCan(actor.role, 'selections.nominate') ? await repo.nominationsOf(ctx.db, actor, id) : [];
  const shown = r.status === 'publicizing' || r.status === 'published';
  const all = shown ? await repo.allNominations(ctx.db, id) : [];
  const ballot = await repo.ballotOf(ctx.db, id, actor.userId);
  const voter = roleCan(actor.role, 'selections.vote') && (actor.orgPath ?? '').startsWith(r.org_path);
  return {
    ...item!,
    rules: r.rules,
    nominations: mine.map(presentNomination),
    winnerList: all
      .filter((n) => n.winner)
      .map((n) => ({ memberName: n.member_name, orgName: n.member_org_name, category: n.category })),
    events: await listTimeline(ctx.db, 'selection', id),
    actions: r.deleted_at ? [] : allowedActions(asUser(actor), selectionFlow, r),
    canNominate:
      !r.deleted_at &&
      r.status === 'nominating' &&
      today >= r.nominate_from &&
      today <= r.nominate_to &&
      roleCan(actor.role, 'selections.nominate') &&
      (actor.orgPath ?? '').startsWith(r.org_path),
    canVote: !r.deleted_at && r.status === 'voting' && today <= r.vote_to && voter && !ballot,
    voted: ballot != null,
  };
}

/** An organizer announces a selection. */
export async function create(ctx: Ctx, actor: Actor, input: SelectionCreateT): Promise<SelectionDetailT> {
  requireCapability(actor, 'selections.manage');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId ?? actor.orgId!);
  if (org.type !== 'committee' || org.depth > 1) throw fieldError('selections.not_committee', 'orgId');
  if (input.nominateFrom > input.nominateTo) throw fieldError('selections.bad_windows', 'nominateTo');
  if (input.voteFrom > input.voteTo) throw fieldError('selections.bad_windows', 'voteTo');
  if (input.voteFrom < input.nominateTo) throw fieldError('selections.bad_windows', 'voteFrom');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertSelections(trx, [
      {
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        year: input.year,
        title: input.title.trim(),
        kind: input.kind,
        places: input.places,
        categories: JSON.stringify((input.categories ?? []).map((c) => c.trim()).filter(Boolean)),
        rules: input.rules?.trim() || null,
        nominate_from: input.nominateFrom,
        nominate_to: input.nominateTo,
        vote_from: input.voteFrom,
        vote_to: input.voteTo,
        quota_per_org: input.quotaPerOrg,
        max_choices: input.maxChoices,
        publicize_days: input.publicizeDays ?? 5,
        status: 'nominating',
        publicized_on: null,
        published_on: null,
        winner_reason: null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: org.tenant_id,
      entityType: 'selection',
      entityId: id!,
      orgPath: org.org_path,
      action: 'created',
      toState: 'nominating',
      note: `${input.title.trim()}，名额 ${input.places}`,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'selection.create',
      entityType: 'selection',
      entityId: id!,
      changes: { title: { before: null, after: input.title.trim() }, places: { before: null, after: input.places } },
    });
    await bumpVersion(trx, org.tenant_id, 'selections');
    return id!;
  });
  return get(ctx, actor, id);
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'selection',
  domains: ['selections' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a selection announced by mistake (the organizer; recoverable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'selections.manage');
  await softDelete(ctx, actor, 'selections', id, CHANGE('selection.delete'));
}

/** Restores a deleted selection. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<SelectionDetailT> {
  requireCapability(actor, 'selections.manage');
  await restoreRow(ctx, actor, 'selections', id, CHANGE('selection.restore'));
  return get(ctx, actor, id);
}

/** An organization below the organizer nominates a member of its own subtree, within its quota and the window. */
export async function nominate(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: NominationCreateT,
): Promise<SelectionDetailT> {
  requireCapability(actor, 'selections.nominate');
  const s = await repo.getSelection(ctx.db, actor, id);
  const today = todayOf(ctx);
  if (s.status !== 'nominating' || today < s.nominate_from || today > s.nominate_to)
    throw new DomainError('selections.not_nominating', undefined, 409);
  if (!(actor.orgPath ?? '').startsWith(s.org_path)) throw new DomainError('selections.not_nominating', undefined, 409);
  const m = await repo.memberIn(ctx.db, actor.tenantId!, actor.orgPath!, input.memberId);
  if (!m) throw fieldError('selections.member_outside', 'memberId');
  const categories = json<string[]>(s.categories, []);
  const category = input.category?.trim() || null;
  if (category && categories.length && !categories.includes(category)) throw fieldError('validation', 'category');
  await ctx.db.transaction().execute(async (trx) => {
    const { used, taken } = await repo.nominatedBy(trx, id, actor.orgId!, m.id);
    if (taken) throw fieldError('selections.already_nominated', 'memberId', 409);
    if (used >= s.quota_per_org) throw fieldError('selections.quota_full', 'memberId', 409);
    const now = ctx.clock().toISOString();
    const [nid] = await repo.insertNominations(trx, [
      {
        tenant_id: s.tenant_id,
        org_id: actor.orgId!,
        org_path: actor.orgPath!,
        selection_id: id,
        member_id: m.id,
        member_name: m.name,
        category,
        deeds: input.deeds.trim(),
        evidence: input.evidence?.trim() || null,
        status: 'pending',
        review_reason: null,
        winner_reason: null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await writeAudit(ctx, trx, actor, {
      action: 'selection.nominate',
      entityType: 'selection_nomination',
      entityId: nid!,
      changes: { selectionId: { before: null, after: id }, member: { before: null, after: m.name } },
    });
    await bumpVersion(trx, s.tenant_id, 'selections');
  });
  return get(ctx, actor, id);
}

/** The organizer accepts or rejects a nomination (a rejection with its reason) while nominations are taken. */
export async function review(ctx: Ctx, actor: Actor, nominationId: number, input: NominationReviewT) {
  requireCapability(actor, 'selections.manage');
  const n = await repo.getNomination(ctx.db, actor, nominationId);
  const s = await repo.getSelection(ctx.db, actor, n.selection_id);
  if (!isOrganizer(actor, s)) throw new DomainError('selections.not_organizer', undefined, 403);
  if (s.status !== 'nominating') throw new DomainError('selections.not_nominating', undefined, 409);
  const reason = input.reason?.trim() || null;
  if (!input.accept && !reason) throw fieldError('selections.reason_required', 'reason');
  const status = input.accept ? 'accepted' : 'rejected';
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateNomination(trx, n.id, { status, review_reason: reason, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, {
      action: 'selection.review',
      entityType: 'selection_nomination',
      entityId: n.id,
      changes: { status: { before: n.status, after: status }, reason: { before: n.review_reason, after: reason } },
    });
    await bumpVersion(trx, s.tenant_id, 'selections');
  });
  return get(ctx, actor, s.id);
}
