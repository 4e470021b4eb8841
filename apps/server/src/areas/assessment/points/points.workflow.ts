/**
 * The flow of a manual entry (POINT_FLOW in the contracts) on the server. Who sees an entry: the caller's
 * subtree holds the member's branch; a member sees only its own. A published month is frozen: no move in it.
 */
import { POINT_FLOW, type PointAction } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { EntryRow } from './points.repository.js';

/** An entry's row as the flow reads it, with whether its month is published. */
export type FlowRow = EntryRow & { published: boolean };

const seen = (who: FlowActor, r: FlowRow): Visibility => {
  if (who.kind !== 'user' || !inScope(who.actor, r.tenant_id, r.org_path)) return 'hidden';
  if (who.actor.role === 'member' && who.actor.memberId !== r.member_id) return 'hidden';
  return 'ok';
};
const open = (r: FlowRow) => (r.published ? 'points.month_published' : null);

/** The manual entry flow. */
export const pointFlow = defineFlow<FlowRow, PointAction>({
  spec: POINT_FLOW,
  table: 'point_entries',
  scope: seen,
  versions: () => ['points'],
  refused: 'points.wrong_state',
  moves: {
    branch_approve: {
      guard: open,
      audit: 'point.branch_approve',
      effect: (_r, i: { note?: string | null }) => ({ note: i.note?.trim() || null }),
    },
    approve: {
      guard: open,
      audit: 'point.approve',
      effect: (_r, i: { note?: string | null }) => ({ note: i.note?.trim() || null }),
    },
    reject: {
      guard: open,
      audit: 'point.reject',
      effect: (r, i: { reason: string }) => ({
        set: { reject_reason: i.reason.trim() },
        note: i.reason.trim(),
        changes: { rejectReason: { before: r.reject_reason, after: i.reason.trim() } },
      }),
    },
  },
});
