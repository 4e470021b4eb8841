/**
 * Figures of serving residents for any subtree and period, computed from the records: requests (accepted,
 * closed, open, overdue, by level/channel/category, time to close, on time, ratings), wishes, errands, group
 * and pairing coverage, visits, the children of the subtree, and a monthly series; with the Excel export.
 *
 * Requests count where they were accepted (origin_path), so an escalated request stays with its village.
 * Request figures are read month by month from the covering index requests_figures (migration 005), each
 * month a part cached under its own version, so a write recounts one month; households and visits are
 * parts under their own versions; the whole answer is cached under all of them and the hour (overdue moves
 * with time).
 */
import {
  addDays,
  addMonths,
  chinaDayStart,
  chinaYear,
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_LEVELS,
  ResidentsStatsQuery,
  SATISFACTION,
  type ResidentsStats,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { defineFigure, figurePart, readVersions } from '../../../platform/figures.js';
import type { Domain } from '../../../platform/data/versions.js';
import { subtreeRange } from '../../../db/dialect.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './residents.figures.repository.js';
import { fillResidentsStats } from './residents.figures.xlsx.js';
import { PLACE_FIELDS } from './places.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period asked for, default this calendar year (China time); refuses reversed or malformed periods. */
export function periodOf(q: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const year = chinaYear(now);
  const from = q.from ?? `${year}-01-01`;
  const to = q.to ?? `${year}-12-31`;
  if (!DATE.test(from) || !DATE.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)) || from > to)
    throw new DomainError('validation', { field: 'from' });
  return { from, to };
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : 0);
const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
const num = (v: unknown) => Number(v ?? 0);
/**
 * Whether an organization below is listed by the figures: a place (township, village) always; an organ's,
 * enterprise's or industry chain's branch only when it holds households or did service work, never at a red 0.0%.
 */
const rankedByPlace = (c: { place: boolean; households: number; accepted: number; wishes: number; errands: number }) =>
  c.place || c.households > 0 || c.accepted + c.wishes + c.errands > 0;

/** The China months of a period, each as its [fromIso, toIso) slice (the first and last may be partial). */
function monthSlices(period: { from: string; to: string }): { month: string; fromIso: string; toIso: string }[] {
  const out: { month: string; fromIso: string; toIso: string }[] = [];
  const end = chinaDayStart(addDays(period.to, 1));
  let day = period.from;
  while (true) {
    const month = day.slice(0, 7);
    const nextDay = addMonths(`${month}-01`, 1);
    const fromIso = chinaDayStart(day);
    const toIso = chinaDayStart(nextDay) < end ? chinaDayStart(nextDay) : end;
    out.push({ month, fromIso, toIso });
    if (toIso >= end) break;
    day = nextDay;
  }
  return out;
}

type Root = Pick<orgsRepo.OrgRow, 'id' | 'tenant_id' | 'org_path' | 'name'>;
type StatsArgs = { root: Root; period: { from: string; to: string }; hour: string };

/** 为民服务统计: the figures of serving residents of a subtree and period. */
export const residentsStatsFigure = defineFigure({
  key: 'residents.stats',
  name: { zh: '为民服务统计', en: 'Figures of serving residents' },
  params: ResidentsStatsQuery,
  route: 'GET /api/stats/service',
  // The months of requests (`requests:YYYY-MM`) are parts: every request write also bumps `residents`.
  depends: ['residents', 'roster', 'households', 'visits'],
  compute: (ctx: Ctx, args: StatsArgs) => compute(ctx, args.root, args.period),
  excel: { route: 'GET /api/stats/service/export', fill: fillResidentsStats },
});

/** The figures of a subtree (default the caller's scope) and period (default this year). */
export async function residentsStats(ctx: Ctx, actor: Actor, q: ResidentsStatsQuery): Promise<ResidentsStats> {
  const { root, args } = await argsOf(ctx, actor, q);
  return residentsStatsFigure.get(ctx, root.tenant_id, args);
}

async function argsOf(ctx: Ctx, actor: Actor, q: ResidentsStatsQuery) {
  requireCapability(actor, 'residents.read');
  const period = periodOf(q, ctx.clock());
  const root = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  const hour = ctx.clock().toISOString().slice(0, 13);
  const ref: Root = { id: root.id, tenant_id: root.tenant_id, org_path: root.org_path, name: root.name };
  return { root, args: { root: ref, period, hour } satisfies StatsArgs };
}

/** The figures as an Excel workbook: a summary, the children of the subtree and the months (zh or en headers). */
export async function residentsStatsXlsx(
  ctx: Ctx,
  actor: Actor,
  q: ResidentsStatsQuery,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; filename: string }> {
  const { root, args } = await argsOf(ctx, actor, q);
  const name = locale === 'en' ? 'service-figures' : '为民服务统计';
  return {
    buffer: await residentsStatsFigure.xlsx(ctx, root.tenant_id, args, locale),
    filename: `${name}-${root.name}-${args.period.from}-${args.period.to}.xlsx`,
  };
}

async function compute(ctx: Ctx, root: Root, period: { from: string; to: string }): Promise<ResidentsStats> {
  const tenant = root.tenant_id;
  const [lo, hi] = subtreeRange(root.org_path);
  const fromIso = chinaDayStart(period.from);
  const toIso = chinaDayStart(addDays(period.to, 1));
  const nowIso = ctx.clock().toISOString();

  // The organizations of the subtree: names, and each one's child of the root for byOrg.
  const orgRows = await repo.orgsOf(ctx, tenant, lo, hi);
  const depth = root.org_path.split('/').filter(Boolean).length;
  const childOf = new Map<number, number>();
  for (const o of orgRows) {
    const seg = o.org_path.split('/').filter(Boolean);
    if (seg.length > depth) childOf.set(o.id, Number(seg[depth]));
  }
  const children = orgRows
    .filter((o) => o.parent_id === root.id)
    .sort((a, b) => a.sort_order - b.sort_order || a.id - b.id);
  const perChild = new Map(
    children.map((c) => [
      c.id,
      {
        orgId: c.id,
        orgName: c.place_name ?? c.name,
        // Organs', enterprises' and industry chains' branches hold no households: no coverage to rank them by.
        place: c.field == null || PLACE_FIELDS.includes(c.field),
        accepted: 0,
        closed: 0,
        overdue: 0,
        rated: 0,
        good: 0,
        wishes: 0,
        wishesDone: 0,
        errands: 0,
        grouped: 0,
        households: 0,
      },
    ]),
  );
  const child = (orgId: number) => perChild.get(childOf.get(orgId) ?? -1);

  // The versions of the parts, in one query: the roster, households, visits and each month of requests.
  const slices = monthSlices(period);
  const domains: Domain[] = ['roster', 'households', 'visits', ...slices.map((s) => `requests:${s.month}` as const)];
  const [rosterV = 0, householdsV = 0, visitsV = 0, ...monthV] = await readVersions(ctx.db, tenant, domains);
  const part = <T>(name: string, versions: number[], args: unknown, run: () => Promise<T>) =>
    figurePart(ctx, tenant, `residents.stats.${name}`, [...versions, rosterV], args, run);

  // Requests: one grouped read per China month of the period, each a part under that month's own version
  // (bumped by every write to a request accepted in it), so a new request costs a recount of its month,
  // not of five years. Overdue moves with the clock: read apart from the few hundred open requests.
  const groups: repo.MonthGroup[] = [];
  const months = new Map<string, { accepted: number; closed: number }>();
  for (const [i, slice] of slices.entries()) {
    const rows = await part('month', [monthV[i] ?? 0], { lo, hi, from: slice.fromIso, to: slice.toIso }, () =>
      repo.monthGroups(ctx, tenant, lo, hi, slice.fromIso, slice.toIso),
    );
    const m = { accepted: 0, closed: 0 };
    for (const g of rows) {
      m.accepted += g.n;
      m.closed += g.closed;
      groups.push(g);
    }
    months.set(slice.month, m);
  }
  const overdueRows = await repo.overdueByOrigin(ctx, tenant, lo, hi, fromIso, toIso, nowIso);
  const byLevel = zeros(Object.keys(REQUEST_LEVELS));
  const byChannel = zeros(Object.keys(REQUEST_CHANNELS));
  const byCategory = zeros(Object.keys(REQUEST_CATEGORIES));
  const ratings = zeros(Object.keys(SATISFACTION));
  let accepted = 0;
  let closed = 0;
  let onTime = 0;
  let days = 0;
  for (const g of groups) {
    accepted += g.n;
    closed += g.closed;
    onTime += g.onTime;
    days += g.closeDays;
    byLevel[g.level] = (byLevel[g.level] ?? 0) + g.n;
    byChannel[g.channel] = (byChannel[g.channel] ?? 0) + g.n;
    byCategory[g.category] = (byCategory[g.category] ?? 0) + g.n;
    if (g.rating) ratings[g.rating] = (ratings[g.rating] ?? 0) + g.n;
    const ch = child(g.originOrgId);
    if (ch) {
      ch.accepted += g.n;
      ch.closed += g.closed;
      if (g.rating) {
        ch.rated += g.n;
        if (g.rating !== 'dissatisfied') ch.good += g.n;
      }
    }
  }
  let overdue = 0;
  for (const o of overdueRows) {
    overdue += o.n;
    const ch = child(o.originOrgId);
    if (ch) ch.overdue += o.n;
  }
  const rated = Object.values(ratings).reduce((a, b) => a + b, 0);

  // Wishes posted and errands taken in the period, per organization.
  const wishes = { collected: 0, claimed: 0, fulfilled: 0, confirmed: 0 };
  for (const w of await repo.wishesByOrg(ctx, tenant, lo, hi, fromIso, toIso)) {
    wishes.collected += num(w.n);
    wishes.claimed += num(w.claimed);
    wishes.fulfilled += num(w.fulfilled);
    wishes.confirmed += num(w.confirmed);
    const ch = child(w.org_id);
    if (ch) {
      ch.wishes += num(w.n);
      ch.wishesDone += num(w.fulfilled);
    }
  }
  const errands = { taken: 0, done: 0 };
  for (const r of await repo.errandsByOrg(ctx, tenant, lo, hi, fromIso, toIso)) {
    errands.taken += num(r.n);
    errands.done += num(r.done);
    const ch = child(r.org_id);
    if (ch) ch.errands += num(r.n);
  }

  // Household groups and pairing: the state now (not bound to the period), parts under the households' own
  // version so that a request or a wish does not make the county's 130,000 households be read again.
  const hhRows = await part('households', [householdsV], { lo, hi }, () => repo.householdsByOrg(ctx, tenant, lo, hi));
  const groupsFig = { groups: 0, households: 0, householdsTotal: 0, people: 0, coverageRate: 0 };
  let poorHouseholds = 0;
  for (const r of hhRows) {
    groupsFig.householdsTotal += num(r.n);
    groupsFig.households += num(r.grouped);
    groupsFig.people += num(r.grouped_people);
    poorHouseholds += num(r.poor);
    const ch = child(r.org_id);
    if (ch) {
      ch.households += num(r.n);
      ch.grouped += num(r.grouped);
    }
  }
  groupsFig.coverageRate = rate(groupsFig.households, groupsFig.householdsTotal);
  const groupCount = await part('groups', [householdsV], { lo, hi }, () => repo.groupCount(ctx, tenant, lo, hi));
  groupsFig.groups = num(groupCount.n);
  const paired = await part('paired', [householdsV], { lo, hi, to: period.to }, () =>
    repo.pairedCount(ctx, tenant, lo, hi, period.to),
  );

  // Visits in the period, and the villages and communities (organizations with households) visited.
  const visitFig = await part('visits', [visitsV], { lo, hi, ...period }, () =>
    repo.visitsCount(ctx, tenant, lo, hi, period.from, period.to),
  );

  return {
    org: { id: root.id, name: root.name },
    period,
    requests: {
      accepted,
      closed,
      open: accepted - closed,
      overdue,
      byLevel: byLevel as ResidentsStats['requests']['byLevel'],
      byChannel: byChannel as ResidentsStats['requests']['byChannel'],
      byCategory,
      avgCloseDays: closed ? Math.round((days / closed) * 100) / 100 : 0,
      closedOnTimeRate: rate(onTime, closed),
      ratings: ratings as ResidentsStats['requests']['ratings'],
      satisfactionRate: rate(ratings.satisfied! + ratings.fairly_satisfied!, rated),
    },
    wishes,
    errands,
    groups: groupsFig,
    pairing: {
      poorHouseholds,
      paired: num(paired.households),
      cadres: num(paired.cadres),
      coverageRate: rate(num(paired.households), poorHouseholds),
    },
    visits: {
      visits: num(visitFig.n),
      households: num(visitFig.households),
      villagesVisited: num(visitFig.places),
      villages: hhRows.filter((r) => num(r.n) > 0).length,
    },
    byOrg: [...perChild.values()].filter(rankedByPlace).map((c) => ({
      orgId: c.orgId,
      orgName: c.orgName,
      accepted: c.accepted,
      closed: c.closed,
      overdue: c.overdue,
      satisfactionRate: rate(c.good, c.rated),
      wishes: c.wishes,
      wishesDone: c.wishesDone,
      errands: c.errands,
      households: c.households,
      coverageRate: rate(c.grouped, c.households),
    })),
    monthly: [...months].map(([month, m]) => ({ month, ...m })),
  };
}
