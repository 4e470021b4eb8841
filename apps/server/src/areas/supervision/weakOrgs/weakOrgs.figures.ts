/**
 * 软弱涣散整顿情况 (`weakOrgs.summary`): for a subtree and a period, the files flagged in it, those still in
 * rectification at its end, those released in it and the acceptances that failed in it; the flagged by reason;
 * and the same three counts for each organization right below the root (a county's townships). Over three years
 * it answers "how many were rectified" (seed 003: 138). Bulletins read it through `weakOrgsFigure.get`.
 */
import {
  WEAK_ORG_REASONS,
  type WeakOrgReason,
  WeakOrgsSummaryQuery,
  type WeakOrgsSummaryQueryT,
  type WeakOrgsSummaryT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { jsonArray } from './weakOrgs.present.js';
import * as repo from './weakOrgs.repository.js';

/** The figure's arguments: the root organization and the period (inclusive days). */
export interface SummaryArgs {
  orgId: number;
  from: string;
  to: string;
}

type FileRow = Awaited<ReturnType<typeof repo.summaryFiles>>[number];
type Counts = { flagged: number; inRectification: number; released: number };

const inside = (path: string, [lo, hi]: [string, string]) => path >= lo && path < hi;

/** The three counts of the files of one subtree over a period. */
export function countFiles(rows: FileRow[], range: [string, string], from: string, to: string): Counts {
  const c: Counts = { flagged: 0, inRectification: 0, released: 0 };
  for (const r of rows) {
    if (!inside(r.org_path, range)) continue;
    if (r.flagged_on >= from && r.flagged_on <= to) c.flagged++;
    if (r.released_on != null && r.released_on >= from && r.released_on <= to) c.released++;
    // Open at the end of the period: flagged by then and not released by then.
    if (r.flagged_on <= to && (r.released_on == null || r.released_on > to)) c.inRectification++;
  }
  return c;
}

/** 软弱涣散整顿情况 of a subtree and period. */
export const weakOrgsFigure = defineFigure({
  key: 'weakOrgs.summary',
  name: { zh: '软弱涣散党组织整顿情况', en: 'Weak organizations: flagged, in rectification, released' },
  params: WeakOrgsSummaryQuery,
  route: 'GET /api/stats/weak-orgs',
  depends: ['weakOrgs', 'roster'],
  compute: async (ctx: Ctx, { orgId, from, to }: SummaryArgs, tenantId: number): Promise<WeakOrgsSummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const range = subtreeRange(root.org_path);
    const [rows, failed, children] = await Promise.all([
      repo.summaryFiles(ctx.db, tenantId, range, from, to),
      repo.failedAcceptances(ctx.db, tenantId, range, from, to),
      repo.childOrgs(ctx.db, tenantId, root.id),
    ]);
    const reasons = new Map<WeakOrgReason, number>();
    for (const r of rows)
      if (r.flagged_on >= from && r.flagged_on <= to)
        for (const k of jsonArray<WeakOrgReason>(r.reasons)) reasons.set(k, (reasons.get(k) ?? 0) + 1);
    return {
      orgId: root.id,
      orgName: root.name,
      from,
      to,
      ...countFiles(rows, range, from, to),
      failedAcceptances: failed,
      byReason: (Object.keys(WEAK_ORG_REASONS) as WeakOrgReason[]).map((reason) => ({
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
  excel: { route: 'GET /api/stats/weak-orgs/export', fill: fillSummary },
});

function fillSummary(wb: import('exceljs').Workbook, f: WeakOrgsSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Weak organizations' : '软弱涣散整顿情况', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Flagged' : '新确定', 'flagged', 10],
    [en ? 'In rectification' : '整顿中（期末）', 'inRectification', 14],
    [en ? 'Released' : '销号', 'released', 10],
  ]);
  for (const r of f.rows) ws.addRow(r);
  ws.addRow({
    orgName: `${f.orgName}（${en ? 'total' : '合计'} ${f.from} ~ ${f.to}）`,
    flagged: f.flagged,
    inRectification: f.inRectification,
    released: f.released,
  });
  const rs = addSheet(wb, en ? 'By reason' : '按原因', [
    [en ? 'Reason' : '原因', 'reason', 30],
    [en ? 'Flagged' : '确定数', 'count', 10],
  ]);
  for (const r of f.byReason)
    rs.addRow({ reason: en ? WEAK_ORG_REASONS[r.reason].en : WEAK_ORG_REASONS[r.reason].zh, count: r.count });
  rs.addRow({ reason: en ? 'Failed acceptances' : '验收未通过次数', count: f.failedAcceptances });
}

async function argsOf(ctx: Ctx, actor: Actor, q: WeakOrgsSummaryQueryT): Promise<SummaryArgs> {
  requireCapability(actor, 'weakOrgs.read');
  if (q.from > q.to) throw new DomainError('validation', { fields: [{ field: 'to', code: 'validation' }] });
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, from: q.from, to: q.to };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function summary(ctx: Ctx, actor: Actor, q: WeakOrgsSummaryQueryT): Promise<WeakOrgsSummaryT> {
  return weakOrgsFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The figure as an Excel workbook. */
export async function summaryXlsx(ctx: Ctx, actor: Actor, q: WeakOrgsSummaryQueryT, locale: Locale): Promise<Buffer> {
  return weakOrgsFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
