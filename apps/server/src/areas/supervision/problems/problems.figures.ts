/**
 * 问题整改情况 (`problems.summary`): for a subtree and a period, the problems found in it, closed (销号) in it,
 * overdue at its end (or today, if sooner), reopened by a follow-up in it, the average days from found to closed,
 * by category, by state and per organization right below — with its Excel export. The bulletins read it through
 * `problemsFigure.get(ctx, tenantId, { orgId, from, to })`.
 */
import {
  chinaToday,
  daysBetween,
  PROBLEM_OPEN_STATUSES,
  PROBLEM_STATUSES,
  type ProblemStatus,
  ProblemsSummaryQuery,
  type ProblemsSummaryQueryT,
  type ProblemsSummaryT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { categoriesOf } from './problems.categories.js';
import * as repo from './problems.repository.js';
import * as reports from './problems.reports.repository.js';

/** The figure's arguments: the subtree's organization, the period, and the day overdue is counted at (optional). */
export interface ProblemsFigureArgs {
  orgId: number;
  from: string;
  to: string;
  day?: string;
}

type Row = Awaited<ReturnType<typeof reports.figureRows>>[number];
type Counts = { found: number; closed: number; overdue: number; reopened: number };

const inside = (path: string, [lo, hi]: [string, string]) => path >= lo && path < hi;
const OPEN = PROBLEM_OPEN_STATUSES as readonly string[];

/** The four counts of some rows for a period, overdue at `day`. */
export function countProblems(rows: readonly Row[], from: string, to: string, day: string): Counts {
  const c: Counts = { found: 0, closed: 0, overdue: 0, reopened: 0 };
  for (const r of rows) {
    if (r.found_on >= from && r.found_on <= to) c.found++;
    if (r.closed_on && r.closed_on >= from && r.closed_on <= to) c.closed++;
    if (OPEN.includes(r.status) && r.due_on && r.due_on < day) c.overdue++;
    if (r.reopened > 0 && r.followed_up_on && r.followed_up_on >= from && r.followed_up_on <= to) c.reopened++;
  }
  return c;
}

/** 问题整改情况 of a subtree and period. */
export const problemsFigure = defineFigure({
  key: 'problems.summary',
  name: { zh: '问题整改情况', en: 'Problems found, closed and overdue' },
  params: ProblemsSummaryQuery,
  route: 'GET /api/stats/problems',
  depends: ['problems'],
  compute: async (ctx: Ctx, args: ProblemsFigureArgs, tenantId: number): Promise<ProblemsSummaryT> => {
    const root = await repo.orgRow(ctx.db, tenantId, args.orgId);
    if (!root) throw new DomainError('not_found');
    const today = chinaToday(ctx.clock());
    const day = args.day ?? (args.to < today ? args.to : today);
    const rows = await reports.figureRows(ctx.db, tenantId, subtreeRange(root.org_path), args.to);
    const total = countProblems(rows, args.from, args.to, day);
    const closedRows = rows.filter((r) => r.closed_on && r.closed_on >= args.from && r.closed_on <= args.to);
    const days = closedRows.reduce((s, r) => s + daysBetween(r.found_on, r.closed_on!), 0);
    const cats = await categoriesOf(ctx.db, tenantId);
    const used = new Set(rows.map((r) => r.category));
    const children = await reports.childOrgs(ctx.db, tenantId, root.id);
    const found = rows.filter((r) => r.found_on >= args.from && r.found_on <= args.to);
    return {
      orgId: root.id,
      orgName: root.name,
      from: args.from,
      to: args.to,
      day,
      ...total,
      avgDaysToClose: closedRows.length ? Math.round((days / closedRows.length) * 10) / 10 : null,
      byCategory: cats
        .filter((c) => c.active || used.has(c.key))
        .map((c) => ({
          category: c.key,
          name: c.zh,
          ...countProblems(
            rows.filter((r) => r.category === c.key),
            args.from,
            args.to,
            day,
          ),
        })),
      byStatus: (Object.keys(PROBLEM_STATUSES) as ProblemStatus[]).map((status) => ({
        status,
        count: found.filter((r) => r.status === status).length,
      })),
      rows: children.map((o) => ({
        orgId: o.id,
        orgName: o.name,
        ...countProblems(
          rows.filter((r) => inside(r.org_path, subtreeRange(o.org_path))),
          args.from,
          args.to,
          day,
        ),
      })),
    };
  },
  excel: { route: 'GET /api/stats/problems/export', fill: fillSummary },
});

function fillSummary(wb: import('exceljs').Workbook, f: ProblemsSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const cols = (first: string, key: string) =>
    [
      [first, key, 30],
      [en ? 'Found' : '发现问题', 'found', 10],
      [en ? 'Closed' : '整改销号', 'closed', 10],
      [en ? 'Overdue' : '逾期未改', 'overdue', 10],
      [en ? 'Reopened' : '回头看反弹', 'reopened', 12],
    ] as const;
  const ws = addSheet(wb, en ? 'By organization' : '按组织', cols(en ? 'Organization' : '党组织', 'orgName'));
  for (const r of f.rows) ws.addRow(r);
  ws.addRow({ ...f, orgName: `${f.orgName}（${en ? 'total' : '合计'} ${f.from} ~ ${f.to}）` });
  const avg = f.avgDaysToClose == null ? '' : String(f.avgDaysToClose);
  ws.addRow({ orgName: `${en ? 'Average days to close' : '平均整改天数'}：${avg}` });
  const wc = addSheet(wb, en ? 'By category' : '按类别', cols(en ? 'Category' : '问题类别', 'name'));
  for (const c of f.byCategory) wc.addRow(c);
  const wsS = addSheet(wb, en ? 'By state' : '按状态', [
    [en ? 'State' : '状态', 'status', 24],
    [en ? 'Problems' : '问题数', 'count', 10],
  ]);
  for (const s of f.byStatus) wsS.addRow({ status: PROBLEM_STATUSES[s.status][en ? 'en' : 'zh'], count: s.count });
}

async function argsOf(ctx: Ctx, actor: Actor, q: ProblemsSummaryQueryT): Promise<ProblemsFigureArgs> {
  requireCapability(actor, 'problems.read');
  if (q.to < q.from) throw new DomainError('validation', { fields: [{ field: 'to', code: 'validation' }] });
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  const today = chinaToday(ctx.clock());
  return { orgId: o.id, from: q.from, to: q.to, day: q.to < today ? q.to : today };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function summary(ctx: Ctx, actor: Actor, q: ProblemsSummaryQueryT): Promise<ProblemsSummaryT> {
  return problemsFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The figure as an Excel workbook. */
export async function summaryXlsx(ctx: Ctx, actor: Actor, q: ProblemsSummaryQueryT, locale: Locale): Promise<Buffer> {
  return problemsFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
