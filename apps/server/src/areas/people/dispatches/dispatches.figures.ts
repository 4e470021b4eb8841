/**
 * 派驻干部情况 (`dispatches.summary`): for a subtree and a year, by kind — the people on a dispatch during the year,
 * the work teams (their leaders), the organizations covered and the average days present per recorded month (days
 * entered by the townships) — and for each organization right below the root; with its Excel export. Seeds 000–002
 * (96 first secretaries, 97 teams and 275 members, 685 instructors, 75 science envoys to 93 villages) are this.
 */
import {
  DISPATCH_KINDS,
  type DispatchKind,
  DispatchSummaryQuery,
  type DispatchSummaryQueryT,
  type DispatchSummaryT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './dispatches.repository.js';

/** The figure's arguments: the root organization and the year. */
export interface SummaryArgs {
  orgId: number;
  year: number;
}

const KINDS = Object.keys(DISPATCH_KINDS) as DispatchKind[];
type Active = { id: number; kind: string; team_role: string | null; org_path: string };
type Served = { dispatch_id: number; org_id: number; org_path: string };

/** Average days present per recorded month, one decimal. */
function average(days: number[]): number {
  return days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : 0;
}

function countsOf(active: Active[], served: Served[], presence: Map<number, number[]>) {
  const ids = new Set(active.map((a) => a.id));
  return {
    people: active.length,
    teams: active.filter((a) => a.kind === 'work_team' && a.team_role === 'leader').length,
    villages: new Set(served.filter((s) => ids.has(s.dispatch_id)).map((s) => s.org_id)).size,
    avgDays: average(active.flatMap((a) => presence.get(a.id) ?? [])),
  };
}

/** 派驻干部情况 of a subtree and year. */
export const dispatchesFigure = defineFigure({
  key: 'dispatches.summary',
  name: { zh: '派驻干部情况', en: 'Dispatched cadres' },
  params: DispatchSummaryQuery,
  route: 'GET /api/dispatches/summary',
  depends: ['dispatches', 'roster'],
  compute: async (ctx: Ctx, { orgId, year }: SummaryArgs, tenantId: number): Promise<DispatchSummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const range = subtreeRange(root.org_path);
    const [active, served, days, children] = await Promise.all([
      repo.activeIn(ctx.db, tenantId, range, `${year}-01-01`, `${year}-12-31`),
      repo.servedBy(ctx.db, tenantId, range),
      repo.presenceIn(ctx.db, tenantId, range, `${year}-01`, `${year}-12`),
      repo.childOrgs(ctx.db, tenantId, root.id),
    ]);
    const presence = new Map<number, number[]>();
    for (const d of days) presence.set(d.dispatch_id, [...(presence.get(d.dispatch_id) ?? []), Number(d.days)]);
    return {
      orgId: root.id,
      orgName: root.name,
      year,
      byKind: KINDS.map((kind) => ({
        kind,
        ...countsOf(
          active.filter((a) => a.kind === kind),
          served,
          presence,
        ),
      })),
      rows: children.map((o) => {
        const [lo, hi] = subtreeRange(o.org_path);
        const mine = active.filter((a) => a.org_path >= lo && a.org_path < hi);
        const byKind: Record<string, number> = {};
        for (const k of KINDS) byKind[k] = mine.filter((a) => a.kind === k).length;
        const { teams, villages, avgDays } = countsOf(mine, served, presence);
        return { orgId: o.id, orgName: o.name, byKind, teams, villages, avgDays };
      }),
    };
  },
  excel: { route: 'GET /api/dispatches/summary/export', fill: fillSummary },
});

function fillSummary(wb: import('exceljs').Workbook, f: DispatchSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const byKind = addSheet(wb, en ? 'By kind' : '按派驻类型', [
    [en ? 'Kind' : '派驻类型', 'kind', 16],
    [en ? 'People' : '人数', 'people', 10],
    [en ? 'Teams' : '工作队', 'teams', 10],
    [en ? 'Organizations covered' : '覆盖村（社区）', 'villages', 14],
    [en ? 'Avg days present a month' : '月均在村天数', 'avgDays', 14],
  ]);
  for (const r of f.byKind) byKind.addRow({ ...r, kind: DISPATCH_KINDS[r.kind][en ? 'en' : 'zh'] });
  const byOrg = addSheet(wb, en ? 'By organization' : '按组织', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    ...KINDS.map((k): [string, string, number] => [DISPATCH_KINDS[k][en ? 'en' : 'zh'], k, 12]),
    [en ? 'Teams' : '工作队', 'teams', 10],
    [en ? 'Organizations covered' : '覆盖村（社区）', 'villages', 14],
    [en ? 'Avg days present a month' : '月均在村天数', 'avgDays', 14],
  ]);
  for (const r of f.rows) byOrg.addRow({ ...r, ...r.byKind });
}

async function argsOf(ctx: Ctx, actor: Actor, q: DispatchSummaryQueryT): Promise<SummaryArgs> {
  requireCapability(actor, 'dispatches.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, year: q.year };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function summary(ctx: Ctx, actor: Actor, q: DispatchSummaryQueryT): Promise<DispatchSummaryT> {
  return dispatchesFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The figure as an Excel workbook. */
export async function summaryXlsx(ctx: Ctx, actor: Actor, q: DispatchSummaryQueryT, locale: Locale): Promise<Buffer> {
  return dispatchesFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
