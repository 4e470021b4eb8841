/**
 * 问责情况 (`accountability.summary`): for a subtree and a span of days, the accountability records by kind —
 * how many, against units and against persons (seed 000: 通报批评单位27个21人，处理违规人员3人) — in total and for
 * each organization right below the root; with its Excel export.
 */
import {
  ACCOUNTABILITY_KINDS,
  type AccountabilityKind,
  AccountabilitySummaryQuery,
  type AccountabilitySummaryQueryT,
  type AccountabilitySummaryT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './accountability.repository.js';

/** The figure's arguments: the root organization and the span (what bulletins pass). */
export interface SummaryArgs {
  orgId: number;
  from: string;
  to: string;
}
type Row = { kind: string; target_kind: string; org_path: string };
type Counts = AccountabilitySummaryT['total'];

/** Records, units and persons of some rows. */
export function countOf(rows: Row[]): Counts {
  const units = rows.filter((r) => r.target_kind === 'org').length;
  return { records: rows.length, units, persons: rows.length - units };
}

const KINDS = Object.keys(ACCOUNTABILITY_KINDS) as AccountabilityKind[];

/** 问责情况 of a subtree and span. */
export const accountabilityFigure = defineFigure({
  key: 'accountability.summary',
  name: { zh: '问责情况', en: 'Accountability' },
  params: AccountabilitySummaryQuery,
  route: 'GET /api/accountability/summary',
  depends: ['accountability', 'roster'],
  compute: async (ctx: Ctx, { orgId, from, to }: SummaryArgs, tenantId: number): Promise<AccountabilitySummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const rows = await repo.recordsInSpan(ctx.db, tenantId, subtreeRange(root.org_path), from, to);
    const children = await repo.childOrgs(ctx.db, tenantId, root.id);
    return {
      orgId: root.id,
      orgName: root.name,
      from,
      to,
      total: countOf(rows),
      byKind: KINDS.map((kind) => ({ kind, ...countOf(rows.filter((r) => r.kind === kind)) })),
      rows: children.map((o) => {
        const [lo, hi] = subtreeRange(o.org_path);
        const mine = rows.filter((r) => r.org_path >= lo && r.org_path < hi);
        const byKind: Record<string, number> = {};
        for (const k of KINDS) byKind[k] = mine.filter((r) => r.kind === k).length;
        return { orgId: o.id, orgName: o.name, ...countOf(mine), byKind };
      }),
    };
  },
  excel: { route: 'GET /api/accountability/summary/export', fill: fillSummary },
});

function fillSummary(wb: import('exceljs').Workbook, f: AccountabilitySummaryT, locale: Locale): void {
  const en = locale === 'en';
  const byKind = addSheet(wb, en ? 'By kind' : '按问责方式', [
    [en ? 'Kind' : '问责方式', 'kind', 14],
    [en ? 'Records' : '记录数', 'records', 10],
    [en ? 'Units' : '单位', 'units', 10],
    [en ? 'Persons' : '个人', 'persons', 10],
  ]);
  for (const r of f.byKind) byKind.addRow({ ...r, kind: ACCOUNTABILITY_KINDS[r.kind][en ? 'en' : 'zh'] });
  byKind.addRow({ kind: `${en ? 'Total' : '合计'} ${f.from} ~ ${f.to}`, ...f.total });
  const byOrg = addSheet(wb, en ? 'By organization' : '按组织', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Records' : '记录数', 'records', 10],
    [en ? 'Units' : '单位', 'units', 10],
    [en ? 'Persons' : '个人', 'persons', 10],
    ...KINDS.map((k): [string, string, number] => [ACCOUNTABILITY_KINDS[k][en ? 'en' : 'zh'], k, 10]),
  ]);
  for (const r of f.rows) byOrg.addRow({ ...r, ...r.byKind });
}

async function argsOf(ctx: Ctx, actor: Actor, q: AccountabilitySummaryQueryT): Promise<SummaryArgs> {
  requireCapability(actor, 'accountability.read');
  if (q.to < q.from) throw new DomainError('validation', { fields: [{ field: 'to', code: 'validation' }] });
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, from: q.from, to: q.to };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function summary(ctx: Ctx, actor: Actor, q: AccountabilitySummaryQueryT): Promise<AccountabilitySummaryT> {
  return accountabilityFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The figure as an Excel workbook. */
export async function summaryXlsx(
  ctx: Ctx,
  actor: Actor,
  q: AccountabilitySummaryQueryT,
  locale: Locale,
): Promise<Buffer> {
  return accountabilityFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
