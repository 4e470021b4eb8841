/**
 * The flow of a class (TRAINING_FLOW in the contracts) on the server: who sees a class (its organizer's subtree),
 * submitting needs a plan, returning needs a reason, finishing a summary.
 */
import { TRAINING_FLOW, type TrainingAction } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { ClassRow } from './training.repository.js';

const seen = (who: FlowActor, r: ClassRow): Visibility =>
  who.kind === 'user' && inScope(who.actor, r.tenant_id, r.org_path) ? 'ok' : 'hidden';

/** The class flow. */
export const trainingFlow = defineFlow<ClassRow, TrainingAction>({
  spec: TRAINING_FLOW,
  table: 'training_classes',
  scope: seen,
  versions: () => ['training'],
  refused: 'training.wrong_state',
  moves: {
    submit: {
      guard: (_r, i: { sessions?: number } | null) => (i && !i.sessions ? 'training.plan_empty' : null),
      effect: () => ({ set: { return_reason: null } }),
    },
    approve: { effect: (_r, i: { note?: string | null }) => ({ note: i.note?.trim() || null }) },
    return: {
      effect: (_r, i: { reason: string }) => ({ set: { return_reason: i.reason.trim() }, note: i.reason.trim() }),
    },
    finish: {
      effect: (_r, i: { summary: string }) => ({ set: { summary: i.summary.trim() }, note: i.summary.trim() }),
    },
  },
});
