/**
 * The request flow (REQUEST_FLOW in the contracts) on the server: who sees a request for a move (the handling
 * organization's subtree; a rating also from the accepting side or the resident by phone), what each move
 * writes, and the deadline of a reopened request (the studied rule, counted from the rating).
 */
import { REQUEST_FLOW, type ResidentsRules } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import { residentsRules } from '../common/residents.rules.js';
import { requestMonth } from './requests.month.js';
import type { RequestRow } from './requests.repository.js';

/** Names of the request flow's moves. */
export type RequestAction = keyof typeof REQUEST_FLOW.actions;

/** Days a request of a level has to close; on the spot none unless reopened (then the studied rule). */
export function daysFor(rules: ResidentsRules, level: string, reopening = false): number | null {
  if (level === 'coordinated') return rules.coordinatedDays;
  if (level === 'studied' || reopening) return rules.studiedDays;
  return null;
}

function ownPhone(who: FlowActor, r: RequestRow): Visibility {
  if (who.kind === 'resident') return r.phone_hash != null && r.phone_hash === who.phoneHash ? 'ok' : 'hidden';
  return 'ok';
}

/** A transfer's target, resolved by the service through the orgs' scope rules. */
export interface TransferInput {
  target: { id: number; org_path: string } | null;
  department: string | null;
  note: string;
}

/** The request flow. */
export const requestFlow = defineFlow<RequestRow, RequestAction, ResidentsRules>({
  spec: REQUEST_FLOW,
  table: 'requests',
  // Workers of the handling organization move a request; the accepting side reads it (and may rate it).
  scope: (who, r) =>
    who.kind === 'user' ? (inScope(who.actor, r.tenant_id, r.org_path) ? 'ok' : 'forbidden') : ownPhone(who, r),
  versions: (r) => ['residents', `requests:${requestMonth(r.accepted_at)}`],
  rules: residentsRules,
  refused: 'residents.request_closed',
  moves: {
    assign: {
      effect: (r, i: { ownerName: string; ownerMemberId: number | null }) => ({
        set: { owner_member_id: i.ownerMemberId, owner_name: i.ownerName },
        note: i.ownerName,
        changes: {
          ownerName: { before: r.owner_name, after: i.ownerName },
          ownerMemberId: { before: r.owner_member_id, after: i.ownerMemberId },
        },
      }),
    },
    progress: { effect: (_r, i: { note: string }) => ({ note: i.note.trim() }) },
    transfer: {
      guard: (_r, i: TransferInput | null) =>
        i && i.target == null && !i.department ? 'residents.transfer_target' : null,
      effect: (r, i: TransferInput) => {
        const set: Record<string, unknown> = {};
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        if (i.target && i.target.id !== r.org_id) {
          set.org_id = i.target.id;
          set.org_path = i.target.org_path;
          changes.orgId = { before: r.org_id, after: i.target.id };
        }
        if (i.department !== r.department && (i.department || i.target)) {
          set.department = i.department;
          changes.department = { before: r.department, after: i.department };
        }
        const note = [i.department, i.note.trim()].filter(Boolean).join('：') || null;
        return { set, changes, note, fromOrgId: r.org_id, toOrgId: i.target?.id ?? r.org_id };
      },
    },
    escalate: {
      effect: (r, i: { to: { id: number; org_path: string } }, now) => ({
        set: { org_id: i.to.id, org_path: i.to.org_path, escalations: Number(r.escalations) + 1, escalated_at: now },
        note: r.due_at,
        fromOrgId: r.org_id,
        toOrgId: i.to.id,
        changes: {
          orgId: { before: r.org_id, after: i.to.id },
          escalations: { before: Number(r.escalations), after: Number(r.escalations) + 1 },
        },
      }),
    },
    close: {
      effect: (r, i: { result: string }, now) => ({
        set: { closed_at: now, result: i.result.trim() },
        note: i.result.trim(),
        changes: { result: { before: r.result, after: i.result.trim() } },
      }),
    },
    rate: {
      scope: ownPhone,
      refused: 'residents.request_not_closed',
      guard: (r) => (r.rating ? 'residents.already_rated' : null),
      effect: (_r, i: { rating: string }, now) => ({
        set: { rating: i.rating, rated_at: now },
        note: i.rating,
        changes: { rating: { before: null, after: i.rating } },
      }),
    },
    // 不满意 within the reopen limit: the rating moves to the timeline and a new deadline runs from now.
    reopen: {
      refused: 'workflow.move_refused',
      deadline: { field: 'due_at', from: 'now', days: (rules, r) => daysFor(rules, r.level, true) },
      effect: (r) => ({
        set: { closed_at: null, rating: null, rated_at: null, escalated_at: null, reopened: Number(r.reopened) + 1 },
        changes: { reopened: { before: Number(r.reopened), after: Number(r.reopened) + 1 } },
      }),
    },
  },
});
