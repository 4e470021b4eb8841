/**
 * The public board (公开晾晒): for a county or an organization's subtree and a year, the star ratings, the points
 * ranking of each branch, the pledges and the micro-wishes, read without signing in. Which county: the one of the
 * organization named, else the county named, else the only one; an unknown or deleted organization is a 404 and
 * nothing of another county is ever read. Names are masked (maskName), free text scrubbed of personal numbers and
 * of the person's own name. Cached per county, organization and year under the versions of the data it reads — as
 * the JSON text itself, masked and serialized once: a county's board is read by every wall screen and phone, and
 * walking and serializing it on each request cost more than the rest of the request.
 */
import {
  chinaYear,
  type Labelled,
  maskName,
  PLEDGE_STATUSES,
  type PublicBoardQueryT,
  type PublicBoardT,
  RATING_STATUSES,
  WISH_STATUSES,
} from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import type { Domain } from '../../../platform/data/versions.js';
import { notFound } from '../../../platform/errors.js';
import { memo } from '../../../platform/memo.js';
import { maskPersonalDeep } from '../../../platform/personalText.js';
import { scrub } from '../../../platform/personal.js';
import * as repo from './board.repository.js';
import { boardSources } from './board.sources.js';

/** The data the board is computed from: a write to any of them outdates the cached board. */
export const BOARD_DOMAINS: readonly Domain[] = ['ratings', 'points', 'pledges', 'residents', 'roster'];
/** Branches with a ranking on one board, and members shown in each. */
const MAX_BRANCHES = 60;
const TOP = 10;
/** Organizations listed by their stars (the best first); the rest are only counted (`stars.rated`). */
const STARS_SHOWN = 40;
const PLEDGES = 30;
const WISHES = 12;

const wordOf = (map: Record<string, Labelled>, code: string): Labelled =>
  map[code] ?? { zh: '进行中', en: 'Under way' };

/** The root organization of a board: the named organization, else the named or only county's root; else 404. */
async function rootOf(ctx: Ctx, q: PublicBoardQueryT) {
  if (q.org != null) {
    const o = await repo.liveOrg(ctx.db, q.org);
    if (!o || (q.county != null && o.tenant_id !== q.county)) throw notFound();
    return o;
  }
  let tenant = q.county ?? null;
  if (tenant == null) {
    const all = await repo.tenants(ctx.db);
    if (all.length !== 1) throw notFound();
    tenant = all[0]!;
  }
  const root = await repo.countyRoot(ctx.db, tenant);
  if (!root) throw notFound();
  return root;
}

/** The board of a subtree and year. */
export async function board(ctx: Ctx, q: PublicBoardQueryT): Promise<PublicBoardT> {
  return JSON.parse(await boardJson(ctx, q)) as PublicBoardT;
}

/**
 * The board of a subtree and year as its JSON text, every string masked of whole personal numbers (what the public
 * routes' hook would do on each request), cached by the versions of its data.
 */
export async function boardJson(ctx: Ctx, q: PublicBoardQueryT): Promise<string> {
  const year = q.year ?? chinaYear(ctx.clock());
  // The board of an organization (a wall screen's URL): the organization and the versions in one read.
  const both = q.org != null ? await repo.liveOrgWithVersions(ctx.db, q.org, BOARD_DOMAINS) : null;
  if (q.org != null && (!both || (q.county != null && both.org.tenant_id !== q.county))) throw notFound();
  const root = both?.org ?? (await rootOf(ctx, q));
  const versions = both?.versions ?? (await repo.versionsOf(ctx.db, root.tenant_id, BOARD_DOMAINS));
  return memo(ctx.db, `board-json|${root.tenant_id}|${root.id}|${year}|${versions}`, async () =>
    JSON.stringify(maskPersonalDeep(await compute(ctx, root, year))),
  );
}

async function compute(
  ctx: Ctx,
  root: { id: number; tenant_id: number; name: string; org_path: string },
  year: number,
): Promise<PublicBoardT> {
  const src = boardSources();
  const db = ctx.db;
  const t = root.tenant_id;
  // The pledges are counted in SQL: only the newest few are shown.
  const [thisYear, branches, pledges, pledgeCounts, counts, wishes] = await Promise.all([
    src.publishedStarsOf(db, t, root.org_path, year),
    repo.branchesOf(db, t, root.org_path, MAX_BRANCHES),
    src.publishedPledgesOf(db, t, root.org_path, year, PLEDGES),
    src.publishedPledgeCountsOf(db, t, root.org_path, year),
    repo.wishCounts(db, t, root.org_path, year),
    repo.recentWishes(db, t, root.org_path, year, WISHES),
  ]);
  // Ratings are published after the year they rate: until this year's are, the board shows last year's.
  const lastYear = thisYear.length ? [] : await src.publishedStarsOf(db, t, root.org_path, year - 1);
  const stars = thisYear.length ? thisYear : lastYear;
  const starsYear = thisYear.length || !lastYear.length ? year : year - 1;
  const rankings = [];
  for (const b of branches) {
    const rows = await src.rankingOf(db, t, b.id, year);
    if (!rows.length) continue;
    const sorted = [...rows].sort((a, z) => z.points - a.points || a.memberId - z.memberId).slice(0, TOP);
    // Equal points share a rank (1, 2, 2, 4).
    let rank = 0;
    const entries = sorted.map((r, i) => {
      if (i === 0 || r.points !== sorted[i - 1]!.points) rank = i + 1;
      return { rank, name: maskName(r.name), points: r.points };
    });
    rankings.push({ orgId: b.id, orgName: b.name, entries });
  }
  const levels = new Map<number, number>();
  for (const s of stars) levels.set(s.stars, (levels.get(s.stars) ?? 0) + 1);
  const byStatus = new Map(counts.map((c) => [c.status, c.count]));
  return {
    org: { id: root.id, name: root.name },
    year,
    stars: {
      year: starsYear,
      items: [...stars]
        .sort((a, z) => z.stars - a.stars || a.orgName.localeCompare(z.orgName, 'zh-CN'))
        .slice(0, STARS_SHOWN)
        .map((s) => ({ ...s, statusLabel: wordOf(RATING_STATUSES, s.status) })),
      rated: stars.length,
      byLevel: [...levels.entries()].sort((a, z) => z[0] - a[0]).map(([n, count]) => ({ stars: n, count })),
      // Rounded to a thousandth: a share, not a long string of digits.
      atLeast3: stars.length
        ? Math.round((stars.filter((s) => s.stars >= 3).length / stars.length) * 1000) / 1000
        : null,
    },
    rankings,
    pledges: {
      total: pledgeCounts.total,
      fulfilled: pledgeCounts.fulfilled,
      items: pledges.map((p) => ({
        orgName: p.orgName,
        memberName: p.memberName == null ? null : maskName(p.memberName),
        title: scrub(p.title, p.memberName),
        status: p.status,
        statusLabel: wordOf(PLEDGE_STATUSES, p.status),
        fulfilledOn: p.fulfilledOn,
      })),
    },
    wishes: {
      counts: (['open', 'claimed', 'fulfilled', 'confirmed'] as const).map((status) => ({
        status,
        count: byStatus.get(status) ?? 0,
      })),
      items: wishes.map((w) => ({
        kind: w.kind as PublicBoardT['wishes']['items'][number]['kind'],
        title: scrub(w.title, w.resident_name),
        orgName: w.org_name,
        status: w.status as keyof typeof WISH_STATUSES,
      })),
    },
  };
}
