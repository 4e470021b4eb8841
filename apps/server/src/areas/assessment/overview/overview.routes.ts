/** Routes of the assessment overview (考核激励总览): the figure and its Excel export. Thin. */
import { AssessmentOverview, AssessmentOverviewQuery } from '@dangjian/contracts';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { routesOf, sendWorkbook } from '../../../platform/router.js';
import * as figures from './overview.figures.js';

export const overviewRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['assessment'] });
  r.get(
    '/api/assessment/overview',
    {
      can: 'assessmentOverview.read',
      summary: '考核激励总览（星级、积分、承诺、述职、评选、整训）Assessment overview of a subtree and year',
      query: AssessmentOverviewQuery,
      response: AssessmentOverview,
    },
    (req) => figures.overview(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/assessment/overview/export',
    { can: 'assessmentOverview.read', summary: '考核激励总览导出 As Excel', query: AssessmentOverviewQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.overviewXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `考核激励总览-${req.query.year ?? ''}.xlsx`,
      ),
  );
};
