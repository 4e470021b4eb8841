/**
 * 书记述职评议结果 (`reports.summary`): for a subtree and year, the reports due, submitted and graded and the
 * graded ones per final grade; the same for each organization right below the root (a county's townships), which
 * is the results table per township (`GET /api/reports/results`, with its Excel export).
 */
import {
  REPORT_GRADES,
  REPORT_GRADE_KEYS,
  ReportsSummaryQuery,
  type ReportsSummaryQueryT,
  type ReportsSummaryT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './reports.repository.js';

/** The figure's arguments. */
export interface SummaryArgs {
  orgId: number;
  year: number;
}

type Row = Awaited<ReturnType<typeof repo.summaryReports>>[number];
type Counts = Omit<ReportsSummaryT['rows'][number], 'orgId' | 'orgName'>;

/** The counts of the reports of one subtree. */
export function countReports(rows: Row[], [lo, hi]: [string, string]): Counts {
  const c: Counts = { due: 0, submitted: 0, graded: 0, good: 0, fair_good: 0, average: 0, poor: 0 };
  for (const r of rows) {
    if (r.org_path < lo || r.org_path >= hi) continue;
    c.due++;
    if (r.status !== 'draft') c.submitted++;
    if ((r.status === 'graded' || r.status === 'published') && r.final_grade) {
      c.graded++;
      c[r.final_grade as keyof typeof REPORT_GRADES]++;
    }
  }
  return c;
}

/** 书记述职评议结果 of a subtree and year. */
export const reportsFigure = defineFigure({
  key: 'reports.summary',
  name: { zh: '书记述职评议结果', en: "Secretaries' annual reports: due, submitted, graded, per grade" },
  params: ReportsSummaryQuery,
  route: 'GET /api/reports/results',
  depends: ['reports', 'roster'],
  compute: async (ctx: Ctx, { orgId, year }: SummaryArgs, tenantId: number): Promise<ReportsSummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const range = subtreeRange(root.org_path);
    const [rows, children] = await Promise.all([
      repo.summaryReports(ctx.db, tenantId, range, year),
      repo.childOrgs(ctx.db, tenantId, root.id),
    ]);
    return {
      orgId: root.id,
      orgName: root.name,
      year,
      ...countReports(rows, range),
      rows: children.map((o) => ({ orgId: o.id, orgName: o.name, ...countReports(rows, subtreeRange(o.org_path)) })),
    };
  },
  excel: { route: 'GET /api/reports/results/export', fill: fillSummary },
});

function fillSummary(wb: import('exceljs').Workbook, f: ReportsSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Annual reports' : '书记述职评议结果', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Due' : '应述职', 'due', 10],
    [en ? 'Submitted' : '已提交', 'submitted', 10],
    [en ? 'Graded' : '已评定', 'graded', 10],
    ...REPORT_GRADE_KEYS.map((g) => [en ? REPORT_GRADES[g].en : REPORT_GRADES[g].zh, g, 8] as [string, string, number]),
  ]);
  for (const r of f.rows) ws.addRow(r);
  ws.addRow({ ...f, orgName: `${f.orgName}（${en ? 'total' : '合计'} ${f.year}）` });
}

async function argsOf(ctx: Ctx, actor: Actor, q: ReportsSummaryQueryT): Promise<SummaryArgs> {
  requireCapability(actor, 'reports.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, year: q.year };
}

/** The results for a subtree of the caller's scope (its own organization by default). */
export async function summary(ctx: Ctx, actor: Actor, q: ReportsSummaryQueryT): Promise<ReportsSummaryT> {
  return reportsFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The results as an Excel workbook. */
export async function summaryXlsx(ctx: Ctx, actor: Actor, q: ReportsSummaryQueryT, locale: Locale): Promise<Buffer> {
  return reportsFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
