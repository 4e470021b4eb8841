/**
 * The assessment area's part of the homes. A county's or township's home sees the year below it: stars per level and
 * the share at ≥ 3 stars against the multi-year target, secretaries' reports graded, pledges fulfilled, cadres in
 * retraining, manual points awaiting approval. A branch's home sees its own to-do: its star rating of the year and
 * what is left to score, points of past months to publish, pledges to review. A member's phone home sees its points
 * this year and its pledges. Every number is its module's own figure or list total, so the home and the module's
 * page never disagree; the section is null when the role reads none of the modules.
 */
import { chinaToday, type HomeAssessmentT, type HomeMyAssessmentT, ROLE_CAPABILITIES } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { subtreeRange } from '../../../db/dialect.js';
import { ratingsFinal, subtreeOf } from '../../assessment/overview/overview.sources.js';
import * as parts from '../../assessment/overview/overview.home.js';
import { reportsFigure } from '../../assessment/reports/reports.figures.js';
import { latestPublishedReportsYear } from './home.repository.js';

type Org = { id: number; org_path: string; tenant_id: number };

/** The assessment section of `GET /api/home` for a subtree the caller may see; null where its role reads none. */
export async function assessmentSection(ctx: Ctx, actor: Actor, org: Org): Promise<HomeAssessmentT | null> {
  // Any capability of the area's modules opens the section (their names are the modules' own).
  const held = ROLE_CAPABILITIES[actor.role] as readonly string[];
  if (!held.some((c) => /^(ratings|points|pledges)\./.test(c))) return null;
  const year = Number(chinaToday(ctx.clock()).slice(0, 4));
  // The stars of this year once its ratings are final; until then last year's.
  const now = await subtreeOf(ctx, org.tenant_id, { orgId: org.id, year }, true);
  const final = await ratingsFinal(ctx, org.tenant_id, org.id, year);
  const ratingYear = final ? year : year - 1;
  const stars = final ? now : await subtreeOf(ctx, org.tenant_id, { orgId: org.id, year: ratingYear }, true);
  // 述职: this year's round is under way until its results are published, so its graded count says little; the
  // home shows the latest published results (with their year) and this year's progress apart.
  const reportsNow = await reportsFigure.get(ctx, org.tenant_id, { orgId: org.id, year });
  const resultYear = await latestPublishedReportsYear(ctx.db, org.tenant_id, subtreeRange(org.org_path), year);
  const result =
    resultYear == null
      ? null
      : resultYear === year
        ? reportsNow
        : await reportsFigure.get(ctx, org.tenant_id, { orgId: org.id, year: resultYear });
  return {
    year,
    starsByLevel: stars.starsByLevel,
    rated: stars.counts.rated,
    atLeast3Share: stars.counts.atLeast3Share,
    ratingYear,
    target: stars.target,
    reportsDue: reportsNow.due,
    reportsSubmitted: reportsNow.submitted,
    reportsGraded: reportsNow.graded,
    reportsResult: result && resultYear != null ? { year: resultYear, due: result.due, graded: result.graded } : null,
    pledgesMade: now.counts.pledgesMade,
    pledgesFulfilled: now.counts.pledgesFulfilled,
    cadresInRetraining: now.counts.cadresInRetraining,
    manualPointsAwaiting: await parts.manualPointsAwaiting(ctx, actor, org),
    myRating: await parts.myRating(ctx, actor, org, year),
    pointsToPublish: await parts.pointsToPublish(ctx, actor, org),
    pledgesToReview: await parts.pledgesToReview(ctx, actor, org),
  };
}

/** The member's own points this year and pledges (`GET /api/home/mine`); null for an account that is no member. */
export async function myAssessment(ctx: Ctx, actor: Actor): Promise<HomeMyAssessmentT | null> {
  if (!actor.memberId) return null;
  return parts.mine(ctx, actor, Number(chinaToday(ctx.clock()).slice(0, 4)));
}
