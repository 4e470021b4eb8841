/**
 * 淬火整训情况 (`retraining.summary`): for a subtree and a year, the cadres suspended in it, those still in
 * retraining at its end (or today), those reinstated and removed in it, the class hours attended, the suspended by
 * reason; and the same counts for each organization right below the root (a county's townships). Seed 002: 26.
 */
import {
  RETRAINING_OPEN_STATUSES,
  SUSPENSION_REASONS,
  RetrainingSummaryQuery,
  type RetrainingSummaryQueryT,
  type RetrainingSummaryT,
  type SuspensionReason,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { jsonArray } from './retraining.present.js';
import * as repo from './retraining.repository.js';

/** The figure's arguments: the root organization and the year. */
export interface SummaryArgs {
  orgId: number;
  year: number;
}

type FileRow = Awaited<ReturnType<typeof repo.summaryFiles>>[number];
type Counts = { suspended: number; inRetraining: number; reinstated: number; removed: number };

const inside = (path: string, [lo, hi]: [string, string]) => path >= lo && path < hi;

/** The four counts of the files of one subtree over a period. */
export function countFiles(rows: FileRow[], range: [string, string], from: string, to: string): Counts {
  const c: Counts = { suspended: 0, inRetraining: 0, reinstated: 0, removed: 0 };
  for (const r of rows) {
    if (!inside(r.org_path, range)) continue;
    if (r.suspended_on >= from && r.suspended_on <= to) c.suspended++;
    const decidedIn = r.decided_on != null && r.decided_on >= from && r.decided_on <= to;
    if (decidedIn && r.status === 'reinstated') c.reinstated++;
    if (decidedIn && r.status === 'removed') c.removed++;
    // Open at the end of the period: suspended by then and not decided by then.
    const open = (RETRAINING_OPEN_STATUSES as readonly string[]).includes(r.status) || (r.decided_on ?? '') > to;
    if (r.suspended_on <= to && open) c.inRetraining++;
  }
  return c;
}

/** 淬火整训情况 of a subtree and year. */
export const retrainingFigure = defineFigure({
  key: 'retraining.summary',
  name: { zh: '淬火整训情况', en: 'Retraining of cadres: suspended, in retraining, reinstated, removed' },
  params: RetrainingSummaryQuery,
  route: 'GET /api/stats/retraining',
  depends: ['retraining', 'roster'],
  compute: async (ctx: Ctx, { orgId, year }: SummaryArgs, tenantId: number): Promise<RetrainingSummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const range = subtreeRange(root.org_path);
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const [rows, hours, children] = await Promise.all([
      repo.summaryFiles(ctx.db, tenantId, range, from, to),
      repo.hoursAttended(ctx.db, tenantId, range, from, to),
      repo.childOrgs(ctx.db, tenantId, root.id),
    ]);
    const reasons = new Map<SuspensionReason, number>();
    for (const r of rows)
      if (r.suspended_on >= from && r.suspended_on <= to)
        for (const k of jsonArray<SuspensionReason>(r.reasons)) reasons.set(k, (reasons.get(k) ?? 0) + 1);
    return {
      orgId: root.id,
      orgName: root.name,
      year,
      ...countFiles(rows, range, from, to),
      hours: hours / 10,
      byReason: (Object.keys(SUSPENSION_REASONS) as SuspensionReason[]).map((reason) => ({
        reason,
        count: reasons.get(reason) ?? 0,
      })),
      rows: children.map((o) => ({
        orgId: o.id,
        orgName: o.name,
        ...countFiles(rows, subtreeRange(o.org_path), from, to),
      })),
    };
  },
  excel: { route: 'GET /api/stats/retraining/export', fill: fillSummary },
});

function fillSummary(wb: import('exceljs').Workbook, f: RetrainingSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Retraining' : '淬火整训情况', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Suspended' : '停职整训', 'suspended', 10],
    [en ? 'In retraining' : '整训中（年末）', 'inRetraining', 14],
    [en ? 'Reinstated' : '复职', 'reinstated', 10],
    [en ? 'Removed' : '组织调整', 'removed', 10],
  ]);
  for (const r of f.rows) ws.addRow(r);
  ws.addRow({
    orgName: `${f.orgName}（${en ? 'total' : '合计'} ${f.year}）`,
    suspended: f.suspended,
    inRetraining: f.inRetraining,
    reinstated: f.reinstated,
    removed: f.removed,
  });
  const rs = addSheet(wb, en ? 'By reason' : '按原因', [
    [en ? 'Reason' : '停职原因', 'reason', 30],
    [en ? 'Cadres' : '人数', 'count', 10],
  ]);
  for (const r of f.byReason)
    rs.addRow({ reason: en ? SUSPENSION_REASONS[r.reason].en : SUSPENSION_REASONS[r.reason].zh, count: r.count });
  rs.addRow({ reason: en ? 'Class hours attended' : '参加整训课时', count: f.hours });
}

async function argsOf(ctx: Ctx, actor: Actor, q: RetrainingSummaryQueryT): Promise<SummaryArgs> {
  requireCapability(actor, 'retraining.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, year: q.year };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function summary(ctx: Ctx, actor: Actor, q: RetrainingSummaryQueryT): Promise<RetrainingSummaryT> {
  return retrainingFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The figure as an Excel workbook. */
export async function summaryXlsx(ctx: Ctx, actor: Actor, q: RetrainingSummaryQueryT, locale: Locale): Promise<Buffer> {
  return retrainingFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
