/** Region dashboard routes: the overview of a province, prefecture, county or township, and its workbook. */
import { RegionOverview, RegionOverviewQuery } from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as regions from './regions.service.js';

export const regionsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['regions'] });
  r.get(
    '/api/regions/overview',
    {
      can: 'regions.view',
      summary: '区域概览 Overview of a province, prefecture, county or township (from the rollups)',
      query: RegionOverviewQuery,
      response: RegionOverview,
    },
    (req) => regions.overview(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/regions/overview/export',
    {
      can: 'regions.view',
      summary: '导出区域概览 Export the overview and its children (xlsx)',
      query: RegionOverviewQuery,
    },
    (req, reply) => sendWorkbook(reply, regions.overviewXlsx(ctx, actorOf(req), req.query), datedXlsx('区域概览')),
  );
};
