/**
 * The two flows of the cadres module on the server. A filing (备案): the township files a new party secretary of
 * its village with the county, the county acknowledges it or returns it with a reason, a returned one is filed
 * again. A joint review (联审): the township opens it for a candidate; each unit asked clears it or stops it with a
 * reason; one stop stops the candidate, the last clear clears it. Every move through `act()`.
 */
import {
  CADRE_FILING_FLOW,
  CADRE_REVIEW_FLOW,
  type CadreFilingAction,
  type CadreReviewAction,
  label,
  REVIEW_UNITS,
  type ReviewUnit,
} from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { FilingRow, ReviewRow } from './cadres.flows.repository.js';

const seen = (who: FlowActor, r: { tenant_id: number; org_path: string }): Visibility =>
  who.kind === 'user' && inScope(who.actor, r.tenant_id, r.org_path) ? 'ok' : 'hidden';

/** The filing flow. */
export const filingFlow = defineFlow<FilingRow, CadreFilingAction>({
  spec: CADRE_FILING_FLOW,
  table: 'cadre_filings',
  scope: seen,
  versions: () => ['cadres'],
  refused: 'cadres.wrong_state',
  moves: {
    acknowledge: {
      effect: (_r, i: { note?: string | null; today: string }) => ({
        set: { acknowledged_on: i.today },
        note: i.note?.trim() || null,
      }),
    },
    return: {
      effect: (r, i: { reason: string }) => ({
        set: { return_reason: i.reason.trim() },
        note: i.reason.trim(),
        changes: { returnReason: { before: r.return_reason, after: i.reason.trim() } },
      }),
    },
    refile: {
      effect: (_r, i: { note?: string | null; today: string }) => ({
        set: { filed_on: i.today, return_reason: null },
        note: i.note?.trim() || null,
      }),
    },
  },
});

/** One unit's opinion as stored (by unit code). */
export type Opinions = Partial<Record<ReviewUnit, { verdict: 'clear' | 'stop'; reason: string | null; on: string }>>;

/** The opinions of a review row. */
export function opinionsOf(r: { opinions: string }): Opinions {
  try {
    const v = JSON.parse(r.opinions) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Opinions) : {};
  } catch {
    return {};
  }
}

type OpinionInput = { unit: ReviewUnit; reason?: string | null; today: string };

/** The joint review flow: `clear` stays under review until every unit asked has cleared. */
export const reviewFlow = defineFlow<ReviewRow, CadreReviewAction>({
  spec: CADRE_REVIEW_FLOW,
  table: 'cadre_reviews',
  scope: seen,
  versions: () => ['cadres'],
  refused: 'cadres.wrong_state',
  moves: {
    clear: {
      effect: (r, i: OpinionInput) => {
        const ops: Opinions = {
          ...opinionsOf(r),
          [i.unit]: { verdict: 'clear', reason: i.reason?.trim() || null, on: i.today },
        };
        const units = JSON.parse(r.units) as ReviewUnit[];
        const all = units.every((u) => ops[u]?.verdict === 'clear');
        return {
          set: { opinions: JSON.stringify(ops) },
          to: all ? 'cleared' : 'reviewing',
          note: `${label(REVIEW_UNITS, i.unit, 'zh-CN')}：无异议${i.reason?.trim() ? `（${i.reason.trim()}）` : ''}`,
          changes: { opinion: { before: null, after: { unit: i.unit, verdict: 'clear' } } },
        };
      },
    },
    stop: {
      effect: (r, i: OpinionInput) => {
        const ops: Opinions = {
          ...opinionsOf(r),
          [i.unit]: { verdict: 'stop', reason: i.reason?.trim() || null, on: i.today },
        };
        return {
          set: { opinions: JSON.stringify(ops) },
          note: `${label(REVIEW_UNITS, i.unit, 'zh-CN')}：${i.reason?.trim() ?? ''}`,
          changes: { opinion: { before: null, after: { unit: i.unit, verdict: 'stop', reason: i.reason?.trim() } } },
        };
      },
    },
  },
});
