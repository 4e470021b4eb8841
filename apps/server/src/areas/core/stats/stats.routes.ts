/** Statistics computed from the records. */
import { OrgScopeQuery, StatsOverview } from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import * as stats from './stats.service.js';

export const statsRoutes: RouteModule = (app, ctx) => {
  defineRoute(app, {
    method: 'GET',
    url: '/api/stats/overview',
    capability: 'stats.read',
    schema: {
      tags: ['stats'],
      summary: '首页统计 Overview of a subtree',
      querystring: OrgScopeQuery,
      response: { 200: StatsOverview },
    },
    handler: async (req) => stats.overview(ctx, actorOf(req), req.query.org),
  });
};
