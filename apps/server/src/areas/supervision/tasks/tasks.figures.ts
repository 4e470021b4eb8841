/**
 * 任务督办情况 (`tasks.summary`): for a subtree and a period, the tasks it issued falling due in the period, and its
 * targets due in the period (of tasks issued from anywhere above or inside it) — completed, overdue, the rate —
 * for the subtree and each organization right below it, with who is behind. Read by the bulletins module as
 * `tasksFigure.get(ctx, tenantId, { orgId, from, to })`; overdue is counted on `day` (today unless given).
 */
import { chinaToday, type TasksSummaryQueryT, TasksSummaryQuery, type TasksSummaryT } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { defineFigure, type Figure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as jobsRepo from './tasks.jobs.repository.js';
import * as repo from './tasks.repository.js';

/** The figure's arguments: an organization and a period; `day` (overdue counted on it) defaults to today. */
export interface TasksFigureArgs {
  orgId: number;
  from: string;
  to: string;
  day?: string;
}

type Row = { org_path: string; status: string; due_on: string };
const rate = (done: number, of: number) => (of ? Math.round((done / of) * 1000) / 10 : 0);
const OPEN = new Set(['pending', 'returned']);

/** Targets, completed, overdue on `day` and the rate of some targets. */
export function summarize(rows: Row[], day: string) {
  let completed = 0;
  let overdue = 0;
  for (const r of rows) {
    if (r.status === 'done') completed++;
    else if (OPEN.has(r.status) && r.due_on < day) overdue++;
  }
  return { targets: rows.length, completed, overdue, rate: rate(completed, rows.length) };
}

const figure = defineFigure({
  key: 'tasks.summary',
  name: { zh: '任务督办情况', en: 'Tasks issued and completed' },
  params: TasksSummaryQuery,
  route: 'GET /api/stats/tasks',
  depends: ['tasks', 'roster'],
  compute: async (ctx: Ctx, a: TasksFigureArgs & { day: string }, tenantId: number): Promise<TasksSummaryT> => {
    const [root] = await repo.orgsByIds(ctx.db, tenantId, [a.orgId]);
    if (!root) throw new Error(`tasks.summary: no organization ${a.orgId}`);
    const range = subtreeRange(root.org_path);
    const rows = await jobsRepo.targetsDueIn(ctx.db, tenantId, range, a.from, a.to);
    const children = await repo.childOrgs(ctx.db, tenantId, root.id);
    const late = new Map<string, number>();
    for (const r of rows)
      if (OPEN.has(r.status) && r.due_on < a.day) late.set(r.org_path, (late.get(r.org_path) ?? 0) + 1);
    const named = await jobsRepo.orgsByPaths(ctx.db, tenantId, [...late.keys()]);
    return {
      orgId: root.id,
      orgName: root.name,
      from: a.from,
      to: a.to,
      day: a.day,
      issued: await jobsRepo.issuedIn(ctx.db, tenantId, range, a.from, a.to),
      ...summarize(rows, a.day),
      rows: children
        .map((c) => ({
          orgId: c.id,
          orgName: c.name,
          ...summarize(
            rows.filter((r) => r.org_path.startsWith(c.org_path)),
            a.day,
          ),
        }))
        .filter((c) => c.targets > 0),
      behind: named
        .map((o) => ({ orgId: o.id, orgName: o.name, overdue: late.get(o.org_path) ?? 0 }))
        .sort((x, y) => y.overdue - x.overdue || x.orgName.localeCompare(y.orgName, 'zh'))
        .slice(0, 50),
    };
  },
  excel: { route: 'GET /api/stats/tasks/export', fill: fillSummary },
});

/** The figure `tasks.summary`: `day` filled with today (China) when left out, so the cache follows the day. */
export const tasksFigure: Figure<TasksFigureArgs, TasksSummaryT> = {
  def: figure.def as Figure<TasksFigureArgs, TasksSummaryT>['def'],
  get: (ctx, tenantId, args) => figure.get(ctx, tenantId, { ...args, day: args.day ?? chinaToday(ctx.clock()) }),
  xlsx: (ctx, tenantId, args, locale) =>
    figure.xlsx(ctx, tenantId, { ...args, day: args.day ?? chinaToday(ctx.clock()) }, locale),
};

function fillSummary(wb: import('exceljs').Workbook, f: TasksSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Tasks' : '任务督办情况', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Targets' : '任务数', 'targets', 10],
    [en ? 'Completed' : '已完成', 'completed', 10],
    [en ? 'Overdue' : '逾期未完成', 'overdue', 12],
    [en ? 'Rate (%)' : '完成率（%）', 'rate', 12],
  ]);
  for (const r of f.rows) ws.addRow(r);
  ws.addRow({ ...f, orgName: `${f.orgName}（${en ? 'total' : '合计'} ${f.from} ~ ${f.to}）` });
  const behind = addSheet(wb, en ? 'Behind' : '进度滞后', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Overdue' : '逾期任务数', 'overdue', 12],
  ]);
  for (const b of f.behind) behind.addRow(b);
}

async function argsOf(ctx: Ctx, actor: Actor, q: TasksSummaryQueryT): Promise<TasksFigureArgs & { tenantId: number }> {
  requireCapability(actor, 'tasks.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { tenantId: o.tenant_id, orgId: o.id, from: q.from, to: q.to };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function summary(ctx: Ctx, actor: Actor, q: TasksSummaryQueryT): Promise<TasksSummaryT> {
  const { tenantId, ...args } = await argsOf(ctx, actor, q);
  return tasksFigure.get(ctx, tenantId, args);
}

/** The figure as an Excel workbook. */
export async function summaryXlsx(ctx: Ctx, actor: Actor, q: TasksSummaryQueryT, locale: Locale): Promise<Buffer> {
  const { tenantId, ...args } = await argsOf(ctx, actor, q);
  return tasksFigure.xlsx(ctx, tenantId, args, locale);
}
