/**
 * The flow of a cadre's retraining file (RETRAINING_FLOW in the contracts) on the server. Who sees a file: the
 * caller's subtree holds the cadre's organization, and a member sees only its own file. The moves: reinstating
 * needs a passed test; the test itself is recorded with its move by the service (the hours rule checked there).
 */
import { RETRAINING_FLOW, type RetrainingAction } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { FileRow } from './retraining.repository.js';

const seen = (who: FlowActor, r: FileRow): Visibility => {
  if (who.kind !== 'user' || !inScope(who.actor, r.tenant_id, r.org_path)) return 'hidden';
  if (who.actor.role === 'member' && who.actor.memberId !== r.member_id) return 'hidden';
  return 'ok';
};

type Decision = { reason: string; decidedBy: string; decidedOn: string };
const decide = (r: FileRow, i: Decision) => ({
  set: { decided_on: i.decidedOn, decided_by: i.decidedBy.trim(), decision_reason: i.reason.trim() },
  note: `${i.decidedBy.trim()}：${i.reason.trim()}`,
  changes: { decidedBy: { before: r.decided_by, after: i.decidedBy.trim() } },
});

/** The file flow. */
export const retrainingFlow = defineFlow<FileRow, RetrainingAction>({
  spec: RETRAINING_FLOW,
  table: 'retraining_files',
  scope: seen,
  versions: () => ['retraining'],
  refused: 'retraining.wrong_state',
  moves: {
    start: { effect: (_r, i: { note?: string | null }) => ({ note: i.note?.trim() || null }) },
    // Recorded with the score by the service (moves.recordTest).
    test: {
      effect: (_r, i: { set: Record<string, unknown>; note: string }) => ({ set: i.set, note: i.note }),
    },
    retest: {
      effect: (_r, i: { note?: string | null }) => ({ note: i.note?.trim() || null }),
    },
    reinstate: {
      guard: (r) => (r.test_passed ? null : 'retraining.not_passed'),
      effect: (r, i: Decision) => decide(r, i),
    },
    remove: { effect: (r, i: Decision) => decide(r, i) },
  },
});
