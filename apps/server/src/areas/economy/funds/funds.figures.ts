/**
 * 基层经费保障 (`economy.funds`): for a subtree and a year, the funds of its villages by kind (operating, service,
 * first secretaries' work funds, secretaries' pay, other), each village's totals and the villages below a floor of
 * the `funds` rules. Computed whole and cached; a caller who does not read pay gets it without the pay figures.
 */
import {
  FUND_FLOOR_KEYS,
  FUND_KINDS,
  type FundKind,
  type FundKindTotalsT,
  FundsSummaryQuery,
  type FundsSummaryQueryT,
  type FundsSummaryT,
  label,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { loadExcel, xlsxBuffer } from '../../../platform/excel.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { villagesUnder } from '../incomes/villages.repository.js';
import { orgOf } from '../incomes/incomes.repository.js';
import { totalsOf } from './funds.repository.js';
import { fundsRules } from './funds.rules.js';
import { readsPay } from './funds.service.js';

/** The figure's arguments: the root organization and the year. */
export interface FundsArgs {
  orgId: number;
  year: number;
}

const KINDS = Object.keys(FUND_KINDS) as FundKind[];
const zero = (): FundKindTotalsT => ({ operating: 0, service: 0, first_secretary_work: 0, secretary_pay: 0, other: 0 });
const FLOORED = Object.keys(FUND_FLOOR_KEYS) as FundKind[];

/** 基层经费保障 of a subtree and year. */
export const fundsFigure = defineFigure({
  key: 'economy.funds',
  name: { zh: '基层经费保障', en: 'Grassroots funds and pay' },
  params: FundsSummaryQuery,
  route: 'GET /api/economy/funds/summary',
  depends: ['funds', 'roster'],
  compute: async (ctx: Ctx, { orgId, year }: FundsArgs, tenantId: number): Promise<FundsSummaryT> => {
    const root = await orgOf(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const [villages, totals, rules] = await Promise.all([
      villagesUnder(ctx.db, tenantId, root.org_path),
      totalsOf(ctx.db, tenantId, root.org_path, year),
      fundsRules(ctx.db, tenantId, year),
    ]);
    const byVillage = new Map<number, FundKindTotalsT>();
    for (const t of totals) {
      const row = byVillage.get(t.org_id) ?? zero();
      const kind = (KINDS.includes(t.kind as FundKind) ? t.kind : 'other') as FundKind;
      row[kind] = (row[kind] ?? 0) + t.total;
      byVillage.set(t.org_id, row);
    }
    const floorOf = (k: FundKind) => rules[FUND_FLOOR_KEYS[k]!];
    const sum = zero();
    const below = { operating: 0, service: 0, secretary_pay: 0 as number | null };
    const rows = villages.map((v) => {
      const t = byVillage.get(v.id) ?? zero();
      for (const k of KINDS) sum[k] = (sum[k] ?? 0) + (t[k] ?? 0);
      const under = FLOORED.filter((k) => (t[k] ?? 0) < floorOf(k));
      for (const k of under) below[k as keyof typeof below] = (below[k as keyof typeof below] ?? 0) + 1;
      return { orgId: v.id, orgName: v.name, townshipName: v.township_name, totals: t, below: under };
    });
    return {
      orgId: root.id,
      orgName: root.place_name || root.name,
      year,
      floors: {
        operating: rules.operatingFloorFen,
        service: rules.serviceFloorFen,
        secretary_pay: rules.secretaryPayFloorFen,
      },
      villages: villages.length,
      totals: sum,
      below,
      rows,
    };
  },
  excel: { route: 'GET /api/economy/funds/summary/export', fill: fillSummary },
});

/** The answer without secretaries' pay (for a caller who does not read it); the cached answer stays whole. */
export function withoutPay(f: FundsSummaryT): FundsSummaryT {
  return {
    ...f,
    floors: { ...f.floors, secretary_pay: null },
    totals: { ...f.totals, secretary_pay: null },
    below: { ...f.below, secretary_pay: null },
    rows: f.rows.map((r) => ({
      ...r,
      totals: { ...r.totals, secretary_pay: null },
      below: r.below.filter((k) => k !== 'secretary_pay'),
    })),
  };
}

const wan = (fen: number | null) => (fen == null ? '' : Math.round(fen / 100) / 10000);

function fillSummary(wb: import('exceljs').Workbook, f: FundsSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const kinds = KINDS.filter((k) => f.totals[k] != null);
  const ws = addSheet(wb, en ? 'Funds' : '基层经费保障', [
    [en ? 'Township' : '乡镇', 'township', 16],
    [en ? 'Village' : '村', 'village', 16],
    ...kinds.map(
      (k) => [`${label(FUND_KINDS, k, locale)}${en ? ' (10k yuan)' : '（万元）'}`, k, 16] as [string, string, number],
    ),
    [en ? 'Below the standard' : '低于标准', 'below', 30],
  ]);
  const add = (township: string, village: string, t: FundKindTotalsT, below: string) =>
    ws.addRow({ township, village, ...Object.fromEntries(kinds.map((k) => [k, wan(t[k])])), below });
  for (const r of f.rows)
    add(r.townshipName ?? '', r.orgName, r.totals, r.below.map((k) => label(FUND_KINDS, k, locale)).join('、'));
  add('', `${f.orgName}（${en ? 'total' : '合计'} ${f.year}）`, f.totals, '');
}

/** The current year in China by the context's clock. */
const yearOf = (ctx: Ctx) => Number(new Date(ctx.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));

async function argsOf(ctx: Ctx, actor: Actor, q: FundsSummaryQueryT): Promise<FundsArgs> {
  requireCapability(actor, 'funds.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, year: q.year ?? yearOf(ctx) };
}

/** The figure for a subtree of the caller's scope (its own organization and this year by default). */
export async function summary(ctx: Ctx, actor: Actor, q: FundsSummaryQueryT): Promise<FundsSummaryT> {
  const f = await fundsFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
  return readsPay(actor) ? f : withoutPay(f);
}

/** The figure as an Excel workbook (without pay for a caller who does not read it). */
export async function summaryXlsx(ctx: Ctx, actor: Actor, q: FundsSummaryQueryT, locale: Locale): Promise<Buffer> {
  const args = await argsOf(ctx, actor, q);
  if (readsPay(actor)) return fundsFigure.xlsx(ctx, actor.tenantId!, args, locale);
  const wb = new (await loadExcel()).Workbook();
  fillSummary(wb, withoutPay(await fundsFigure.get(ctx, actor.tenantId!, args)), locale);
  return xlsxBuffer(wb);
}
