/**
 * 督查检查情况 (`inspections.summary`): for a subtree and a span of days, the inspections that visited it, the
 * organizations visited, the findings and the problems they opened (and how many of those are closed now) — in
 * total, by kind of inspection, and for each organization right below the root; with its Excel export. Counted
 * from the visits dated in the span (an inspection counts where and when it went), cancelled ones left out.
 */
import {
  INSPECTION_KINDS,
  type InspectionKind,
  type InspectionsSummaryQueryT,
  InspectionsSummaryQuery,
  type InspectionsSummaryT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as reports from './inspections.reports.repository.js';

/** The figure's arguments: the root organization and the span (what bulletins pass). */
export interface SummaryArgs {
  orgId: number;
  from: string;
  to: string;
}
type Counts = InspectionsSummaryT['total'];
type VisitFact = { id: number; org_path: string; inspection_id: number; kind: string };
type FindingFact = { visit_id: number; problem_id: number | null; problem_status: string | null };

const inside = (path: string, [lo, hi]: [string, string]) => path >= lo && path < hi;

/** The counts of a set of visits and their findings. */
export function countOf(visits: VisitFact[], findings: Map<number, FindingFact[]>): Counts {
  const orgs = new Set(visits.map((v) => v.org_path));
  const c: Counts = {
    inspections: new Set(visits.map((v) => v.inspection_id)).size,
    orgsVisited: orgs.size,
    visits: visits.length,
    findings: 0,
    problems: 0,
    problemsClosed: 0,
  };
  for (const v of visits)
    for (const f of findings.get(v.id) ?? []) {
      c.findings++;
      if (f.problem_id != null && f.problem_status != null) c.problems++;
      if (f.problem_status === 'closed') c.problemsClosed++;
    }
  return c;
}

/** 督查检查情况 of a subtree and span. */
export const inspectionsFigure = defineFigure({
  key: 'inspections.summary',
  name: { zh: '督查检查情况', en: 'Inspections' },
  params: InspectionsSummaryQuery,
  route: 'GET /api/inspections/summary',
  depends: ['inspections', 'problems', 'roster'],
  compute: async (ctx: Ctx, { orgId, from, to }: SummaryArgs, tenantId: number): Promise<InspectionsSummaryT> => {
    const root = await reports.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const range = subtreeRange(root.org_path);
    const visits = await reports.visitsInSpan(ctx.db, tenantId, range, from, to);
    const findings = new Map<number, FindingFact[]>();
    for (const f of await reports.findingStates(
      ctx.db,
      visits.map((v) => v.id),
    )) {
      const list = findings.get(f.visit_id) ?? [];
      list.push(f);
      findings.set(f.visit_id, list);
    }
    const children = await reports.childOrgs(ctx.db, tenantId, root.id);
    return {
      orgId: root.id,
      orgName: root.name,
      from,
      to,
      issued: await reports.issuedInSpan(ctx.db, tenantId, range, from, to),
      total: countOf(visits, findings),
      byKind: (Object.keys(INSPECTION_KINDS) as InspectionKind[]).map((kind) => ({
        kind,
        ...countOf(
          visits.filter((v) => v.kind === kind),
          findings,
        ),
      })),
      rows: children.map((o) => ({
        orgId: o.id,
        orgName: o.name,
        ...countOf(
          visits.filter((v) => inside(v.org_path, subtreeRange(o.org_path))),
          findings,
        ),
      })),
    };
  },
  excel: { route: 'GET /api/inspections/summary/export', fill: fillSummary },
});

const COLUMNS = (en: boolean): [string, string, number][] => [
  [en ? 'Inspections' : '督查次数', 'inspections', 12],
  [en ? 'Organizations visited' : '检查单位数', 'orgsVisited', 14],
  [en ? 'Visits' : '检查次数', 'visits', 10],
  [en ? 'Findings' : '发现问题', 'findings', 10],
  [en ? 'Problems opened' : '生成整改问题', 'problems', 14],
  [en ? 'Closed' : '已销号', 'problemsClosed', 10],
];

function fillSummary(wb: import('exceljs').Workbook, f: InspectionsSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const byOrg = addSheet(wb, en ? 'By organization' : '按组织', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    ...COLUMNS(en),
  ]);
  for (const r of f.rows) byOrg.addRow(r);
  byOrg.addRow({ orgName: `${f.orgName}（${en ? 'total' : '合计'} ${f.from} ~ ${f.to}）`, ...f.total });
  const byKind = addSheet(wb, en ? 'By kind' : '按类型', [[en ? 'Kind' : '督查类型', 'kind', 16], ...COLUMNS(en)]);
  for (const r of f.byKind) byKind.addRow({ ...r, kind: INSPECTION_KINDS[r.kind][en ? 'en' : 'zh'] });
}

async function argsOf(ctx: Ctx, actor: Actor, q: InspectionsSummaryQueryT): Promise<SummaryArgs> {
  requireCapability(actor, 'inspections.read');
  if (q.to < q.from) throw new DomainError('validation', { fields: [{ field: 'to', code: 'validation' }] });
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, from: q.from, to: q.to };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function summary(ctx: Ctx, actor: Actor, q: InspectionsSummaryQueryT): Promise<InspectionsSummaryT> {
  return inspectionsFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The figure as an Excel workbook. */
export async function summaryXlsx(
  ctx: Ctx,
  actor: Actor,
  q: InspectionsSummaryQueryT,
  locale: Locale,
): Promise<Buffer> {
  return inspectionsFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
