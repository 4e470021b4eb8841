/**
 * The flow of a selection (SELECTION_FLOW in the contracts) on the server. Everyone under the organizer sees it;
 * only the organizer (its organization in the caller's scope, with `selections.manage`) moves it: the vote opens
 * once there are accepted candidates; the winners are named with the count (`selections.service.ts`); the result
 * is published when the publicity period (公示) is over.
 */
import { addDays, SELECTION_FLOW, type SelectionAction } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { SelectionRow } from './selections.repository.js';

/** A selection's row as the flow reads it, with its accepted candidates and today. */
export type FlowRow = SelectionRow & { candidates: number; today: string };

const seen = (who: FlowActor, r: FlowRow): Visibility => {
  if (who.kind !== 'user') return 'hidden';
  const a = who.actor;
  return a.tenantId === r.tenant_id && (a.orgPath ?? '').startsWith(r.org_path) ? 'ok' : 'hidden';
};
const notOrganizer = (who: FlowActor, r: FlowRow) =>
  who.kind !== 'user' || !inScope(who.actor, r.tenant_id, r.org_path);

/** The selection flow. */
export const selectionFlow = defineFlow<FlowRow, SelectionAction>({
  spec: SELECTION_FLOW,
  table: 'selections',
  scope: (who, r) => (seen(who, r) === 'ok' || !notOrganizer(who, r) ? 'ok' : 'hidden'),
  versions: () => ['selections'],
  refused: 'selections.wrong_state',
  moves: {
    open_vote: {
      notBy: notOrganizer,
      notByCode: 'selections.not_organizer',
      guard: (r) => (r.candidates > 0 ? null : 'selections.no_candidates'),
    },
    publicize: {
      notBy: notOrganizer,
      notByCode: 'selections.not_organizer',
      effect: (_r, i: { today: string; note: string }) => ({ set: { publicized_on: i.today }, note: i.note }),
    },
    publish: {
      notBy: notOrganizer,
      notByCode: 'selections.not_organizer',
      guard: (r) =>
        r.publicized_on && addDays(r.publicized_on, r.publicize_days) <= r.today
          ? null
          : 'selections.publicity_running',
      effect: (_r, i: { today: string }) => ({ set: { published_on: i.today } }),
    },
  },
});
