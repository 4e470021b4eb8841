/**
 * 组织关系转接情况 (`transfers.flow`): for a subtree and a year or month, the transfers received into it from
 * outside it, those that left it (received elsewhere, or the return slip of a letter to outside), and those under
 * way and overdue today — for the subtree and each organization right below it, with its Excel export.
 */
import { monthRange, type TransferFlowQueryT, TransferFlowQuery, type TransferFlowT } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './transfers.repository.js';
import { todayOf } from './transfers.service.js';

type Root = { id: number; tenant_id: number; org_path: string; name: string };
type FlowArgs = { root: Root; period: string; day: string };
type Counts = TransferFlowT['total'];

/** The first and last day of a period `YYYY` or `YYYY-MM`. */
export function periodSpan(period: string): { from: string; to: string } {
  if (period.length === 4) return { from: `${period}-01-01`, to: `${period}-12-31` };
  return monthRange(period);
}

const inside = (path: string | null, [lo, hi]: [string, string]) => path != null && path >= lo && path < hi;

/** The four counts of one subtree from the rows touching it. */
export function countFlow(rows: repo.FlowRow[], range: [string, string], from: string, to: string, day: string) {
  const c: Counts = { in: 0, out: 0, pending: 0, overdue: 0 };
  for (const r of rows) {
    const sends = r.kind !== 'incoming' && inside(r.org_path, range);
    const receives = inside(r.to_path, range);
    // A move between two organizations of the subtree neither enters nor leaves it.
    if (sends && receives) continue;
    if (!sends && !receives) continue;
    const done = r.status === 'accepted' && r.accepted_on != null && r.accepted_on >= from && r.accepted_on <= to;
    if (done && receives) c.in++;
    if (done && sends) c.out++;
    // The receiving side counts a transfer under way from its letter, as it sees it from then.
    if ((r.status === 'applied' && sends) || r.status === 'issued') {
      c.pending++;
      if (r.status === 'issued' && r.valid_until != null && r.valid_until < day) c.overdue++;
    }
  }
  return c;
}

/** 组织关系转接情况 of a subtree and period. */
export const flowFigure = defineFigure({
  key: 'transfers.flow',
  name: { zh: '组织关系转接情况', en: 'Transfers in and out' },
  params: TransferFlowQuery,
  route: 'GET /api/stats/transfers',
  depends: ['transfers', 'roster'],
  compute: async (ctx: Ctx, { root, period, day }: FlowArgs): Promise<TransferFlowT> => {
    const { from, to } = periodSpan(period);
    const rows = await repo.flowRows(ctx.db, root.tenant_id, subtreeRange(root.org_path), from);
    const children = await repo.childOrgs(ctx.db, root.tenant_id, root.id);
    return {
      period,
      from,
      to,
      orgId: root.id,
      orgName: root.name,
      total: countFlow(rows, subtreeRange(root.org_path), from, to, day),
      rows: children.map((o) => ({
        orgId: o.id,
        orgName: o.name,
        ...countFlow(rows, subtreeRange(o.org_path), from, to, day),
      })),
    };
  },
  excel: { route: 'GET /api/stats/transfers/export', fill: fillFlow },
});

function fillFlow(wb: import('exceljs').Workbook, f: TransferFlowT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Transfers' : '组织关系转接情况', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'In' : '转入', 'in', 10],
    [en ? 'Out' : '转出', 'out', 10],
    [en ? 'Under way' : '办理中', 'pending', 10],
    [en ? 'Overdue' : '逾期未接收', 'overdue', 12],
  ]);
  for (const r of f.rows) ws.addRow(r);
  ws.addRow({ orgName: `${f.orgName}（${en ? 'total' : '合计'} ${f.from} ~ ${f.to}）`, ...f.total });
}

async function argsOf(ctx: Ctx, actor: Actor, q: TransferFlowQueryT): Promise<FlowArgs> {
  requireCapability(actor, 'transfers.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return {
    root: { id: o.id, tenant_id: o.tenant_id, org_path: o.org_path, name: o.name },
    period: q.period,
    day: todayOf(ctx),
  };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function flow(ctx: Ctx, actor: Actor, q: TransferFlowQueryT): Promise<TransferFlowT> {
  const args = await argsOf(ctx, actor, q);
  return flowFigure.get(ctx, args.root.tenant_id, args);
}

/** The figure as an Excel workbook. */
export async function flowXlsx(ctx: Ctx, actor: Actor, q: TransferFlowQueryT, locale: Locale): Promise<Buffer> {
  const args = await argsOf(ctx, actor, q);
  return flowFigure.xlsx(ctx, args.root.tenant_id, args, locale);
}
