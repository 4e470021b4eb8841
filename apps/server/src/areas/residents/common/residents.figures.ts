/**
 * Figures of serving residents for any subtree and period, computed from the records: requests (accepted,
 * closed, open, overdue, by level/channel/category, time to close, on time, ratings), wishes, errands, group
 * and pairing coverage, visits, the children of the subtree, and a monthly series; with the Excel export.
 *
 * Requests count where they were accepted (origin_path), so an escalated request stays with its village.
 * Request figures are read month by month from the covering index requests_figures (migration 005), each
 * month cached under its own version, so a write recounts one month; the whole answer is cached by the
 * service and roster versions and the hour (overdue moves with time).
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import {
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_LEVELS,
  SATISFACTION,
  label,
  type ResidentsStats,
  type ResidentsStatsQuery,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { subtreeRange } from '../../../db/dialect.js';
import { cached, readVersion } from '../../../platform/versions.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';

const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC instant of 00:00 China time on a YYYY-MM-DD day. */
function cstStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CST_MS).toISOString();
}

/** The period asked for, default this calendar year (China time); refuses reversed or malformed periods. */
export function periodOf(q: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const year = new Date(now.getTime() + CST_MS).toISOString().slice(0, 4);
  const from = q.from ?? `${year}-01-01`;
  const to = q.to ?? `${year}-12-31`;
  if (!DATE.test(from) || !DATE.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)) || from > to)
    throw new DomainError('validation', { field: 'from' });
  return { from, to };
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : 0);
const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
const num = (v: unknown) => Number(v ?? 0);

interface MonthGroup {
  originOrgId: number;
  level: string;
  channel: string;
  category: string;
  rating: string | null;
  n: number;
  closed: number;
  onTime: number;
  closeDays: number;
}

/** The China months of a period, each as its [fromIso, toIso) slice (the first and last may be partial). */
function monthSlices(period: { from: string; to: string }): { month: string; fromIso: string; toIso: string }[] {
  const out: { month: string; fromIso: string; toIso: string }[] = [];
  const end = new Date(Date.parse(cstStart(period.to)) + DAY_MS).toISOString();
  let day = period.from;
  while (true) {
    const month = day.slice(0, 7);
    const next = new Date(`${month}-01T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const nextDay = next.toISOString().slice(0, 10);
    const fromIso = cstStart(day);
    const toIso = cstStart(nextDay) < end ? cstStart(nextDay) : end;
    out.push({ month, fromIso, toIso });
    if (toIso >= end) break;
    day = nextDay;
  }
  return out;
}

/** One month slice of a subtree's requests, grouped by everything the figures break them down by. */
async function monthGroups(
  ctx: Ctx,
  tenant: number,
  lo: string,
  hi: string,
  fromIso: string,
  toIso: string,
): Promise<MonthGroup[]> {
  const closeDays =
    ctx.dialect === 'postgres'
      ? sql<number>`sum(extract(epoch from (cast(closed_at as timestamptz) - cast(accepted_at as timestamptz))) / 86400.0)`
      : sql<number>`sum(julianday(closed_at) - julianday(accepted_at))`;
  const rows = await ctx.db
    .selectFrom('requests')
    .where('tenant_id', '=', tenant)
    .where('accepted_at', '>=', fromIso)
    .where('accepted_at', '<', toIso)
    .where('origin_path', '>=', lo)
    .where('origin_path', '<', hi)
    .where('deleted_at', 'is', null)
    .select((e) => [
      'origin_org_id',
      'level',
      'channel',
      'category',
      'rating',
      e.fn.countAll<number>().as('n'),
      e.fn.count<number>('closed_at').as('closed'),
      e.fn
        .sum<number>(
          e
            .case()
            .when('closed_at', 'is not', null)
            .then(
              e
                .case()
                .when('due_at', 'is', null)
                .then(1)
                .when(sql.ref('closed_at'), '<=', sql.ref('due_at'))
                .then(1)
                .else(0)
                .end(),
            )
            .else(0)
            .end(),
        )
        .as('on_time'),
      closeDays.as('close_days'),
    ])
    .groupBy(['origin_org_id', 'level', 'channel', 'category', 'rating'])
    .execute();
  return rows.map((g) => ({
    originOrgId: g.origin_org_id,
    level: g.level,
    channel: g.channel,
    category: g.category,
    rating: g.rating,
    n: num(g.n),
    closed: num(g.closed),
    onTime: num(g.on_time),
    closeDays: num(g.close_days),
  }));
}

/** Open requests of a subtree accepted in the period and past their deadline, by accepting organization. */
async function overdueByOrigin(
  ctx: Ctx,
  tenant: number,
  lo: string,
  hi: string,
  fromIso: string,
  toIso: string,
  nowIso: string,
): Promise<{ originOrgId: number; n: number }[]> {
  // The few hundred open requests come from the partial index; on SQLite a unary plus keeps the
  // planner off the origin and period indexes, which would read the whole range.
  const plus = (c: string) => (ctx.dialect === 'sqlite' ? sql`+${sql.ref(c)}` : sql.ref(c));
  const rows = await ctx.db
    .selectFrom('requests')
    .where('tenant_id', '=', tenant)
    .where('closed_at', 'is', null)
    .where('due_at', '<', nowIso)
    .where('deleted_at', 'is', null)
    .where(
      sql<boolean>`${plus('origin_path')} >= ${lo} and ${plus('origin_path')} < ${hi} and ${plus('accepted_at')} >= ${fromIso} and ${plus('accepted_at')} < ${toIso}`,
    )
    .select((e) => ['origin_org_id', e.fn.countAll<number>().as('n')])
    .groupBy('origin_org_id')
    .execute();
  return rows.map((r) => ({ originOrgId: r.origin_org_id, n: num(r.n) }));
}

/** The figures of a subtree (default the caller's scope) and period (default this year). */
export async function residentsStats(ctx: Ctx, actor: Actor, q: ResidentsStatsQuery): Promise<ResidentsStats> {
  requireCapability(actor, 'residents.read');
  const period = periodOf(q, ctx.clock());
  const root = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  const roster = await readVersion(ctx.db, root.tenant_id, 'roster');
  const hour = ctx.clock().toISOString().slice(0, 13);
  return cached(
    ctx.db,
    root.tenant_id,
    'residents',
    `stats|${root.id}|${period.from}|${period.to}|${hour}|r${roster}`,
    () => compute(ctx, root, period),
  );
}

async function compute(ctx: Ctx, root: orgsRepo.OrgRow, period: { from: string; to: string }): Promise<ResidentsStats> {
  const db = ctx.db;
  const tenant = root.tenant_id;
  const [lo, hi] = subtreeRange(root.org_path);
  const fromIso = cstStart(period.from);
  const toIso = new Date(Date.parse(cstStart(period.to)) + DAY_MS).toISOString();
  const nowIso = ctx.clock().toISOString();

  // The organizations of the subtree: names, and each one's child of the root for byOrg.
  const orgRows = await db
    .selectFrom('orgs')
    .select(['id', 'parent_id', 'name', 'org_path', 'sort_order'])
    .where('tenant_id', '=', tenant)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .execute();
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
        orgName: c.name,
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

  // Requests: one grouped read per China month of the period, each cached under that month's own version
  // (bumped by every write to a request accepted in it), so a new request costs a recount of its month,
  // not of five years. Overdue moves with the clock: read apart from the few hundred open requests.
  const rosterV = await readVersion(db, tenant, 'roster');
  const groups: MonthGroup[] = [];
  const months = new Map<string, { accepted: number; closed: number }>();
  for (const slice of monthSlices(period)) {
    const rows = await cached(
      db,
      tenant,
      `requests:${slice.month}`,
      `reqmonth|${lo}|${hi}|${slice.fromIso}|${slice.toIso}|r${rosterV}`,
      () => monthGroups(ctx, tenant, lo, hi, slice.fromIso, slice.toIso),
    );
    const m = { accepted: 0, closed: 0 };
    for (const g of rows) {
      m.accepted += g.n;
      m.closed += g.closed;
      groups.push(g);
    }
    months.set(slice.month, m);
  }
  const overdueRows = await overdueByOrigin(ctx, tenant, lo, hi, fromIso, toIso, nowIso);
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
  const wishRows = await db
    .selectFrom('wishes')
    .where('tenant_id', '=', tenant)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('created_at', '>=', fromIso)
    .where('created_at', '<', toIso)
    .where('deleted_at', 'is', null)
    .select((e) => [
      'org_id',
      e.fn.countAll<number>().as('n'),
      e.fn.count<number>('claimed_at').as('claimed'),
      e.fn.count<number>('fulfilled_at').as('fulfilled'),
      e.fn.count<number>('confirmed_at').as('confirmed'),
    ])
    .groupBy('org_id')
    .execute();
  const wishes = { collected: 0, claimed: 0, fulfilled: 0, confirmed: 0 };
  for (const w of wishRows) {
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
  const errandRows = await db
    .selectFrom('errands')
    .where('tenant_id', '=', tenant)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('taken_at', '>=', fromIso)
    .where('taken_at', '<', toIso)
    .where('deleted_at', 'is', null)
    .select((e) => [
      'org_id',
      e.fn.countAll<number>().as('n'),
      e.fn.sum<number>(e.case().when('status', '=', 'done').then(1).else(0).end()).as('done'),
    ])
    .groupBy('org_id')
    .execute();
  const errands = { taken: 0, done: 0 };
  for (const r of errandRows) {
    errands.taken += num(r.n);
    errands.done += num(r.done);
    const ch = child(r.org_id);
    if (ch) ch.errands += num(r.n);
  }

  // Household groups and pairing: the state now (not bound to the period), cached under the households' own
  // version so that a request or a wish does not make the county's 130,000 households be read again.
  const hhRows = await cached(db, tenant, 'households', `hh|${lo}|${hi}|r${rosterV}`, () =>
    db
      .selectFrom('households as h')
      .leftJoin('household_groups as g', (j) => j.onRef('g.id', '=', 'h.group_id').on('g.deleted_at', 'is', null))
      .where('h.tenant_id', '=', tenant)
      .where('h.org_path', '>=', lo)
      .where('h.org_path', '<', hi)
      .where('h.deleted_at', 'is', null)
      .select((e) => [
        'h.org_id',
        e.fn.countAll<number>().as('n'),
        e.fn.sum<number>('h.people').as('people'),
        e.fn.count<number>('g.id').as('grouped'),
        e.fn
          .sum<number>(e.case().when('g.id', 'is not', null).then(e.ref('h.people')).else(0).end())
          .as('grouped_people'),
        e.fn.sum<number>('h.is_poor').as('poor'),
      ])
      .groupBy('h.org_id')
      .execute(),
  );
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
  const groupCount = await cached(db, tenant, 'households', `hhg|${lo}|${hi}|r${rosterV}`, () =>
    db
      .selectFrom('household_groups')
      .where('tenant_id', '=', tenant)
      .where('org_path', '>=', lo)
      .where('org_path', '<', hi)
      .where('deleted_at', 'is', null)
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  );
  groupsFig.groups = num(groupCount.n);

  const activePairings = () =>
    db
      .selectFrom('pairings as p')
      .innerJoin('households as h', 'h.id', 'p.household_id')
      .where('p.tenant_id', '=', tenant)
      .where('p.org_path', '>=', lo)
      .where('p.org_path', '<', hi)
      .where('p.deleted_at', 'is', null)
      .where('h.deleted_at', 'is', null)
      .where('h.is_poor', '=', 1)
      .where((eb) => eb.or([eb('p.ended_on', 'is', null), eb('p.ended_on', '>', period.to)]));
  const paired = await cached(db, tenant, 'households', `hhp|${lo}|${hi}|${period.to}|r${rosterV}`, () =>
    activePairings()
      .select((e) => [
        sql<number>`count(distinct p.household_id)`.as('households'),
        sql<number>`count(distinct p.cadre_member_id)`.as('cadres'),
      ])
      .executeTakeFirstOrThrow(),
  );

  // Visits in the period, and the villages and communities (organizations with households) visited.
  const visitFig = await cached(db, tenant, 'visits', `v|${lo}|${hi}|${period.from}|${period.to}|r${rosterV}`, () =>
    db
      .selectFrom('visits')
      .where('tenant_id', '=', tenant)
      .where('org_path', '>=', lo)
      .where('org_path', '<', hi)
      .where('visited_on', '>=', period.from)
      .where('visited_on', '<=', period.to)
      .where('deleted_at', 'is', null)
      .select((e) => [
        e.fn.countAll<number>().as('n'),
        sql<number>`count(distinct household_id)`.as('households'),
        sql<number>`count(distinct org_id)`.as('places'),
      ])
      .executeTakeFirstOrThrow(),
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
    byOrg: [...perChild.values()].map((c) => ({
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

/** The figures as an Excel workbook: a summary sheet, the children of the subtree, and the months (zh or en headers). */
export async function residentsStatsXlsx(
  ctx: Ctx,
  actor: Actor,
  q: ResidentsStatsQuery,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; filename: string }> {
  const s = await residentsStats(ctx, actor, q);
  const en = locale === 'en';
  const t = (zh: string, e: string) => (en ? e : zh);
  const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
  const wb = new ExcelJS.Workbook();
  const sum = wb.addWorksheet(t('为民服务统计', 'Service figures'));
  sum.columns = [
    { header: t('指标', 'Figure'), key: 'k', width: 28 },
    { header: t('数值', 'Value'), key: 'v', width: 16 },
  ];
  sum.getRow(1).font = { bold: true };
  const rows: [string, string | number][] = [
    [t('党组织', 'Organization'), s.org.name],
    [t('统计期间', 'Period'), `${s.period.from} – ${s.period.to}`],
    [t('受理诉求', 'Requests accepted'), s.requests.accepted],
    [t('已办结', 'Closed'), s.requests.closed],
    [t('办理中', 'Open'), s.requests.open],
    [t('超期未办结', 'Overdue'), s.requests.overdue],
    ...Object.entries(s.requests.byLevel).map(([k, v]) => [label(REQUEST_LEVELS, k, locale), v] as [string, number]),
    ...Object.entries(s.requests.byChannel).map(
      ([k, v]) => [label(REQUEST_CHANNELS, k, locale), v] as [string, number],
    ),
    ...Object.entries(s.requests.byCategory).map(
      ([k, v]) => [label(REQUEST_CATEGORIES, k, locale), v] as [string, number],
    ),
    [t('平均办结天数', 'Average days to close'), s.requests.avgCloseDays],
    [t('按时办结率', 'Closed on time'), pct(s.requests.closedOnTimeRate)],
    ...Object.entries(s.requests.ratings).map(([k, v]) => [label(SATISFACTION, k, locale), v] as [string, number]),
    [t('满意率', 'Satisfaction'), pct(s.requests.satisfactionRate)],
    [t('收集微心愿', 'Wishes collected'), s.wishes.collected],
    [t('已认领', 'Claimed'), s.wishes.claimed],
    [t('已实现', 'Fulfilled'), s.wishes.fulfilled],
    [t('群众已确认', 'Confirmed'), s.wishes.confirmed],
    [t('党员代办', 'Errands taken'), s.errands.taken],
    [t('代办完成', 'Errands done'), s.errands.done],
    [t('联户组', 'Household groups'), s.groups.groups],
    [t('联系户数', 'Households in groups'), s.groups.households],
    [t('总户数', 'Households'), s.groups.householdsTotal],
    [t('联系人数', 'People in groups'), s.groups.people],
    [t('联户覆盖率', 'Group coverage'), pct(s.groups.coverageRate)],
    [t('困难户', 'Poor households'), s.pairing.poorHouseholds],
    [t('已结对', 'Paired'), s.pairing.paired],
    [t('结对干部', 'Cadres'), s.pairing.cadres],
    [t('结对覆盖率', 'Pairing coverage'), pct(s.pairing.coverageRate)],
    [t('走访次数', 'Visits'), s.visits.visits],
    [t('走访户数', 'Households visited'), s.visits.households],
    [t('走访村（社区）', 'Villages visited'), `${s.visits.villagesVisited} / ${s.visits.villages}`],
  ];
  for (const [k, v] of rows) sum.addRow({ k, v });
  const by = wb.addWorksheet(t('下级组织', 'Organizations'));
  by.columns = [
    { header: t('党组织', 'Organization'), key: 'orgName', width: 30 },
    { header: t('受理', 'Accepted'), key: 'accepted', width: 10 },
    { header: t('办结', 'Closed'), key: 'closed', width: 10 },
    { header: t('超期', 'Overdue'), key: 'overdue', width: 8 },
    { header: t('满意率', 'Satisfaction'), key: 'sat', width: 10 },
    { header: t('微心愿', 'Wishes'), key: 'wishes', width: 8 },
    { header: t('已实现', 'Fulfilled'), key: 'wishesDone', width: 8 },
    { header: t('代办', 'Errands'), key: 'errands', width: 8 },
    { header: t('联户覆盖率', 'Group coverage'), key: 'cov', width: 12 },
  ];
  by.getRow(1).font = { bold: true };
  for (const o of s.byOrg) by.addRow({ ...o, sat: pct(o.satisfactionRate), cov: pct(o.coverageRate) });
  const mon = wb.addWorksheet(t('按月', 'Months'));
  mon.columns = [
    { header: t('月份', 'Month'), key: 'month', width: 10 },
    { header: t('受理', 'Accepted'), key: 'accepted', width: 10 },
    { header: t('办结', 'Closed'), key: 'closed', width: 10 },
  ];
  mon.getRow(1).font = { bold: true };
  for (const m of s.monthly) mon.addRow(m);
  return {
    buffer: await xlsxBuffer(wb),
    filename: `${t('为民服务统计', 'service-figures')}-${s.org.name}-${s.period.from}-${s.period.to}.xlsx`,
  };
}
