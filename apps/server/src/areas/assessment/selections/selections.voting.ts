/**
 * The vote of a selection and its result: the organizer opens the vote; each account of the organizer's subtree
 * casts one secret ballot of up to N accepted candidates (who and when recorded, never for whom); the count is the
 * organizer's alone and reading it is audited; the winners are named (the count's top N, or others with a reason),
 * publicized (公示) and published. Nothing here is counted from clicks, views or likes.
 */
import type { BallotCastT, BallotT, SelectionCountT, SelectionDetailT, WinnersBodyT } from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit, writeAuditAlone } from '../../../platform/data/audit.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { act, asUser, requireMove } from '../../../platform/workflow.js';
import * as repo from './selections.repository.js';
import { fieldError, flowRow, get, isOrganizer, json, todayOf } from './selections.service.js';
import { selectionFlow } from './selections.workflow.js';

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
  // Seen from below is not run from below: only the organizer names winners, before any check of the names.
  if (!isOrganizer(actor, r)) throw new DomainError('selections.not_organizer', undefined, 403);
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
    await repo.setWinnerReason(trx, id, reason);
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
