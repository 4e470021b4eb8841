/**
 * 评选表彰情况 (`selections.summary`): for a subtree and year, the selections organized in it, the accepted
 * nominees among its members and its members among the published winners. Counted from records; no votes of
 * anyone show here.
 */
import { SelectionsSummaryQuery, type SelectionsSummaryQueryT, type SelectionsSummaryT } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure } from '../../../platform/figures.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './selections.repository.js';

/** The figure's arguments. */
export interface SummaryArgs {
  orgId: number;
  year: number;
}

/** 评选表彰情况 of a subtree and year. */
export const selectionsFigure = defineFigure({
  key: 'selections.summary',
  name: { zh: '评选表彰情况', en: 'Selections held, nominees and winners' },
  params: SelectionsSummaryQuery,
  route: 'GET /api/stats/selections',
  depends: ['selections', 'roster'],
  compute: async (ctx: Ctx, { orgId, year }: SummaryArgs, tenantId: number): Promise<SelectionsSummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const c = await repo.summaryCounts(ctx.db, tenantId, subtreeRange(root.org_path), year);
    return { orgId: root.id, orgName: root.name, year, ...c };
  },
});

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function summary(ctx: Ctx, actor: Actor, q: SelectionsSummaryQueryT): Promise<SelectionsSummaryT> {
  requireCapability(actor, 'selections.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return selectionsFigure.get(ctx, actor.tenantId!, { orgId: o.id, year: q.year });
}
