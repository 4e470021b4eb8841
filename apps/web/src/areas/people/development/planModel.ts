/** Types and calls of the development plan pages (the contracts' schemas, never written again). */
import type { Static } from '@sinclair/typebox';
import type {
  DevelopmentMark,
  PlanFigures,
  Supervision,
  DevelopmentPlanList,
  DevelopmentPlanPutT,
} from '@dangjian/contracts';
import { request } from '../../../api/client';

export type PlanFiguresT = Static<typeof PlanFigures>;
export type PlanRow = PlanFiguresT['byOrg'][number];
export type SupervisionT = Static<typeof Supervision>;
export type SupervisionRow = SupervisionT['items'][number];
export type MarkT = Static<typeof DevelopmentMark>;

/** Sets (or with null removes) quotas of a year; the server refuses a split over a parent's quota. */
export function putPlans(body: DevelopmentPlanPutT): Promise<Static<typeof DevelopmentPlanList>> {
  return request('PUT', '/api/development/plans', { body });
}

/** The react-query keys the plan pages refresh after a change. */
export const PLAN_KEYS = ['development-plan', 'development-supervision', 'development-marks'];

/** This year in China time. */
export function chinaYearNow(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}
