/**
 * The mobility flow (MOBILITY_FLOW in the contracts) on the server: staff with mobility.write move the records of
 * their subtree; each move carries its day (default today, never in the future nor before the absence began).
 */
import { chinaDay, type ErrorCode, MOBILITY_FLOW } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor } from '../../../platform/workflow.js';
import type { MobilityRow } from './mobility.repository.js';

/** Names of the flow's moves. */
export type MobilityAction = keyof typeof MOBILITY_FLOW.actions;

/** The input of a move: its day and a note (a regained contact may say where the member is now). */
export interface MoveInput {
  on?: string;
  destination?: string | null;
  note?: string | null;
  /** Today in China, set by the service from its clock (a move's day is checked against it). */
  today?: string;
}

/** The day of a move: given, or today. */
export const dayOf = (i: MoveInput | null, now: string) => i?.on ?? chinaDay(now);

/** Refuses a day in the future or before the absence began. */
function dayGuard(r: MobilityRow, i: MoveInput | null): ErrorCode | null {
  if (!i?.on) return null;
  if (i.today && i.on > i.today) return 'mobility.date_in_future';
  if (i.on < r.since) return 'mobility.date_before_since';
  return null;
}

const clean = (s: string | null | undefined) => s?.trim() || null;

/** The mobility flow. */
export const mobilityFlow = defineFlow<MobilityRow, MobilityAction>({
  spec: MOBILITY_FLOW,
  table: 'member_mobility',
  scope: (who: FlowActor, r) => {
    if (who.kind === 'system') return 'ok';
    if (who.kind !== 'user') return 'hidden';
    return inScope(who.actor, r.tenant_id, r.org_path) ? 'ok' : 'hidden';
  },
  versions: () => ['mobility', 'roster'],
  refused: 'mobility.state',
  moves: {
    lose_contact: {
      guard: dayGuard,
      effect: (r, i: MoveInput, now) => {
        const on = dayOf(i, now);
        return {
          set: { lost_on: on },
          note: [on, clean(i.note)].filter(Boolean).join('；'),
          changes: { lostOn: { before: r.lost_on, after: on } },
        };
      },
    },
    regain: {
      guard: dayGuard,
      effect: (r, i: MoveInput, now) => {
        const on = dayOf(i, now);
        const where = clean(i.destination);
        return {
          set: { lost_on: null, ...(where ? { destination: where } : {}) },
          note: [on, where, clean(i.note)].filter(Boolean).join('；'),
          changes: {
            lostOn: { before: r.lost_on, after: null },
            ...(where ? { destination: { before: r.destination, after: where } } : {}),
          },
        };
      },
    },
    return: {
      guard: dayGuard,
      effect: (r, i: MoveInput, now) => {
        const on = dayOf(i, now);
        return {
          set: { returned_on: on },
          note: [on, clean(i.note)].filter(Boolean).join('；'),
          changes: { returnedOn: { before: r.returned_on, after: on } },
        };
      },
    },
  },
});
