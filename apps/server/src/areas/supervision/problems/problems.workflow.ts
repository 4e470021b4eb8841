/**
 * The problem flow (PROBLEM_FLOW in the contracts) on the server. Who sees a problem: the subtree holding its
 * organization. Who moves it: staff of that subtree rectify and claim; the county or the township above
 * assigns, verifies and follows up. The fix is verified by someone other than its fixer — not the user who
 * claimed it, nor the member responsible for it — from the same level or above (the scope sees to the level).
 */
import { addMonths, chinaDay, PROBLEM_FLOW, type ProblemAction } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { ProblemRow } from './problems.repository.js';

const seen = (who: FlowActor, r: ProblemRow): Visibility =>
  who.kind === 'user' && inScope(who.actor, r.tenant_id, r.org_path) ? 'ok' : who.kind === 'system' ? 'ok' : 'hidden';

/** Whether the caller fixed the problem: claimed the fix, or is the member responsible for it. */
export function isFixer(who: FlowActor, r: ProblemRow): boolean {
  if (who.kind !== 'user') return false;
  const a = who.actor;
  if (r.claimed_by != null && a.userId === r.claimed_by) return true;
  return a.memberId != null && r.responsible_member_id != null && a.memberId === r.responsible_member_id;
}

/** What the notice (交办单) writes. */
export interface AssignInput {
  noticeNo: string;
  dueOn: string;
  responsibleName: string;
  responsibleMemberId?: number | null;
  note?: string | null;
}

/** What a follow-up writes; a reopening also names the new due date. */
export interface FollowUpInput {
  result: string;
  dueOn?: string | null;
}

const userOf = (who: FlowActor) => (who.kind === 'user' ? who.actor : null);
const trimmed = (s: string | null | undefined) => s?.trim() || null;

/** The problem flow. */
export const problemFlow = defineFlow<ProblemRow, ProblemAction, { followUpMonths: number }>({
  spec: PROBLEM_FLOW,
  table: 'problems',
  scope: seen,
  versions: () => ['problems'],
  moves: {
    assign: {
      effect: (r, i: AssignInput, now, who) => ({
        set: {
          notice_no: i.noticeNo,
          due_on: i.dueOn,
          responsible_name: i.responsibleName.trim(),
          responsible_member_id: i.responsibleMemberId ?? null,
          notice_note: trimmed(i.note),
          assigned_on: chinaDay(now),
          assigned_by: userOf(who)?.userId || null,
        },
        note: `${i.noticeNo}，${i.responsibleName.trim()}，整改期限 ${i.dueOn}`,
        changes: {
          noticeNo: { before: r.notice_no, after: i.noticeNo },
          dueOn: { before: r.due_on, after: i.dueOn },
          responsibleName: { before: r.responsible_name, after: i.responsibleName.trim() },
        },
      }),
    },
    start: { effect: (_r, i: { note?: string | null }) => ({ note: trimmed(i.note) }) },
    claim: {
      effect: (r, i: { claimNote: string }, now, who) => ({
        set: {
          claimed_at: now,
          claim_note: i.claimNote.trim(),
          claimed_by: userOf(who)?.userId || null,
          claimed_by_name: userOf(who)?.displayName ?? null,
        },
        note: i.claimNote.trim(),
        changes: { claimNote: { before: r.claim_note, after: i.claimNote.trim() } },
      }),
    },
    verify: {
      notBy: isFixer,
      notByCode: 'problems.verifier_is_fixer',
      effect: (_r, i: { note?: string | null; followUpMonths: number }, now, who) => ({
        set: {
          closed_on: chinaDay(now),
          verified_by: userOf(who)?.userId || null,
          verified_by_name: userOf(who)?.displayName ?? null,
          follow_up_due: addMonths(chinaDay(now), i.followUpMonths),
          reject_reason: null,
        },
        note: trimmed(i.note),
        changes: { closedOn: { before: null, after: chinaDay(now) } },
      }),
    },
    reject: {
      notBy: isFixer,
      notByCode: 'problems.verifier_is_fixer',
      effect: (r, i: { reason: string; dueOn?: string | null }) => ({
        set: { reject_reason: i.reason.trim(), ...(i.dueOn ? { due_on: i.dueOn } : {}) },
        note: i.reason.trim(),
        changes: {
          rejectReason: { before: r.reject_reason, after: i.reason.trim() },
          ...(i.dueOn ? { dueOn: { before: r.due_on, after: i.dueOn } } : {}),
        },
      }),
    },
    followUp: {
      effect: (r, i: FollowUpInput, now) => ({
        set: { followed_up_on: chinaDay(now), follow_up_result: i.result.trim() },
        note: i.result.trim(),
        changes: { followUpResult: { before: r.follow_up_result, after: i.result.trim() } },
      }),
    },
    reopen: {
      effect: (r, i: FollowUpInput, now) => ({
        set: {
          followed_up_on: chinaDay(now),
          follow_up_result: i.result.trim(),
          due_on: i.dueOn,
          reopened: r.reopened + 1,
          closed_on: null,
          follow_up_due: null,
          claimed_at: null,
          claimed_by: null,
          claimed_by_name: null,
          claim_note: null,
          verified_by: null,
          verified_by_name: null,
          reminded_on: null,
          escalated_on: null,
        },
        note: `${i.result.trim()}（新整改期限 ${i.dueOn}）`,
        changes: {
          followUpResult: { before: r.follow_up_result, after: i.result.trim() },
          dueOn: { before: r.due_on, after: i.dueOn },
        },
      }),
    },
  },
});
