/**
 * The flow of a pledge (PLEDGE_FLOW in the contracts) on the server. Who sees a pledge: staff of a subtree that
 * holds its organization; a member its own pledges and the public ones of its branch. Who moves it: a member only
 * its own pledge (submit, report); staff any of their subtree. An organization's pledge is reviewed and accepted by
 * a higher organization than its own (审诺 by the level above), never by the branch that made it. Closing the
 * evaluation waits for the window of the rules (`evaluationDays` after the acceptance).
 */
import { addDays, PLEDGE_FLOW, PLEDGE_PUBLIC_STATUSES, type PledgeAction } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { PledgeRow } from './pledges.repository.js';

/** A pledge's row as the flow reads it, with today and the end of its evaluation window. */
export type FlowRow = PledgeRow & { today: string; window_ends: string | null };

const PUBLIC: readonly string[] = PLEDGE_PUBLIC_STATUSES;

/** Whether a user sees a pledge at all. */
export function sees(who: FlowActor, r: PledgeRow): Visibility {
  if (who.kind !== 'user' || !inScope(who.actor, r.tenant_id, r.org_path)) return 'hidden';
  if (who.actor.role !== 'member') return 'ok';
  return r.member_id != null && r.member_id === who.actor.memberId ? 'ok' : PUBLIC.includes(r.status) ? 'ok' : 'hidden';
}

/** The pledge's own maker: its member, or staff of the subtree (a member never acts on another's pledge). */
const notMaker = (who: FlowActor, r: PledgeRow) =>
  who.kind === 'user' && who.actor.role === 'member' && (r.member_id == null || r.member_id !== who.actor.memberId);

/** An organization's pledge is reviewed by a higher organization than its own. */
const notHigher = (who: FlowActor, r: PledgeRow) =>
  who.kind === 'user' && r.kind === 'org' && who.actor.orgPath === r.org_path;

const note = (_r: FlowRow, i: { note?: string | null }) => ({ note: i.note?.trim() || null });
const reason = (_r: FlowRow, i: { reason: string }) => ({
  note: i.reason.trim(),
  set: { return_reason: i.reason.trim() },
});
const review = { notBy: notHigher, notByCode: 'pledges.higher_reviews_org' } as const;

/** The pledge flow. */
export const pledgeFlow = defineFlow<FlowRow, PledgeAction>({
  spec: PLEDGE_FLOW,
  table: 'pledges',
  scope: sees,
  versions: () => ['pledges'],
  refused: 'pledges.wrong_state',
  moves: {
    submit: {
      notBy: notMaker,
      notByCode: 'pledges.not_yours',
      effect: (_r, i: { note?: string | null }) => ({ note: i.note?.trim() || null, set: { return_reason: null } }),
    },
    approve: { ...review, effect: note },
    return: { ...review, effect: reason },
    publish: {
      effect: (_r, i: { note?: string | null; token: string }) => ({
        note: i.note?.trim() || null,
        set: { public_token: i.token },
      }),
    },
    report: {
      notBy: notMaker,
      notByCode: 'pledges.not_yours',
      effect: (r, i: { fulfilment: string; problemsSolved?: number; problemsText?: string | null }) => ({
        note: i.fulfilment.trim(),
        set: {
          fulfilment: i.fulfilment.trim(),
          problems_solved: i.problemsSolved ?? 0,
          problems_text: i.problemsText?.trim() || null,
        },
        changes: { problemsSolved: { before: r.problems_solved, after: i.problemsSolved ?? 0 } },
      }),
    },
    accept: {
      ...review,
      effect: (r, i: { note?: string | null }) => ({
        note: i.note?.trim() || null,
        set: { fulfilled_on: r.today },
        changes: { fulfilledOn: { before: r.fulfilled_on, after: r.today } },
      }),
    },
    reject: { ...review, effect: (_r, i: { reason: string }) => ({ note: i.reason.trim() }) },
    close: {
      guard: (r) => (r.window_ends != null && r.today < r.window_ends ? 'pledges.window_open' : null),
      effect: note,
    },
  },
});

/** The last day before which the evaluation stays open: the acceptance day plus the window. */
export function windowEnd(fulfilledOn: string | null, days: number): string | null {
  return fulfilledOn ? addDays(fulfilledOn, days) : null;
}
