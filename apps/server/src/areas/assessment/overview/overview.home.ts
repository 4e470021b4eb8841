/**
 * The to-do counts of the assessment area that the homes show and no figure holds: manual points awaiting approval,
 * a branch's rating of the year and what it has left to score, points to publish, pledges to review, and a member's
 * own points and pledges. Each is its module's own list total under the filter the home's link opens.
 */
import {
  addMonths,
  can,
  chinaToday,
  type HomeAssessmentT,
  type HomeMyAssessmentT,
  type PledgeStatus,
  type PointStatus,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as pledges from '../pledges/pledges.service.js';
import { monthState } from '../points/points.disputes.js';
import * as points from '../points/points.service.js';
import * as ratings from '../ratings/ratings.service.js';

type Org = { id: number; org_path: string; tenant_id: number };
const one = { page: 1, pageSize: 1 };
/** A pledge is still the member's to fulfil until its fulfilment is accepted. */
const DONE: readonly PledgeStatus[] = ['fulfilled', 'evaluated'];
/** The member's phone home lists this many of its open pledges. */
const MY_PLEDGES_SHOWN = 5;

/**
 * Manual point entries of the subtree waiting for the caller's approval: the township's and the county's
 * (`branch_approved`), or a branch's (`submitted`).
 */
export async function manualPointsAwaiting(ctx: Ctx, actor: Actor, org: Org): Promise<number> {
  const status: PointStatus | null = can(actor.role, 'points.approve')
    ? 'branch_approved'
    : can(actor.role, 'points.write')
      ? 'submitted'
      : null;
  if (!status) return 0;
  return (await points.list(ctx, actor, { ...one, org: org.id, event: 'manual', status })).total;
}

/** Results whose stars are out (公示 and final). */
const OUT: readonly string[] = ['published', 'final'];

/**
 * A branch's own star rating of the year (its secretary's home): its state, its stars once published, last year's
 * stars, and the self-scored indicators it has not scored yet while it is to self-score.
 */
export async function myRating(ctx: Ctx, actor: Actor, org: Org, year: number): Promise<HomeAssessmentT['myRating']> {
  if (!can(actor.role, 'ratings.self')) return null;
  // A branch may be rated under more than one scheme in a year: the published or final result is the one it shows,
  // and of several the latest (the list is in id order within the organization).
  const of = async (y: number) => {
    const all = (await ratings.list(ctx, actor, { org: org.id, year: y, subject: 'org', page: 1, pageSize: 20 })).items;
    const own = all.filter((r) => r.orgId === org.id);
    return [...own].reverse().find((r) => OUT.includes(r.status)) ?? own[0] ?? null;
  };
  const now = await of(year);
  const last = await of(year - 1);
  const r = now ?? last;
  if (!r) return null;
  let toScore = 0;
  if (now?.status === 'draft') {
    const sheet = await ratings.get(ctx, actor, now.id);
    toScore = sheet.scores.filter((s) => s.fill === 'self' && s.selfScore == null).length;
  }
  return {
    id: r.id,
    year: r.year,
    status: r.status,
    stars: now && OUT.includes(now.status) ? now.stars : null,
    lastYearStars: last && OUT.includes(last.status) ? last.stars : null,
    toScore,
  };
}

/** A branch's point entries of last month while that month is not published (公示) yet. */
export async function pointsToPublish(ctx: Ctx, actor: Actor, org: Org): Promise<number> {
  if (!can(actor.role, 'points.write')) return 0;
  // Months are published by a branch: a county's or a township's home has none of its own.
  const o = await orgsRepo.getOrg(ctx.db, actor, org.id);
  if (o.depth < 2) return 0;
  const month = addMonths(`${chinaToday(ctx.clock()).slice(0, 7)}-01`, -1).slice(0, 7);
  if ((await monthState(ctx, actor, org.id, month)).published) return 0;
  return (await points.list(ctx, actor, { ...one, org: org.id, month })).total;
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
  const my = can(actor.role, 'points.read') ? await points.mine(ctx, actor, year) : null;
  const month = chinaToday(ctx.clock()).slice(0, 7);
  return {
    year,
    points: my?.total ?? 0,
    pointsThisMonth: my?.months.find((m) => m.month === month)?.points ?? 0,
    pledges: own.total,
    pledgesOpen: open.length,
    items: open.slice(0, MY_PLEDGES_SHOWN).map((p) => ({ id: p.id, title: p.title, status: p.status, dueOn: p.dueOn })),
  };
}
