/**
 * 党支部+产业项目 (`economy.projects`): for a subtree and a year, the projects running (started by then, not stopped
 * before it), their cooperatives, the funds given that year by source and leveraged, the leverage ratio, the
 * households linked (脱贫户、监测户) and their added income, the collective's income; the funds up to the year; the
 * projects by model, industry and status; the same counts for each organization right below the root.
 * Seeds 002 (108 projects, 62 cooperatives) and 004 (红色基金 1,500万, 301 projects, 1.12亿 leveraged).
 */
import {
  PROJECT_FUND_SOURCES,
  PROJECT_INDUSTRIES,
  PROJECT_MODELS,
  PROJECT_STATUSES,
  ProjectFiguresQuery,
  type ProjectFiguresQueryT,
  type ProjectFiguresT,
  type ProjectFundT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { jsonArray } from './projects.present.js';
import * as repo from './projects.repository.js';

/** The figure's arguments: the root organization and the year. */
export interface FigureArgs {
  orgId: number;
  year: number;
}

type ProjectRow = Awaited<ReturnType<typeof repo.figureProjects>>[number];
type YearRow = Awaited<ReturnType<typeof repo.figureYears>>[number];
type RowCounts = ProjectFiguresT['rows'][number];

const inside = (path: string, [lo, hi]: [string, string]) => path >= lo && path < hi;
/** A project running in the year: not stopped before it (it started by then: the query's own condition). */
const running = (p: ProjectRow, year: number) => p.stopped_year == null || p.stopped_year >= year;
const num = (v: number | string | null) => Number(v ?? 0);

/** The counts of one subtree: projects running and their cooperatives, the year's money and households. */
export function countOf(
  projects: ProjectRow[],
  years: YearRow[],
  range: [string, string],
  year: number,
): Omit<RowCounts, 'orgId' | 'orgName'> {
  const mine = projects.filter((p) => inside(p.org_path, range) && running(p, year));
  const ofYear = years.filter((y) => y.year === year && inside(y.org_path, range));
  return {
    projects: mine.length,
    cooperatives: mine.reduce((s, p) => s + jsonArray(p.cooperatives).length, 0),
    givenFen: ofYear.reduce((s, y) => s + num(y.given_fen), 0),
    leveragedFen: ofYear.reduce((s, y) => s + num(y.leveraged_fen), 0),
    households: ofYear.reduce((s, y) => s + num(y.households), 0),
    householdIncomeFen: ofYear.reduce((s, y) => s + num(y.household_income_fen), 0),
  };
}

/** The projects of a group of codes: how many running projects carry each code. */
function tally<K extends string>(keys: readonly K[], codesOf: (p: ProjectRow) => string[], rows: ProjectRow[]) {
  const n = new Map<string, number>();
  for (const p of rows) for (const k of new Set(codesOf(p))) n.set(k, (n.get(k) ?? 0) + 1);
  return keys.map((k) => [k, n.get(k) ?? 0] as const);
}

/** 党支部+产业项目 of a subtree and year. */
export const projectsFigure = defineFigure({
  key: 'economy.projects',
  name: { zh: '党支部+产业项目', en: 'Industry projects ("Party branch +"): funds, leverage, households' },
  params: ProjectFiguresQuery,
  route: 'GET /api/economy/projects/figures',
  depends: ['projects', 'roster'],
  compute: async (ctx: Ctx, { orgId, year }: FigureArgs, tenantId: number): Promise<ProjectFiguresT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const range = subtreeRange(root.org_path);
    const [projects, years, children] = await Promise.all([
      repo.figureProjects(ctx.db, tenantId, range, year),
      repo.figureYears(ctx.db, tenantId, range, year),
      repo.childOrgs(ctx.db, tenantId, root.id),
    ]);
    const counts = countOf(projects, years, range, year);
    const live = projects.filter((p) => running(p, year));
    const ofYear = years.filter((y) => y.year === year);
    const bySource = new Map<string, number>();
    let redFund = 0;
    for (const y of years)
      for (const f of jsonArray<ProjectFundT>(y.funds)) {
        if (y.year === year) bySource.set(f.source, (bySource.get(f.source) ?? 0) + f.amountFen);
        if (f.source === 'red_fund') redFund += f.amountFen;
      }
    const sum = (rows: YearRow[], k: keyof YearRow) => rows.reduce((s, y) => s + num(y[k] as number), 0);
    return {
      orgId: root.id,
      orgName: root.name,
      year,
      ...counts,
      cooperativeMembers: live.reduce(
        (s, p) => s + jsonArray<{ members: number }>(p.cooperatives).reduce((t, c) => t + (c.members ?? 0), 0),
        0,
      ),
      bySource: (Object.keys(PROJECT_FUND_SOURCES) as (keyof typeof PROJECT_FUND_SOURCES)[]).map((source) => ({
        source,
        fen: bySource.get(source) ?? 0,
      })),
      leverageRatio: counts.givenFen ? Math.round((counts.leveragedFen / counts.givenFen) * 100) / 100 : null,
      householdsPoor: sum(ofYear, 'households_poor'),
      householdsMonitored: sum(ofYear, 'households_monitored'),
      collectiveIncomeFen: sum(ofYear, 'collective_income_fen'),
      cumulative: { givenFen: sum(years, 'given_fen'), redFundFen: redFund, leveragedFen: sum(years, 'leveraged_fen') },
      byModel: tally(
        Object.keys(PROJECT_MODELS) as (keyof typeof PROJECT_MODELS)[],
        (p) => jsonArray(p.models),
        live,
      ).map(([model, n]) => ({ model, projects: n })),
      byIndustry: tally(
        Object.keys(PROJECT_INDUSTRIES) as (keyof typeof PROJECT_INDUSTRIES)[],
        (p) => [p.industry],
        live,
      ).map(([industry, n]) => ({ industry, projects: n })),
      byStatus: tally(Object.keys(PROJECT_STATUSES) as (keyof typeof PROJECT_STATUSES)[], (p) => [p.status], live).map(
        ([status, n]) => ({ status, projects: n }),
      ),
      rows: children.map((o) => ({
        orgId: o.id,
        orgName: o.name,
        ...countOf(projects, years, subtreeRange(o.org_path), year),
      })),
    };
  },
  excel: { route: 'GET /api/economy/projects/figures/export', fill: fillFigures },
});

const wan = (fen: number) => Math.round(fen / 100) / 10_000;

function fillFigures(wb: import('exceljs').Workbook, f: ProjectFiguresT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Projects' : '党支部+产业项目', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Projects' : '项目数', 'projects', 10],
    [en ? 'Cooperatives' : '合作社', 'cooperatives', 10],
    [en ? 'Funds given (10k yuan)' : '投入资金（万元）', 'given', 16],
    [en ? 'Leveraged (10k yuan)' : '撬动社会资金（万元）', 'leveraged', 18],
    [en ? 'Households linked' : '联结农户', 'households', 12],
    [en ? 'Added income (10k yuan)' : '农户增收（万元）', 'income', 16],
  ]);
  const line = (name: string, r: Omit<RowCounts, 'orgId' | 'orgName'>) =>
    ws.addRow({
      orgName: name,
      projects: r.projects,
      cooperatives: r.cooperatives,
      given: wan(r.givenFen),
      leveraged: wan(r.leveragedFen),
      households: r.households,
      income: wan(r.householdIncomeFen),
    });
  for (const r of f.rows) line(r.orgName, r);
  line(`${f.orgName}（${en ? 'total' : '合计'} ${f.year}）`, f);
  const rs = addSheet(wb, en ? 'By source' : '按资金来源', [
    [en ? 'Source' : '资金来源', 'source', 24],
    [en ? 'Funds (10k yuan)' : '金额（万元）', 'amount', 14],
  ]);
  for (const r of f.bySource)
    rs.addRow({
      source: en ? PROJECT_FUND_SOURCES[r.source].en : PROJECT_FUND_SOURCES[r.source].zh,
      amount: wan(r.fen),
    });
  rs.addRow({ source: en ? 'Leverage ratio' : '撬动比', amount: f.leverageRatio ?? '' });
}

async function argsOf(ctx: Ctx, actor: Actor, q: ProjectFiguresQueryT): Promise<FigureArgs> {
  requireCapability(actor, 'projects.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, year: q.year };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function figures(ctx: Ctx, actor: Actor, q: ProjectFiguresQueryT): Promise<ProjectFiguresT> {
  return projectsFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The figure as an Excel workbook. */
export async function figuresXlsx(ctx: Ctx, actor: Actor, q: ProjectFiguresQueryT, locale: Locale): Promise<Buffer> {
  return projectsFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
