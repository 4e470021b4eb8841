/**
 * The review of an income entry (INCOME_FLOW in the contracts) on the server. Staff of a subtree holding the
 * village see it; the village (or township) enters and resubmits; the township or the county accepts or returns
 * it — never the village itself (it holds no review capability), so the count is the township's word.
 */
import { type IncomeAction, INCOME_FLOW } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { IncomeRow } from './incomes.repository.js';

/** An entry's row as the flow reads it, with today in China. */
export type FlowRow = IncomeRow & { today: string };

/** Whether a user sees an entry at all. */
export function sees(who: FlowActor, r: IncomeRow): Visibility {
  return who.kind === 'user' && inScope(who.actor, r.tenant_id, r.org_path) ? 'ok' : 'hidden';
}

/** The reviewer is above the village: a village's own account never reviews its income. */
const ownVillage = (who: FlowActor, r: IncomeRow) => who.kind === 'user' && who.actor.orgPath === r.org_path;

const note = (_r: FlowRow, i: { note?: string | null }) => ({ note: i.note?.trim() || null });

/** The income review flow. */
export const incomeFlow = defineFlow<FlowRow, IncomeAction>({
  spec: INCOME_FLOW,
  table: 'income_entries',
  scope: sees,
  versions: () => ['incomes'],
  refused: 'incomes.wrong_state',
  moves: {
    accept: {
      notBy: ownVillage,
      effect: (r, i: { note?: string | null }, _now, who) => ({
        note: i.note?.trim() || null,
        set: { reviewed_on: r.today, reviewed_by: who.kind === 'user' ? who.actor.userId || null : null },
        changes: { status: { before: r.status, after: 'accepted' } },
      }),
    },
    return: {
      notBy: ownVillage,
      effect: (_r, i: { reason: string }) => ({ note: i.reason.trim(), set: { return_reason: i.reason.trim() } }),
    },
    resubmit: { effect: (_r, i) => ({ ...note(_r, i), set: { return_reason: null } }) },
    reopen: {
      notBy: ownVillage,
      effect: (_r, i: { reason: string }) => ({ note: i.reason.trim(), set: { reviewed_on: null, reviewed_by: null } }),
    },
  },
});
