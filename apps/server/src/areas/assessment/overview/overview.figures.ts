/**
 * 考核激励总览 (`assessment.overview`): a year's assessment work of a subtree — star ratings per level and the share at
 * ≥ 3 stars against the multi-year target, points, pledges, secretaries' annual reports, selections and cadres in
 * retraining — for the subtree and for each organization right below it. Every number is read from its module's
 * own figure (through `overview.sources.ts`), so the overview never counts differently from the module's page.
 */
import {
  chinaToday,
  type AssessmentCountsT,
  AssessmentOverviewQuery,
  type AssessmentOverviewQueryT,
  type AssessmentOverviewT,
} from '@dangjian/contracts';
import type ExcelJS from 'exceljs';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { childOrgs } from '../../supervision/overview/overview.repository.js';
import { subtreeOf } from './overview.sources.js';

type Root = { id: number; tenant_id: number; org_path: string; name: string };
/** The figure's arguments: the root and the year. */
export type OverviewArgs = { root: Root; year: number };

/** 考核激励总览 of a subtree and year. */
export const assessmentOverviewFigure = defineFigure({
  key: 'assessment.overview',
  name: { zh: '考核激励总览', en: 'Assessment overview' },
  params: AssessmentOverviewQuery,
  route: 'GET /api/assessment/overview',
  depends: ['ratings', 'points', 'pledges', 'reports', 'selections', 'retraining', 'roster'],
  compute: (ctx: Ctx, args: OverviewArgs) => computeOverview(ctx, args),
  excel: { route: 'GET /api/assessment/overview/export', fill: fillOverview },
});

async function computeOverview(ctx: Ctx, { root, year }: OverviewArgs): Promise<AssessmentOverviewT> {
  const tenantId = root.tenant_id;
  const whole = await subtreeOf(ctx, tenantId, { orgId: root.id, year }, true);
  const children = await childOrgs(ctx.db, tenantId, root.id);
  const rows: AssessmentOverviewT['rows'] = [];
  // One child at a time: each reads its modules' cached figures, and the machine serves others meanwhile.
  for (const c of children) {
    const part = await subtreeOf(ctx, tenantId, { orgId: c.id, year });
    rows.push({ orgId: c.id, orgName: c.name, orgType: c.type, ...part.counts });
  }
  return {
    orgId: root.id,
    orgName: root.name,
    year,
    total: whole.counts,
    starsByLevel: whole.starsByLevel,
    target: whole.target,
    rows,
  };
}

/** The columns of the figures, in the page's order (zh, en, key). */
export const COUNT_COLUMNS: readonly [string, string, keyof AssessmentCountsT][] = [
  ['已评星级', 'Rated', 'rated'],
  ['三星及以上', '≥ 3 stars', 'atLeast3'],
  ['三星及以上占比', 'Share ≥ 3 stars', 'atLeast3Share'],
  ['表彰（四星及以上）', 'Commended', 'commended'],
  ['提醒整改（二星及以下）', 'Reminded', 'reminded'],
  ['有积分党员', 'Members with points', 'pointsMembers'],
  ['积分合计', 'Points', 'pointsTotal'],
  ['人均积分', 'Average points', 'pointsAverage'],
  ['承诺', 'Pledges', 'pledgesMade'],
  ['践诺', 'Fulfilled', 'pledgesFulfilled'],
  ['评诺', 'Evaluated', 'pledgesEvaluated'],
  ['解决问题', 'Problems solved', 'problemsSolved'],
  ['应述职', 'Reports due', 'reportsDue'],
  ['已评议', 'Reports graded', 'reportsGraded'],
  ['评选', 'Selections', 'selections'],
  ['表彰人选', 'Winners', 'winners'],
  ['停职整训', 'Cadres suspended', 'cadresSuspended'],
  ['整训中', 'In retraining', 'cadresInRetraining'],
  ['恢复履职', 'Reinstated', 'cadresReinstated'],
  ['调整罢免', 'Removed', 'cadresRemoved'],
];

function fillOverview(wb: ExcelJS.Workbook, f: AssessmentOverviewT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Assessment overview' : '考核激励总览', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    ...COUNT_COLUMNS.map(([zh, e, key]) => [en ? e : zh, key, 12] as [string, string, number]),
  ]);
  for (const r of f.rows) ws.addRow(r);
  ws.addRow({ ...f.total, orgName: `${f.orgName}（${en ? 'total' : '合计'} ${f.year}）` });
  const stars = addSheet(wb, en ? 'Stars' : '星级分布', [
    [en ? 'Stars' : '星级', 'stars', 10],
    [en ? 'Organizations' : '组织数', 'count', 12],
  ]);
  for (const s of f.starsByLevel) stars.addRow(s);
}

async function argsOf(ctx: Ctx, actor: Actor, q: AssessmentOverviewQueryT): Promise<OverviewArgs> {
  requireCapability(actor, 'assessmentOverview.read');
  const year = q.year ?? Number(chinaToday(ctx.clock()).slice(0, 4));
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { root: { id: o.id, tenant_id: o.tenant_id, org_path: o.org_path, name: o.name }, year };
}

/** The overview of a subtree of the caller's scope (its own organization by default). */
export async function overview(ctx: Ctx, actor: Actor, q: AssessmentOverviewQueryT): Promise<AssessmentOverviewT> {
  const args = await argsOf(ctx, actor, q);
  return assessmentOverviewFigure.get(ctx, args.root.tenant_id, args);
}

/** The overview as an Excel workbook. */
export async function overviewXlsx(
  ctx: Ctx,
  actor: Actor,
  q: AssessmentOverviewQueryT,
  locale: Locale,
): Promise<Buffer> {
  const args = await argsOf(ctx, actor, q);
  return assessmentOverviewFigure.xlsx(ctx, args.root.tenant_id, args, locale);
}
