/**
 * 村集体经济分类 (`economy.incomes`): for a subtree and a year, each village's accepted income total and class by
 * the rules of the year, last year's total and class, and the roll-up (villages per class, total income, change,
 * classes gained and lost) of the whole and of each organization right below the root (seed 004: 1 振兴, 12 富裕,
 * 32 小康 villages, 3,700万 in all). Only accepted entries count.
 */
import {
  INCOME_CLASS_ORDER,
  IncomeClassesQuery,
  type IncomeClassCountsT,
  type IncomeClassesQueryT,
  type IncomeClassesT,
  type IncomeRollupT,
  type IncomeVillageClassT,
  INCOME_CLASSES,
  label,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { childrenOf } from './villages.repository.js';
import { incomeClassesOf, orgOf, type VillageIncomeClass } from './incomes.repository.js';
import { incomesRules } from './incomes.rules.js';

/** The figure's arguments: the root organization and the year. */
export interface ClassesArgs {
  orgId: number;
  year: number;
}

const zero = (): IncomeClassCountsT => ({ revitalized: 0, prosperous: 0, comfortable: 0, weak: 0 });
const rank = (c: string) => INCOME_CLASS_ORDER.indexOf(c as never);

/** The move of a village's class: 1 up, -1 down, 0 the same. */
export function classMove(v: Pick<VillageIncomeClass, 'class' | 'lastClass'>): number {
  return Math.sign(rank(v.lastClass) - rank(v.class));
}

/** Counts per class, totals and changes of some villages. */
export function rollup(villages: VillageIncomeClass[]): IncomeRollupT {
  const r: IncomeRollupT = {
    villages: villages.length,
    counts: zero(),
    lastCounts: zero(),
    totalFen: 0,
    lastTotalFen: 0,
    changeFen: 0,
    up: 0,
    down: 0,
  };
  for (const v of villages) {
    r.counts[v.class]++;
    r.lastCounts[v.lastClass]++;
    r.totalFen += v.totalFen;
    r.lastTotalFen += v.lastTotalFen;
    const m = classMove(v);
    if (m > 0) r.up++;
    if (m < 0) r.down++;
  }
  r.changeFen = r.totalFen - r.lastTotalFen;
  return r;
}

/** 村集体经济分类 of a subtree and year. */
export const incomesFigure = defineFigure({
  key: 'economy.incomes',
  name: { zh: '村集体经济收入与分类', en: 'Village collective income and classes' },
  params: IncomeClassesQuery,
  route: 'GET /api/economy/incomes/classes',
  depends: ['incomes', 'roster'],
  compute: async (ctx: Ctx, { orgId, year }: ClassesArgs, tenantId: number): Promise<IncomeClassesT> => {
    const root = await orgOf(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const [villages, children, rules] = await Promise.all([
      incomeClassesOf(ctx.db, tenantId, root.org_path, year),
      childrenOf(ctx.db, tenantId, root.id),
      incomesRules(ctx.db, tenantId, year),
    ]);
    const rows: IncomeVillageClassT[] = villages.map((v) => ({
      orgId: v.orgId,
      orgName: v.orgName,
      townshipName: v.townshipName,
      totalFen: v.totalFen,
      class: v.class,
      lastTotalFen: v.lastTotalFen,
      lastClass: v.lastClass,
      changeFen: v.totalFen - v.lastTotalFen,
      move: classMove(v),
    }));
    return {
      orgId: root.id,
      orgName: root.place_name || root.name,
      year,
      thresholds: { ...rules },
      total: rollup(villages),
      children: children.map((c) => {
        const [lo, hi] = subtreeRange(c.org_path);
        return {
          orgId: c.id,
          orgName: c.name,
          rollup: rollup(villages.filter((v) => v.orgPath >= lo && v.orgPath < hi)),
        };
      }),
      villages: rows,
    };
  },
  excel: { route: 'GET /api/economy/incomes/classes/export', fill: fillClasses },
});

const wan = (fen: number) => Math.round(fen / 100) / 10000;

function fillClasses(wb: import('exceljs').Workbook, f: IncomeClassesT, locale: Locale): void {
  const en = locale === 'en';
  const sum = addSheet(wb, en ? 'By organization' : '分组织汇总', [
    [en ? 'Organization' : '组织', 'orgName', 24],
    [en ? 'Villages' : '村数', 'villages', 8],
    ...INCOME_CLASS_ORDER.map((c) => [label(INCOME_CLASSES, c, locale), c, 10] as [string, string, number]),
    [en ? 'Total (10k yuan)' : '总收入（万元）', 'total', 14],
    [en ? 'Last year (10k yuan)' : '上年（万元）', 'last', 14],
    [en ? 'Change (10k yuan)' : '增减（万元）', 'change', 14],
    [en ? 'Classes up' : '升档', 'up', 8],
    [en ? 'Classes down' : '降档', 'down', 8],
  ]);
  const add = (orgName: string, r: IncomeRollupT) =>
    sum.addRow({
      orgName,
      villages: r.villages,
      ...r.counts,
      total: wan(r.totalFen),
      last: wan(r.lastTotalFen),
      change: wan(r.changeFen),
      up: r.up,
      down: r.down,
    });
  for (const c of f.children) add(c.orgName, c.rollup);
  add(`${f.orgName}（${en ? 'total' : '合计'} ${f.year}）`, f.total);
  const ws = addSheet(wb, en ? 'Villages' : '各村', [
    [en ? 'Township' : '乡镇', 'township', 16],
    [en ? 'Village' : '村', 'village', 16],
    [en ? 'Income (10k yuan)' : '收入（万元）', 'total', 14],
    [en ? 'Class' : '类别', 'class', 10],
    [en ? 'Last year (10k yuan)' : '上年收入（万元）', 'last', 14],
    [en ? 'Last class' : '上年类别', 'lastClass', 10],
    [en ? 'Change (10k yuan)' : '增减（万元）', 'change', 14],
  ]);
  for (const v of f.villages)
    ws.addRow({
      township: v.townshipName ?? '',
      village: v.orgName,
      total: wan(v.totalFen),
      class: label(INCOME_CLASSES, v.class, locale),
      last: wan(v.lastTotalFen),
      lastClass: label(INCOME_CLASSES, v.lastClass, locale),
      change: wan(v.changeFen),
    });
}

/** The current year in China by the context's clock. */
const yearOf = (ctx: Ctx) => Number(new Date(ctx.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));

async function argsOf(ctx: Ctx, actor: Actor, q: IncomeClassesQueryT): Promise<ClassesArgs> {
  requireCapability(actor, 'incomes.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, year: q.year ?? yearOf(ctx) - 1 };
}

/** The classes for a subtree of the caller's scope (its own organization and last year by default). */
export async function classes(ctx: Ctx, actor: Actor, q: IncomeClassesQueryT): Promise<IncomeClassesT> {
  return incomesFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The classes as an Excel workbook. */
export async function classesXlsx(ctx: Ctx, actor: Actor, q: IncomeClassesQueryT, locale: Locale): Promise<Buffer> {
  return incomesFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
