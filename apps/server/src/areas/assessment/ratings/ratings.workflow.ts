/**
 * The flow of a result (RATING_FLOW in the contracts) on the server. Who sees a result: the caller's subtree holds the
 * rated organization (a branch its own, never a sibling's). A branch self-scores its own organization only; the
 * township or county scores the branches below it, never its own result. Publication needs every assessor indicator
 * scored; the final move needs the window ended and no objection open.
 */
import { RATING_FLOW, type RatingAction } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { RatingRow } from './ratings.repository.js';

/** A result's row as the flow reads it: with the day and what is missing. */
export type FlowRow = RatingRow & { today: string; missing: number };

const seen = (who: FlowActor, r: FlowRow): Visibility =>
  who.kind === 'system' || (who.kind === 'user' && inScope(who.actor, r.tenant_id, r.org_path)) ? 'ok' : 'hidden';

/** The assessor scores organizations below its own, never its own result. */
const ownOrg = (who: FlowActor, r: FlowRow) => who.kind === 'user' && who.actor.orgId === r.org_id;
/** A branch self-scores its own organization only (not a party group's or a general branch's child). */
const notOwn = (who: FlowActor, r: FlowRow) => who.kind === 'user' && who.actor.orgId !== r.org_id;

/** The result flow. */
export const ratingFlow = defineFlow<FlowRow, RatingAction>({
  spec: RATING_FLOW,
  table: 'ratings',
  scope: seen,
  versions: () => ['ratings'],
  refused: 'ratings.wrong_state',
  moves: {
    selfScore: { notBy: notOwn, notByCode: 'forbidden' },
    score: {
      notBy: ownOrg,
      notByCode: 'forbidden',
      guard: (r, i: { missing?: number } | null) => ((i?.missing ?? 0) > 0 ? 'ratings.scores_missing' : null),
    },
    publish: {
      notBy: ownOrg,
      notByCode: 'forbidden',
      guard: (r) => (r.missing > 0 ? 'ratings.scores_missing' : null),
      effect: (r, i: { publishedOn: string; until: string }) => ({
        set: { published_on: i.publishedOn, objection_until: i.until },
        note: `公示至 ${i.until}`,
        changes: { objectionUntil: { before: r.objection_until, after: i.until } },
      }),
    },
    object: {
      // Anyone of the rated organization itself (the assessor above answers objections, it does not lodge them).
      notBy: notOwn,
      notByCode: 'ratings.not_own_org',
      effect: (_r, i: { reason: string }) => ({ note: i.reason.trim() }),
    },
    answer: {
      notBy: ownOrg,
      notByCode: 'forbidden',
      effect: (_r, i: { upheld: boolean; reply: string }) => ({
        to: i.upheld ? 'scored' : 'published',
        note: `${i.upheld ? '异议成立，重新评定' : '异议不成立'}：${i.reply.trim()}`,
      }),
    },
    finalize: {
      notBy: ownOrg,
      notByCode: 'forbidden',
      guard: (r) =>
        r.objection_until != null && r.today <= r.objection_until
          ? 'ratings.window_open'
          : r.open_objections > 0
            ? 'ratings.objections_open'
            : null,
      effect: (r, i: { finalOn: string; set: Record<string, unknown>; note: string | null }) => ({
        set: { final_on: i.finalOn, ...i.set },
        note: i.note,
        changes: { outcome: { before: r.outcome, after: i.set.outcome ?? r.outcome } },
      }),
    },
  },
});
