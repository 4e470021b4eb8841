/**
 * 督查总览 (`supervision.overview`): seed 000's list for a subtree and period — problems collected and rectified,
 * notices, inspections, bulletins, units and persons criticised, persons punished, tasks, weak organizations — for
 * the subtree and for each organization right below it. Every number is read from its module's own figure (through
 * `overview.sources.ts`), so the overview never counts differently from the module's page.
 */
import {
  chinaToday,
  type OverviewCountsT,
  type OverviewQueryT,
  OverviewQuery,
  type OverviewT,
} from '@dangjian/contracts';
import type ExcelJS from 'exceljs';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './overview.repository.js';
import { subtreeOf } from './overview.sources.js';

type Root = { id: number; tenant_id: number; org_path: string; name: string };
/** The figure's arguments: the root, the period, and the day (overdue counts are as of today). */
export type OverviewArgs = { root: Root; from: string; to: string; today: string };

/** 督查总览 of a subtree and period. */
export const overviewFigure = defineFigure({
  key: 'supervision.overview',
  name: { zh: '督查整改总览', en: 'Supervision overview' },
  params: OverviewQuery,
  route: 'GET /api/supervision/overview',
  depends: ['tasks', 'inspections', 'problems', 'weakOrgs', 'accountability', 'bulletins', 'roster'],
  compute: (ctx: Ctx, args: OverviewArgs) => computeOverview(ctx, args),
  excel: { route: 'GET /api/supervision/overview/export', fill: fillOverview },
});

async function computeOverview(ctx: Ctx, { root, from, to }: OverviewArgs): Promise<OverviewT> {
  const tenantId = root.tenant_id;
  const whole = await subtreeOf(ctx, tenantId, { orgId: root.id, from, to });
  const children = await repo.childOrgs(ctx.db, tenantId, root.id);
  const rows: OverviewT['rows'] = [];
  // One child at a time: each reads six cached figures, and the machine serves others meanwhile.
  for (const c of children) {
    const part = await subtreeOf(ctx, tenantId, { orgId: c.id, from, to });
    rows.push({ orgId: c.id, orgName: c.name, orgType: c.type, ...part.counts });
  }
  return {
    orgId: root.id,
    orgName: root.name,
    from,
    to,
    total: whole.counts,
    problemsByCategory: whole.problemsByCategory,
    inspectionsByKind: whole.inspectionsByKind,
    accountabilityByKind: whole.accountabilityByKind,
    rows,
  };
}

/** The columns of the counts, in the page's order (zh, en, key). */
export const COUNT_COLUMNS: readonly [string, string, keyof OverviewCountsT][] = [
  ['收集问题', 'Problems', 'problems'],
  ['整改销号', 'Rectified', 'rectified'],
  ['逾期未整改', 'Overdue', 'overdueProblems'],
  ['下发交办单', 'Notices', 'notices'],
  ['督查检查', 'Inspections', 'inspections'],
  ['通报简报', 'Bulletins', 'bulletins'],
  ['通报批评单位', 'Units criticised', 'unitsCriticised'],
  ['通报批评个人', 'Persons criticised', 'personsCriticised'],
  ['处分', 'Punished', 'punished'],
  ['问责合计', 'Accountability', 'accountability'],
  ['下发任务', 'Tasks issued', 'tasksIssued'],
  ['任务完成（单位次）', 'Targets done', 'tasksCompleted'],
  ['任务逾期（单位次）', 'Targets overdue', 'tasksOverdue'],
  ['软弱涣散排查', 'Weak flagged', 'weakFlagged'],
  ['软弱涣散销号', 'Weak released', 'weakReleased'],
];

function fillOverview(wb: ExcelJS.Workbook, f: OverviewT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Supervision overview' : '督查整改总览', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    ...COUNT_COLUMNS.map(([zh, e, key]) => [en ? e : zh, key, 12] as [string, string, number]),
  ]);
  for (const r of f.rows) ws.addRow(r);
  ws.addRow({ ...f.total, orgName: `${f.orgName}（${en ? 'total' : '合计'} ${f.from} ~ ${f.to}）` });
  const kinds = addSheet(wb, en ? 'By category and kind' : '分类统计', [
    [en ? 'Of' : '项目', 'of', 16],
    [en ? 'Category or kind' : '类别', 'name', 30],
    [en ? 'Count' : '数量', 'count', 10],
  ]);
  const add = (of: string, list: OverviewT['problemsByCategory']) => {
    for (const k of list) kinds.addRow({ of, name: en ? k.label.en : k.label.zh, count: k.count });
  };
  add(en ? 'Problems' : '问题类别', f.problemsByCategory);
  add(en ? 'Inspections' : '督查方式', f.inspectionsByKind);
  add(en ? 'Accountability' : '问责方式', f.accountabilityByKind);
}

async function argsOf(ctx: Ctx, actor: Actor, q: OverviewQueryT): Promise<OverviewArgs> {
  requireCapability(actor, 'overview.read');
  const today = chinaToday(ctx.clock());
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? today;
  if (to < from) throw new DomainError('overview.period_reversed', { field: 'to' });
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { root: { id: o.id, tenant_id: o.tenant_id, org_path: o.org_path, name: o.name }, from, to, today };
}

/** The overview of a subtree of the caller's scope (its own organization by default). */
export async function overview(ctx: Ctx, actor: Actor, q: OverviewQueryT): Promise<OverviewT> {
  const args = await argsOf(ctx, actor, q);
  return overviewFigure.get(ctx, args.root.tenant_id, args);
}

/** The overview as an Excel workbook. */
export async function overviewXlsx(ctx: Ctx, actor: Actor, q: OverviewQueryT, locale: Locale): Promise<Buffer> {
  const args = await argsOf(ctx, actor, q);
  return overviewFigure.xlsx(ctx, args.root.tenant_id, args, locale);
}
