/**
 * The inspection flow (INSPECTION_FLOW in the contracts) on the server. The issuing side (its subtree holds the
 * issuer) moves it; a visited organization that sees it may move nothing (403), another one does not see it
 * (404). Completing needs a recorded visit; cancelling and reopening need a reason.
 */
import { INSPECTION_FLOW, type InspectionAction } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { InspectionRow } from './inspections.repository.js';

/** Whether the caller stands on the issuing side (its subtree holds the issuing organization). */
export function onIssuingSide(who: FlowActor, r: InspectionRow): boolean {
  return who.kind === 'user' && inScope(who.actor, r.tenant_id, r.org_path);
}

// The row was read through the caller's visibility: not issuing means a visited organization's view.
const issuing = (who: FlowActor, r: InspectionRow): Visibility => (onIssuingSide(who, r) ? 'ok' : 'forbidden');

/** What completing checks: the number of visits recorded with a date. */
export interface CompleteInput {
  visited: number;
  reason?: string | null;
  note?: string | null;
}

/** The inspection flow. */
export const inspectionFlow = defineFlow<InspectionRow, InspectionAction>({
  spec: INSPECTION_FLOW,
  table: 'inspections',
  scope: issuing,
  versions: () => ['inspections'],
  moves: {
    start: { effect: (_r, i: { note?: string | null }) => ({ note: i.note?.trim() || null }) },
    complete: {
      guard: (_r, i: CompleteInput | null) => (i && i.visited < 1 ? 'inspections.no_visits' : null),
      effect: (r, i: CompleteInput & { today: string }) => ({
        set: { completed_on: i.today },
        note: i.note?.trim() || null,
        changes: { completedOn: { before: r.completed_on, after: i.today } },
      }),
    },
    reopen: {
      effect: (r, i: { reason: string }) => ({
        set: { completed_on: null },
        note: i.reason.trim(),
        changes: { completedOn: { before: r.completed_on, after: null } },
      }),
    },
    cancel: {
      effect: (r, i: { reason: string }) => ({
        set: { cancel_reason: i.reason.trim() },
        note: i.reason.trim(),
        changes: { cancelReason: { before: r.cancel_reason, after: i.reason.trim() } },
      }),
    },
  },
});
