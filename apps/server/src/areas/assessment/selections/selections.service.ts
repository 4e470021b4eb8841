/**
 * Selections of the best (十佳村干部, 十杰百优, 优秀党员): the organizer announces one; organizations below
 * nominate members of their subtree within the quota and window; the organizer reviews each nomination; the
 * vote (one secret ballot per account of the organizer's subtree, up to N choices, recorded with who and when;
 * the count the organizer's alone — nothing from clicks, views or likes); the winners named (the count's top N, or
 * others with a reason, audited), publicized (公示) and published.
 */
import {
  can as roleCan,
  chinaToday,
  type BallotCastT,
  type BallotT,
  type ErrorCode,
  type NominationCreateT,
  type NominationReviewT,
  type NominationT,
  type SelectionCountT,
  type SelectionCreateT,
  type SelectionDetailT,
  type SelectionItemT,
  type SelectionListQueryT,
  type WinnersBodyT,
} from '@dangjian/contracts';
import { type Actor, inScope, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit, writeAuditAlone } from '../../../platform/data/audit.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { act, allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './selections.repository.js';
import { type FlowRow, selectionFlow } from './selections.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

const json = <T>(s: string | null, d: T): T => {
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

async function flowRow(ctx: Ctx, actor: Actor, id: number, rows: 'live' | 'any' = 'live'): Promise<FlowRow> {
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

/** The organizer closes the nominations and opens the vote. */
export async function openVote(ctx: Ctx, actor: Actor, id: number): Promise<SelectionDetailT> {
  const who = asUser(actor);
  requireMove(who, selectionFlow, 'open_vote');
  await act(ctx, who, selectionFlow, await flowRow(ctx, actor, id), 'open_vote', {});
  return get(ctx, actor, id);
}

/** The ballot paper of a voter: the accepted candidates, and its own ballot once cast. */
export async function ballot(ctx: Ctx, actor: Actor, id: number): Promise<BallotT> {
  requireCapability(actor, 'selections.vote');
  const s = await repo.getSelection(ctx.db, actor, id);
  if (!(actor.orgPath ?? '').startsWith(s.org_path)) throw new DomainError('selections.not_voter', undefined, 403);
  const [noms, mine] = await Promise.all([repo.allNominations(ctx.db, id), repo.ballotOf(ctx.db, id, actor.userId)]);
  return {
    selectionId: id,
    title: s.title,
    maxChoices: s.max_choices,
    voteFrom: s.vote_from,
    voteTo: s.vote_to,
    open: s.status === 'voting' && todayOf(ctx) <= s.vote_to,
    candidates: noms
      .filter((n) => n.status === 'accepted')
      .map((n) => ({
        id: n.id,
        memberName: n.member_name,
        orgName: n.member_org_name,
        category: n.category,
        deeds: n.deeds,
      })),
    myChoices: mine ? json<number[]>(mine.choices, []) : null,
    castAt: mine?.cast_at ?? null,
  };
}

/** A voter casts its one ballot: up to N accepted candidates, recorded with who and when. */
export async function vote(ctx: Ctx, actor: Actor, id: number, input: BallotCastT): Promise<BallotT> {
  requireCapability(actor, 'selections.vote');
  const s = await repo.getSelection(ctx.db, actor, id);
  if (!(actor.orgPath ?? '').startsWith(s.org_path)) throw new DomainError('selections.not_voter', undefined, 403);
  if (s.status !== 'voting' || todayOf(ctx) > s.vote_to) throw new DomainError('selections.not_voting', undefined, 409);
  if (input.choices.length > s.max_choices) throw fieldError('selections.too_many_choices', 'choices');
  const accepted = new Set(
    (await repo.allNominations(ctx.db, id)).filter((n) => n.status === 'accepted').map((n) => n.id),
  );
  if (input.choices.some((c) => !accepted.has(c))) throw fieldError('selections.not_candidate', 'choices');
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.ballotOf(trx, id, actor.userId)) throw new DomainError('selections.already_voted', undefined, 409);
    const now = ctx.clock().toISOString();
    await repo.insertBallots(trx, [
      {
        tenant_id: s.tenant_id,
        org_id: actor.orgId!,
        org_path: actor.orgPath!,
        selection_id: id,
        voter_user_id: actor.userId,
        choices: JSON.stringify([...input.choices].sort((a, b) => a - b)),
        cast_at: now,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    // The audit says who voted and when, never for whom: the ballot is secret.
    await writeAudit(ctx, trx, actor, { action: 'selection.vote', entityType: 'selection', entityId: id });
    await bumpVersion(trx, s.tenant_id, 'selections');
  });
  return ballot(ctx, actor, id);
}

/** Votes per accepted candidate, ranked (ties share a rank). */
async function tally(ctx: Ctx, id: number) {
  const noms = (await repo.allNominations(ctx.db, id)).filter((n) => n.status === 'accepted');
  const ballots = await repo.ballotChoices(ctx.db, id);
  const votes = new Map<number, number>(noms.map((n) => [n.id, 0]));
  for (const b of ballots) for (const c of json<number[]>(b, [])) if (votes.has(c)) votes.set(c, votes.get(c)! + 1);
  const rows = noms.map((n) => ({ n, votes: votes.get(n.id)! })).sort((a, b) => b.votes - a.votes || a.n.id - b.n.id);
  return {
    ballots: ballots.length,
    rows: rows.map((r) => ({ ...r, rank: rows.filter((x) => x.votes > r.votes).length + 1 })),
  };
}

/** The live count, for the organizer alone (reading it is audited). */
export async function count(ctx: Ctx, actor: Actor, id: number): Promise<SelectionCountT> {
  requireCapability(actor, 'selections.manage');
  const s = await repo.getSelection(ctx.db, actor, id);
  if (!isOrganizer(actor, s)) throw new DomainError('selections.not_organizer', undefined, 403);
  const t = await tally(ctx, id);
  await writeAuditAlone(ctx, actor, { action: 'selection.count', entityType: 'selection', entityId: id });
  return {
    selectionId: id,
    ballots: t.ballots,
    voters: await repo.votersIn(ctx.db, s.tenant_id, s.org_path),
    rows: t.rows.map((r) => ({
      nominationId: r.n.id,
      memberName: r.n.member_name,
      orgName: r.n.member_org_name,
      category: r.n.category,
      votes: r.votes,
      rank: r.rank,
      winner: Boolean(r.n.winner),
    })),
  };
}

/**
 * The organizer names the winners and the result is publicized: the count's top N (by rank, within the places) need
 * no words; any other choice needs the reason, kept on the selection and on each winner off the count.
 */
export async function publicize(ctx: Ctx, actor: Actor, id: number, input: WinnersBodyT): Promise<SelectionDetailT> {
  const who = asUser(actor);
  requireMove(who, selectionFlow, 'publicize');
  const r = await flowRow(ctx, actor, id);
  if (input.nominationIds.length > r.places) throw fieldError('selections.too_many_winners', 'nominationIds');
  const t = await tally(ctx, id);
  const byId = new Map(t.rows.map((x) => [x.n.id, x]));
  if (input.nominationIds.some((n) => !byId.has(n))) throw fieldError('selections.not_candidate', 'nominationIds');
  // On the count: within the top N places by rank (ties at the edge count as on the count).
  const onCount = (n: number) => byId.get(n)!.rank <= r.places;
  const full = Math.min(r.places, t.rows.length) === input.nominationIds.length;
  const off = input.nominationIds.filter((n) => !onCount(n));
  const reason = input.reason?.trim() || null;
  if ((off.length || !full) && !reason) throw fieldError('selections.winner_reason', 'reason');
  const names = input.nominationIds.map((n) => byId.get(n)!.n.member_name).join('、');
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.setWinners(trx, id, new Map(input.nominationIds.map((n) => [n, off.includes(n) ? reason : null])), now);
    await trx.updateTable('selections').set({ winner_reason: reason }).where('id', '=', id).execute();
  });
  await act(ctx, who, selectionFlow, r, 'publicize', {
    today: todayOf(ctx),
    note: `当选人：${names}${reason ? `（调整理由：${reason}）` : ''}`,
  });
  return get(ctx, actor, id);
}

/** The publicity period over, the organizer publishes the winners. */
export async function publish(ctx: Ctx, actor: Actor, id: number): Promise<SelectionDetailT> {
  const who = asUser(actor);
  requireMove(who, selectionFlow, 'publish');
  await act(ctx, who, selectionFlow, await flowRow(ctx, actor, id), 'publish', { today: todayOf(ctx) });
  return get(ctx, actor, id);
}
