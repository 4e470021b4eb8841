/**
 * The errand flow (ERRAND_FLOW in the contracts) on the server: staff with residents.write move the errands
 * of their subtree; a member only the ones they took (another's answers `residents.errand_not_yours`).
 */
import { can, ERRAND_FLOW, excerpt } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor } from '../../../platform/workflow.js';
import type { ErrandRow } from './errands.repository.js';

/** Names of the errand flow's moves. */
export type ErrandAction = keyof typeof ERRAND_FLOW.actions;

/** A member who did not take the errand (staff are judged by scope instead). */
function notTheTaker(who: FlowActor, r: ErrandRow): boolean {
  if (who.kind !== 'user' || can(who.actor.role, 'residents.write')) return false;
  return who.actor.memberId == null || r.member_id !== who.actor.memberId;
}

const theTaker = { notBy: notTheTaker, notByCode: 'residents.errand_not_yours' as const };

/** The errand flow. */
export const errandFlow = defineFlow<ErrandRow, ErrandAction>({
  spec: ERRAND_FLOW,
  table: 'errands',
  scope: (who, r) => {
    if (who.kind !== 'user' || r.tenant_id !== who.actor.tenantId) return 'hidden';
    if (can(who.actor.role, 'residents.write')) return inScope(who.actor, r.tenant_id, r.org_path) ? 'ok' : 'hidden';
    return 'ok';
  },
  versions: () => ['residents'],
  refused: 'residents.errand_state',
  moves: {
    step: {
      ...theTaker,
      effect: (_r, i: { note: string }) => ({ note: i.note.trim(), detail: excerpt(i.note.trim(), 200) }),
    },
    done: {
      ...theTaker,
      effect: (_r, i: { result: string }, now) => ({
        set: { done_at: now, result: i.result.trim() },
        note: i.result.trim(),
        changes: { result: { before: null, after: i.result.trim() } },
      }),
    },
    cancel: {
      ...theTaker,
      effect: (_r, i: { reason: string }, now) => ({ set: { done_at: now }, note: i.reason.trim() }),
    },
  },
});
