/**
 * The overview's readings of the other assessment modules: each figure comes from its module's own figure
 * (`ratings.summary`, `ratings.target`, `points.summary`, `pledges.summary`, `reports.summary`, `selections.summary`,
 * `retraining.summary`), so the overview answers exactly what each module's page answers.
 */
import type { AssessmentCountsT, AssessmentTargetT, StarsCountT } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { pledgesFigure } from '../pledges/pledges.figures.js';
import { pointsFigure } from '../points/points.figures.js';
import { reportsFigure } from '../reports/reports.figures.js';
import { retrainingFigure } from '../retraining/retraining.figures.js';
import { selectionsFigure } from '../selections/selections.figures.js';

/** A subtree and a year, as every figure of the area takes them. */
export type Span = { orgId: number; year: number };

/** One subtree's figures. */
export interface SubtreeFigures {
  counts: AssessmentCountsT;
  starsByLevel: StarsCountT[];
  target: AssessmentTargetT | null;
}

/** Nothing counted: the figures of a subtree with no records. */
export const NO_COUNTS: AssessmentCountsT = {
  rated: 0,
  atLeast3: 0,
  atLeast3Share: 0,
  commended: 0,
  reminded: 0,
  pointsMembers: 0,
  pointsTotal: 0,
  pointsAverage: 0,
  pledgesMade: 0,
  pledgesFulfilled: 0,
  pledgesEvaluated: 0,
  problemsSolved: 0,
  reportsDue: 0,
  reportsGraded: 0,
  selections: 0,
  winners: 0,
  cadresSuspended: 0,
  cadresInRetraining: 0,
  cadresReinstated: 0,
  cadresRemoved: 0,
};

/** The figures of one subtree in a year, read from the modules' figures. */
export async function subtreeOf(ctx: Ctx, tenantId: number, span: Span): Promise<SubtreeFigures> {
  const p = (await pledgesFigure.get(ctx, tenantId, span)).total;
  const c = await retrainingFigure.get(ctx, tenantId, span);
  const pt = await pointsFigure.get(ctx, tenantId, span);
  const r = await reportsFigure.get(ctx, tenantId, span);
  const s = await selectionsFigure.get(ctx, tenantId, span);
  return {
    counts: {
      ...NO_COUNTS,
      pointsMembers: pt.membersWithPoints,
      pointsTotal: pt.total,
      pointsAverage: pt.average,
      pledgesMade: p.made,
      pledgesFulfilled: p.fulfilled,
      pledgesEvaluated: p.evaluated,
      problemsSolved: p.problemsSolved,
      reportsDue: r.due,
      reportsGraded: r.graded,
      selections: s.selections,
      winners: s.winners,
      cadresSuspended: c.suspended,
      cadresInRetraining: c.inRetraining,
      cadresReinstated: c.reinstated,
      cadresRemoved: c.removed,
    },
    starsByLevel: [],
    target: null,
  };
}
