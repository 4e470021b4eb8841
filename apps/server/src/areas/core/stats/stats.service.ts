/** Figures of a subtree computed from the records: organizations, members, elections due. */
import { OrgScopeQuery, type StatsOverviewT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability, scopeRange } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { subtreeRange } from '../../../db/dialect.js';
import * as orgsRepo from '../orgs/orgs.repository.js';
import * as repo from './stats.repository.js';
import { today } from '../orgs/orgs.service.js';
import { defineFigure } from '../../../platform/figures.js';

/** 首页统计: organizations, members and elections due of a subtree on a day. */
export const overviewFigure = defineFigure({
  key: 'stats.overview',
  name: { zh: '首页统计', en: 'Overview of a subtree' },
  params: OrgScopeQuery,
  route: 'GET /api/stats/overview',
  depends: ['roster'],
  compute: (ctx: Ctx, a: { lo: string; hi: string; day: string }, tenant: number) =>
    repo.overviewOf(ctx.db, tenant, a.lo, a.hi, a.day),
});

/** The overview of the home page for a subtree (default: the caller's scope). */
export async function overview(ctx: Ctx, actor: Actor, orgId?: number): Promise<StatsOverviewT> {
  requireCapability(actor, 'stats.read');
  const [lo, hi] = orgId ? subtreeRange((await orgsRepo.getOrg(ctx.db, actor, orgId)).org_path) : scopeRange(actor);
  const tenant = actor.tenantId!;
  const day = today(ctx);
  return overviewFigure.get(ctx, tenant, { lo, hi, day });
}
