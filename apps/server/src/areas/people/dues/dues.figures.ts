/**
 * 党费收缴情况: what was due, paid, the rate and the arrears of a subtree for a month or a year, by organization
 * (the root's children) and by month — sums over the covering index `(tenant_id, org_path, month, …)`, cached under
 * the dues and roster versions.
 */
import type ExcelJS from 'exceljs';
import {
  DuesCollectionQuery,
  type DuesCollectionQueryT,
  type DuesCollectionRowT,
  type DuesCollectionT,
  periodText,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { yuanOf } from './dues.money.js';
import * as payRepo from './dues.payments.repository.js';

/** The organization a figure is computed for, as plain data (part of the cache key). */
type OrgRef = { id: number; tenant_id: number; org_path: string; name: string };
type Args = { root: OrgRef; period: string };

/** The months of a period `YYYY-MM`, `YYYY-Qn`, `YYYY-Hn` or `YYYY`, or null when it is none of them. */
export function monthsOfPeriod(period: string): string[] | null {
  const span = (y: string, first: number, n: number) =>
    Array.from({ length: n }, (_, i) => `${y}-${String(first + i).padStart(2, '0')}`);
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return [period];
  const m = /^(\d{4})(?:-([QH])([1-4]))?$/.exec(period);
  if (!m) return null;
  if (!m[2]) return span(m[1]!, 1, 12);
  const k = Number(m[3]);
  if (m[2] === 'Q') return span(m[1]!, (k - 1) * 3 + 1, 3);
  return k <= 2 ? span(m[1]!, (k - 1) * 6 + 1, 6) : null;
}

interface Sums {
  bills: number;
  due: number;
  paid: number;
  unpaid: number;
}
const zero = (): Sums => ({ bills: 0, due: 0, paid: 0, unpaid: 0 });
function add(into: Sums, r: Sums): void {
  into.bills += r.bills;
  into.due += r.due;
  into.paid += r.paid;
  into.unpaid += r.unpaid;
}
function line(orgId: number, orgName: string, month: string | null, s: Sums): DuesCollectionRowT {
  return {
    orgId,
    orgName,
    month,
    bills: s.bills,
    due: yuanOf(s.due),
    paid: yuanOf(s.paid),
    rate: s.due > 0 ? Math.round((s.paid / s.due) * 10_000) / 10_000 : null,
    arrears: yuanOf(s.due - s.paid),
    unpaidBills: s.unpaid,
  };
}

async function compute(ctx: Ctx, { root, period }: Args): Promise<DuesCollectionT> {
  const months = monthsOfPeriod(period)!;
  const rows = await payRepo.collection(
    ctx.db,
    root.tenant_id,
    subtreeRange(root.org_path),
    months[0]!,
    months.at(-1)!,
  );
  const children = await payRepo.childOrgs(ctx.db, root.tenant_id, root.id);
  const byChild = new Map<number, Sums>(children.map((c) => [c.id, zero()]));
  const own = zero();
  const byMonth = new Map<string, Sums>(months.map((m) => [m, zero()]));
  const total = zero();
  for (const r of rows) {
    const child = children.find((c) => r.org_path.startsWith(c.org_path));
    add(child ? byChild.get(child.id)! : own, r);
    add(byMonth.get(r.month)!, r);
    add(total, r);
  }
  const byOrg = children.map((c) => line(c.id, c.name, null, byChild.get(c.id)!));
  // Bills of the root organization itself (its own members) come first, under its name.
  if (own.bills || !children.length) byOrg.unshift(line(root.id, root.name, null, own));
  return {
    period,
    total: line(root.id, root.name, null, total),
    byOrg,
    byMonth: months.map((m) => line(root.id, root.name, m, byMonth.get(m)!)),
  };
}

function fill(wb: ExcelJS.Workbook, c: DuesCollectionT, locale: Locale): void {
  const en = locale === 'en';
  const cols = (first: string, firstEn: string) =>
    [
      [en ? firstEn : first, 'name', 30],
      [en ? 'Bills' : '账单数', 'bills', 10],
      [en ? 'Due (元)' : '应缴（元）', 'due', 14],
      [en ? 'Paid (元)' : '实缴（元）', 'paid', 14],
      [en ? 'Rate' : '收缴率', 'rate', 10],
      [en ? 'Arrears (元)' : '欠缴（元）', 'arrears', 14],
      [en ? 'Unpaid bills' : '未缴清账单', 'unpaid', 12],
    ] as const;
  const row = (name: string, r: DuesCollectionRowT) => ({
    name,
    bills: r.bills,
    due: r.due,
    paid: r.paid,
    rate: r.rate == null ? '' : `${(r.rate * 100).toFixed(1)}%`,
    arrears: r.arrears,
    unpaid: r.unpaidBills,
  });
  const title = periodText(c.period, locale);
  const orgs = addSheet(wb, en ? `By organization ${title}` : `按组织 ${title}`, cols('党组织', 'Organization'));
  for (const r of c.byOrg) orgs.addRow(row(r.orgName, r));
  orgs.addRow(row(en ? 'Total' : '合计', c.total));
  const months = addSheet(wb, en ? 'By month' : '按月份', cols('月份', 'Month'));
  for (const r of c.byMonth) months.addRow(row(r.month ?? '', r));
  months.addRow(row(en ? 'Total' : '合计', c.total));
}

/** 党费收缴情况: due, paid, rate and arrears of a subtree by organization and month. */
export const collectionFigure = defineFigure({
  key: 'dues.collection',
  name: { zh: '党费收缴情况', en: 'Party dues collection' },
  params: DuesCollectionQuery,
  route: 'GET /api/dues/figures',
  depends: ['dues', 'roster'],
  compute: (ctx: Ctx, args: Args) => compute(ctx, args),
  excel: { route: 'GET /api/dues/figures/export', fill: (wb, r, locale) => fill(wb, r, locale) },
});

async function argsOf(ctx: Ctx, actor: Actor, q: DuesCollectionQueryT): Promise<Args> {
  requireCapability(actor, 'dues.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  if (!monthsOfPeriod(q.period)) throw new DomainError('dues.bad_period', { field: 'period' });
  return { root: { id: o.id, tenant_id: o.tenant_id, org_path: o.org_path, name: o.name }, period: q.period };
}

/** The collection figures of a subtree (default: the caller's organization) for a month or a year. */
export async function collection(ctx: Ctx, actor: Actor, q: DuesCollectionQueryT): Promise<DuesCollectionT> {
  const args = await argsOf(ctx, actor, q);
  return collectionFigure.get(ctx, args.root.tenant_id, args);
}

/** The same figures as an Excel workbook. */
export async function collectionXlsx(ctx: Ctx, actor: Actor, q: DuesCollectionQueryT, locale: Locale) {
  const args = await argsOf(ctx, actor, q);
  return collectionFigure.xlsx(ctx, args.root.tenant_id, args, locale);
}
