/**
 * The overview's readings of the other assessment modules: each figure comes from its module's own figure
 * (`ratings.summary` of organizations, `ratings.target`, `points.summary`, `pledges.summary`, `reports.summary`,
 * `selections.summary`, `retraining.summary`), so the overview answers exactly what each module's page answers.
 */
import type { AssessmentCountsT, AssessmentTargetT, StarsCountT } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { pledgesFigure } from '../pledges/pledges.figures.js';
import { pointsFigure } from '../points/points.figures.js';
import { summaryFigure as ratingsFigure, targetFigure } from '../ratings/ratings.figures.js';
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

/** How many organizations of the subtree have a final rating in the year. */
export async function ratingsFinal(ctx: Ctx, tenantId: number, orgId: number, year: number): Promise<number> {
  return (await ratingsFigure.get(ctx, tenantId, { orgId, year, subject: 'org' })).final;
}

/** The multi-year target of the county's first scheme family, and where the subtree stands in the year. */
export async function targetOf(ctx: Ctx, tenantId: number, span: Span): Promise<AssessmentTargetT | null> {
  const t = await targetFigure.get(ctx, tenantId, { orgId: span.orgId, family: null });
  if (!t.target) return null;
  const y = t.years.find((x) => x.year === span.year);
  const actual = y?.share ?? 0;
  return {
    share: t.target.share,
    minStars: t.target.minStars,
    byYear: t.target.byYear,
    actual,
    met: !!y?.rated && actual >= t.target.share,
  };
}

/** The figures of one subtree in a year, read from the modules' figures (the target with `withTarget`). */
export async function subtreeOf(ctx: Ctx, tenantId: number, span: Span, withTarget = false): Promise<SubtreeFigures> {
  const st = await ratingsFigure.get(ctx, tenantId, { ...span, subject: 'org' });
  const p = (await pledgesFigure.get(ctx, tenantId, span)).total;
  const c = await retrainingFigure.get(ctx, tenantId, span);
  const pt = await pointsFigure.get(ctx, tenantId, span);
  const r = await reportsFigure.get(ctx, tenantId, span);
  const s = await selectionsFigure.get(ctx, tenantId, span);
  return {
    counts: {
      rated: st.rated,
      atLeast3: st.atLeast3,
      atLeast3Share: st.shareAtLeast3,
      commended: st.commended,
      reminded: st.reminded,
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
    starsByLevel: st.byStars,
    target: withTarget ? await targetOf(ctx, tenantId, span) : null,
  };
}
