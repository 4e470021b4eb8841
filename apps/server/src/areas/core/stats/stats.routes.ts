/** Statistics computed from the records. */
import { OrgScopeQuery, StatsOverview } from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { routesOf } from '../../../platform/router.js';
import * as stats from './stats.service.js';

export const statsRoutes: RouteModule = (app, ctx) => {
  routesOf(app, { tags: ['stats'] }).get(
    '/api/stats/overview',
    { can: 'stats.read', summary: '首页统计 Overview of a subtree', query: OrgScopeQuery, response: StatsOverview },
    (req) => stats.overview(ctx, actorOf(req), req.query.org),
  );
};
