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
  can,
  chinaToday,
  HOME_CLASS_CHANGES_LIMIT,
  type HomeClassChangeT,
  type HomeCommitteesT,
  type HomeEconomyT,
  type HomeIncomeClass,
  type HomeIncomesT,
  type HomeLearningT,
  type HomeMyLearningT,
  type HomeTrainingT,
  type HomeVillageT,
  type LearningMineT,
  type LearningProgressT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import * as cadres from '../../people/cadres/cadres.figures.js';
import * as incomeFigures from '../../economy/incomes/incomes.figures.js';
import * as incomes from '../../economy/incomes/incomes.service.js';
import * as learningFigures from '../../life/learning/learning.figures.js';
import * as learningService from '../../life/learning/learning.service.js';
import * as training from '../../life/training/training.figures.js';
import * as trainingHours from '../../life/training/training.hours.js';

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

/** Incomes of the subtree: the classes' year (the classes page's default), per class, changes, entries to review. */
async function incomesPart(ctx: Ctx, actor: Actor, org: Org): Promise<HomeIncomesT> {
  const c = await incomeFigures.classes(ctx, actor, { org: org.id });
  const awaiting = await incomes.list(ctx, actor, { org: org.id, status: 'submitted', page: 1, pageSize: 1 });
  return classSummary(
    c.year,
    c.villages.map((v) => ({ ...v, parentName: v.townshipName })),
    awaiting.total,
  );
}

/** A village's own year: its class this year and last, its entries of the year by state. */
async function villagePart(ctx: Ctx, actor: Actor, org: Org, month: string): Promise<HomeVillageT | null> {
  const c = await incomeFigures.classes(ctx, actor, { org: org.id });
  const me = c.villages.length === 1 && c.villages[0]!.orgId === org.id ? c.villages[0]! : null;
  if (!me) return null;
  const count = async (status: 'submitted' | 'accepted' | 'returned') =>
    (await incomes.list(ctx, actor, { org: org.id, year: c.year, status, page: 1, pageSize: 1 })).total;
  return {
    year: c.year,
    class: me.class,
    lastClass: me.lastClass,
    totalFen: me.totalFen,
    lastTotalFen: me.lastTotalFen,
    entries: {
      submitted: await count('submitted'),
      accepted: await count('accepted'),
      returned: await count('returned'),
    },
    learning: can(actor.role, 'learning.read') ? await learningItemsOf(ctx, actor, org, month) : [],
  };
}

/** The learning progress of a subtree and month (the learning module's figure). */
function learningProgress(ctx: Ctx, actor: Actor, org: Org, month: string): Promise<LearningProgressT> {
  return learningFigures.progress(ctx, actor, {
    org: org.id,
    year: Number(month.slice(0, 4)),
    month: Number(month.slice(5, 7)),
  });
}

/** This month's items of my branch (the learning module's phone answer). */
function learningMine(ctx: Ctx, actor: Actor): Promise<LearningMineT> {
  return learningService.mine(ctx, actor);
}

/** This month's learning items of one organization, held or not. */
async function learningItemsOf(ctx: Ctx, actor: Actor, org: Org, month: string) {
  const p = await learningProgress(ctx, actor, org, month);
  return p.items.map((i) => ({ id: i.id, title: i.topic, held: i.held > 0, attended: null }));
}

/** The two committees of the latest term with posts in the caller's scope. */
async function committeesPart(ctx: Ctx, actor: Actor, org: Org): Promise<HomeCommitteesT | null> {
  const [term] = (await cadres.terms(ctx, actor)).items;
  if (term == null) return null;
  const a = await cadres.analytics(ctx, actor, { org: org.id, term });
  return {
    term: String(term),
    villages: a.villages,
    oneShoulderShare: a.oneShoulderShare,
    averageAge: a.averageAge,
    averageAgeChange: a.ageChange,
  };
}

/** Members of the subtree and their hours this year (the training figure). */
async function trainingPart(ctx: Ctx, actor: Actor, org: Org, year: number): Promise<HomeTrainingT> {
  const f = await training.summary(ctx, actor, { org: org.id, year });
  return { year, members: f.members, short: f.members - f.reached, reachedShare: f.members ? f.reachedShare : null };
}

/** This month's learning items of the subtree and the share held (the learning progress). */
async function learningPart(ctx: Ctx, actor: Actor, org: Org, month: string): Promise<HomeLearningT> {
  const p = await learningProgress(ctx, actor, org, month);
  return { month, items: p.itemsSet, heldShare: p.due ? p.heldShare : null };
}

/** The economy section of `GET /api/home` for a subtree the caller may see; null where its role reads none. */
export async function economySection(ctx: Ctx, actor: Actor, org: Org): Promise<HomeEconomyT | null> {
  const may = (c: Parameters<typeof can>[1]) => can(actor.role, c);
  if (!may('incomes.read') && !may('cadres.read') && !may('training.read') && !may('learning.read')) return null;
  const today = chinaToday(ctx.clock());
  const month = today.slice(0, 7);
  // A village (one village in its subtree: itself) sees its own year; a township or the county what is below.
  const village = may('incomes.read') ? await villagePart(ctx, actor, org, month) : null;
  if (village) return { today, incomes: null, committees: null, training: null, learning: null, village };
  return {
    today,
    incomes: may('incomes.read') ? await incomesPart(ctx, actor, org) : null,
    committees: may('cadres.read') ? await committeesPart(ctx, actor, org) : null,
    training: may('training.read') ? await trainingPart(ctx, actor, org, Number(today.slice(0, 4))) : null,
    learning: may('learning.read') ? await learningPart(ctx, actor, org, month) : null,
    village: null,
  };
}

/** My training hours this year and this month's learning items (`GET /api/home/mine`); null for no member. */
export async function myLearning(ctx: Ctx, actor: Actor): Promise<HomeMyLearningT | null> {
  if (!actor.memberId || !can(actor.role, 'training.mine')) return null;
  const today = chinaToday(ctx.clock());
  const year = Number(today.slice(0, 4));
  // An account whose member is not on a roster of its scope has no hours to show: no card, not a failed home.
  const h = await trainingHours.mine(ctx, actor, { year }).catch((e: unknown) => {
    if (e instanceof DomainError && e.status === 404) return null;
    throw e;
  });
  if (!h) return null;
  const l = can(actor.role, 'learning.read') ? await learningMine(ctx, actor) : null;
  return {
    year,
    hours: h.hours,
    required: h.required,
    short: h.short,
    month: today.slice(0, 7),
    items: (l?.items ?? []).map((i) => ({ id: i.id, title: i.topic, held: i.held, attended: i.attended })),
  };
}
