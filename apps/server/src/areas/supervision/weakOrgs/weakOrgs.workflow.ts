/**
 * The flow of a weak organization's file (WEAK_ORG_FLOW in the contracts) on the server. Who sees a file: the
 * caller's subtree holds the flagged organization (a branch sees its own file, never a sibling's). The moves:
 * the plan must exist before the rectification starts; an acceptance that passes leaves the file for the county
 * to release, one that fails sends it back; the county releases only after a passing acceptance.
 */
import { WEAK_ORG_FLOW, type WeakOrgAction } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { WeakOrgRow } from './weakOrgs.repository.js';

/** A file's row as the flow reads it, with whether its last acceptance passed. */
export type FlowRow = WeakOrgRow & { last_passed: boolean | null };

const seen = (who: FlowActor, r: FlowRow): Visibility =>
  who.kind === 'user' && inScope(who.actor, r.tenant_id, r.org_path) ? 'ok' : 'hidden';

const hasPlan = (r: FlowRow) => (r.plan?.trim() && r.measures && r.measures !== '[]' ? null : 'weakOrgs.plan_required');

/** The file flow. */
export const weakOrgFlow = defineFlow<FlowRow, WeakOrgAction>({
  spec: WEAK_ORG_FLOW,
  table: 'weak_orgs',
  scope: seen,
  versions: () => ['weakOrgs'],
  refused: 'weakOrgs.wrong_state',
  moves: {
    start: { guard: hasPlan, effect: (_r, i: { note?: string | null }) => ({ note: i.note?.trim() || null }) },
    submit: { guard: hasPlan, effect: (_r, i: { note?: string | null }) => ({ note: i.note?.trim() || null }) },
    // Recorded with its acceptance row (the service): the verdict picks the state.
    assess: {
      effect: (_r, i: { passed: boolean; note: string }) => ({
        to: i.passed ? 'accepting' : 'rectifying',
        note: i.note,
      }),
    },
    release: {
      guard: (r) => (r.last_passed ? null : 'weakOrgs.not_accepted'),
      effect: (r, i: { releasedOn: string; note?: string | null }) => ({
        set: { released_on: i.releasedOn },
        note: i.note?.trim() || null,
        changes: { releasedOn: { before: r.released_on, after: i.releasedOn } },
      }),
    },
    extend: { effect: (_r, i: { reason: string }) => ({ note: i.reason.trim() }) },
  },
});
