/** Routes of the supervision overview (督查总览): the figure and its Excel export. Thin. */
import { Overview, OverviewQuery } from '@dangjian/contracts';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { routesOf, sendWorkbook } from '../../../platform/router.js';
import * as figures from './overview.figures.js';

export const overviewRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['supervision'] });
  r.get(
    '/api/supervision/overview',
    {
      can: 'overview.read',
      summary: '督查整改总览（问题、督查、通报、问责、任务、软弱涣散）Supervision overview of a subtree and period',
      query: OverviewQuery,
      response: Overview,
    },
    (req) => figures.overview(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/supervision/overview/export',
    { can: 'overview.read', summary: '督查整改总览导出 As Excel', query: OverviewQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.overviewXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `督查整改总览-${req.query.from ?? ''}-${req.query.to ?? ''}.xlsx`,
      ),
  );
};
