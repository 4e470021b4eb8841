/**
 * The development flow (DEVELOPMENT_FLOW in the contracts) on the server: a candidate is seen and moved inside the
 * caller's subtree only (a sibling branch's candidate is not found); each move writes the columns the service
 * computed (the stage's dates, the next step), the timeline note and, for the extension, its own checks.
 */
import { DEVELOPMENT_FLOW, type DevelopmentAction, type DevelopmentRules } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow } from '../../../platform/workflow.js';
import type { CandidateRow } from './development.repository.js';
import { developmentRules } from './development.rules.js';

/** What every move of the flow takes from the service: the columns to set, the timeline's note and data. */
export interface MoveInput {
  set: Record<string, unknown>;
  note: string | null;
  data?: Record<string, unknown>;
  changes?: Record<string, { before: unknown; after: unknown }>;
}

const apply = (_r: CandidateRow, i: MoveInput) => ({
  set: i.set,
  note: i.note,
  data: i.data ?? null,
  changes: i.changes,
});

/** The development flow. */
export const developmentFlow = defineFlow<CandidateRow, DevelopmentAction, DevelopmentRules>({
  spec: DEVELOPMENT_FLOW,
  table: 'development_candidates',
  scope: (who, r) => (who.kind === 'user' && inScope(who.actor, r.tenant_id, r.org_path) ? 'ok' : 'hidden'),
  versions: () => ['development', 'roster'],
  rules: developmentRules,
  // A stage move from another stage; a step or a refusal of an ended candidacy says so (`development.closed`).
  refused: 'development.wrong_stage',
  moves: {
    record_step: { audit: 'development_candidate.step', refused: 'development.closed', effect: apply },
    make_activist: { audit: 'development_candidate.step', effect: apply },
    make_target: { audit: 'development_candidate.step', effect: apply },
    admit: { audit: 'development_candidate.step', effect: apply },
    convert: { audit: 'development_candidate.step', effect: apply },
    extend: {
      guard: (r) => (Number(r.extended_months) > 0 ? 'development.already_extended' : null),
      effect: apply,
    },
    refuse: { refused: 'development.closed', effect: apply },
    lapse: { effect: apply },
  },
});
