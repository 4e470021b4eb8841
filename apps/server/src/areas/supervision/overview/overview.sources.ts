/**
 * The overview's readings of the other supervision modules: each count comes from its module's own figure
 * (`problemsFigure`, `inspectionsFigure`, `accountabilityFigure`, `tasksFigure`, `weakOrgsFigure`, each
 * `get(ctx, tenantId, { orgId, from, to })`) and the bulletins from the issued bulletins of the subtree, so the
 * overview answers exactly what each module's page and figure answer.
 */
import {
  ACCOUNTABILITY_KINDS,
  INSPECTION_KINDS,
  type Labelled,
  type OverviewCountsT,
  type OverviewKeyCountT,
} from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { accountabilityFigure } from '../accountability/accountability.figures.js';
import { inspectionsFigure } from '../inspections/inspections.figures.js';
import { categoriesOf } from '../problems/problems.categories.js';
import { problemsFigure } from '../problems/problems.figures.js';
import { tasksFigure } from '../tasks/tasks.figures.js';
import { weakOrgsFigure } from '../weakOrgs/weakOrgs.figures.js';
import * as repo from './overview.repository.js';

/** A subtree and a period, as every figure of the area takes them. */
export type Span = { orgId: number; from: string; to: string };

/** One subtree's counts and breakdowns. */
export interface SubtreeCounts {
  counts: OverviewCountsT;
  problemsByCategory: OverviewKeyCountT[];
  inspectionsByKind: OverviewKeyCountT[];
  accountabilityByKind: OverviewKeyCountT[];
}

/** A count under an enum's key, with the key's words. */
function keyCount<K extends string>(map: Record<K, Labelled>, key: K, count: number): OverviewKeyCountT {
  return { key, label: { zh: map[key].zh, en: map[key].en }, count };
}

/** The counts of one subtree over a period, read from the modules' figures. */
export async function subtreeOf(ctx: Ctx, tenantId: number, span: Span): Promise<SubtreeCounts> {
  const p = await problemsFigure.get(ctx, tenantId, span);
  const i = await inspectionsFigure.get(ctx, tenantId, span);
  const a = await accountabilityFigure.get(ctx, tenantId, span);
  const t = await tasksFigure.get(ctx, tenantId, span);
  const w = await weakOrgsFigure.get(ctx, tenantId, span);
  const bulletins = await repo.issuedBulletins(ctx.db, tenantId, span);
  // A category is data: its English name is the county's list's, the figure carries the Chinese one.
  const english = new Map((await categoriesOf(ctx.db, tenantId)).map((c) => [c.key, c.en]));
  const criticised = a.byKind.find((k) => k.kind === 'public_criticism');
  return {
    counts: {
      problems: p.found,
      rectified: p.closed,
      overdueProblems: p.overdue,
      notices: await repo.noticesIssued(ctx.db, tenantId, span),
      inspections: i.total.inspections,
      bulletins,
      unitsCriticised: criticised?.units ?? 0,
      personsCriticised: criticised?.persons ?? 0,
      punished: a.byKind.find((k) => k.kind === 'punishment')?.persons ?? 0,
      accountability: a.total.records,
      tasksIssued: t.issued,
      tasksCompleted: t.completed,
      tasksOverdue: t.overdue,
      weakFlagged: w.flagged,
      weakReleased: w.released,
    },
    problemsByCategory: p.byCategory.map((c) => ({
      key: c.category,
      label: { zh: c.name, en: english.get(c.category) ?? c.name },
      count: c.found,
    })),
    inspectionsByKind: i.byKind.map((k) => keyCount(INSPECTION_KINDS, k.kind, k.inspections)),
    accountabilityByKind: a.byKind.map((k) => keyCount(ACCOUNTABILITY_KINDS, k.kind, k.records)),
  };
}
