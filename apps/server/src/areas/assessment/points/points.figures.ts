/**
 * 党员积分情况 (`points.summary`): for a subtree and a year, the members with points, the total and average
 * counted points (caps applied), the distribution of members' totals over buckets and the points per event type.
 * Computed from the ledger; cached on the `points` and `roster` versions.
 */
import {
  label,
  POINT_BUCKETS,
  POINT_EVENTS,
  type PointEvent,
  PointsSummaryQuery,
  type PointsSummaryQueryT,
  type PointsSummaryT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './points.repository.js';
import { pointsRules } from './points.rules.js';

/** The figure's arguments: the root organization and the year. */
export interface SummaryArgs {
  orgId: number;
  year: number;
}

/** 党员积分情况 of a subtree and year. */
export const pointsFigure = defineFigure({
  key: 'points.summary',
  name: { zh: '党员积分情况', en: 'Member points: totals and distribution' },
  params: PointsSummaryQuery,
  route: 'GET /api/stats/points',
  depends: ['points', 'roster'],
  compute: async (ctx: Ctx, { orgId, year }: SummaryArgs, tenantId: number): Promise<PointsSummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const range = subtreeRange(root.org_path);
    const rules = await pointsRules(ctx.db, tenantId, year);
    const [rows, members] = await Promise.all([
      repo.cappedTotals(ctx.db, tenantId, range, year, rules),
      repo.memberCount(ctx.db, tenantId, range),
    ]);
    const perMember = new Map<number, number>();
    const perEvent = new Map<string, { points: number; entries: number }>();
    for (const r of rows) {
      perMember.set(r.member_id, (perMember.get(r.member_id) ?? 0) + r.points);
      const e = perEvent.get(r.event) ?? { points: 0, entries: 0 };
      e.points += r.points;
      e.entries += r.entries;
      perEvent.set(r.event, e);
    }
    const totals = [...perMember.values()];
    const total = totals.reduce((n, x) => n + x, 0);
    const withPoints = totals.filter((x) => x !== 0).length;
    const distribution = POINT_BUCKETS.map((from, i) => {
      const to = POINT_BUCKETS[i + 1] ?? null;
      // Members without any entry count in the lowest bucket: the figure covers the whole roster.
      const n = totals.filter((x) => (i === 0 || x >= from) && (to == null || x < to)).length;
      return { from, to, members: i === 0 ? n + Math.max(0, members - totals.length) : n };
    });
    return {
      orgId: root.id,
      orgName: root.name,
      year,
      members,
      membersWithPoints: withPoints,
      total,
      average: withPoints ? Math.round((total / withPoints) * 10) / 10 : 0,
      distribution,
      byEvent: (Object.keys(POINT_EVENTS) as PointEvent[]).map((event) => ({
        event,
        ...(perEvent.get(event) ?? { points: 0, entries: 0 }),
      })),
    };
  },
  excel: {
    route: 'GET /api/stats/points/export',
    fill: (wb, r: PointsSummaryT, locale: Locale) => {
      const en = locale === 'en';
      const ws = addSheet(wb, en ? 'Points' : '党员积分情况', [
        [en ? 'Item' : '项目', 'item', 30],
        [en ? 'Value' : '数值', 'value', 14],
      ]);
      ws.addRow({ item: en ? 'Members' : '党员人数', value: r.members });
      ws.addRow({ item: en ? 'Members with points' : '有积分党员', value: r.membersWithPoints });
      ws.addRow({ item: en ? 'Total points' : '积分总数', value: r.total });
      ws.addRow({ item: en ? 'Average' : '人均积分', value: r.average });
      for (const d of r.distribution)
        ws.addRow({ item: `${d.from}${d.to == null ? '+' : `–${d.to - 1}`} ${en ? 'points' : '分'}`, value: d.members });
      for (const e of r.byEvent) ws.addRow({ item: label(POINT_EVENTS, e.event, locale), value: e.points });
    },
  },
});

/** The figure for the caller: its subtree's root (or an organization inside it) and a year. */
export async function summary(ctx: Ctx, actor: Actor, query: PointsSummaryQueryT): Promise<PointsSummaryT> {
  requireCapability(actor, 'points.read');
  const orgId = query.org ?? actor.orgId!;
  const org = await orgsRepo.getOrg(ctx.db, actor, orgId);
  return pointsFigure.get(ctx, actor.tenantId!, { orgId: org.id, year: query.year });
}

/** The figure as a workbook. */
export async function summaryXlsx(ctx: Ctx, actor: Actor, query: PointsSummaryQueryT, locale: Locale) {
  requireCapability(actor, 'points.read');
  const orgId = query.org ?? actor.orgId!;
  const org = await orgsRepo.getOrg(ctx.db, actor, orgId);
  return pointsFigure.xlsx(ctx, actor.tenantId!, { orgId: org.id, year: query.year }, locale);
}
