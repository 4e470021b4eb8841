/** Routes of county leaders' contact points (联系点): leaders, points, visits, issues and the figure. Thin. */
import {
  ContactIssueSolve,
  ContactLeaderCreate,
  ContactLeaderItem,
  ContactLeaderList,
  ContactLeaderListQuery,
  ContactLeaderUpdate,
  ContactPointCreate,
  ContactPointDetail,
  ContactPointList,
  ContactPointListQuery,
  ContactPointSummary,
  ContactPointSummaryQuery,
  ContactPointUpdate,
  ContactVisitCreate,
  Id,
  IdParams,
  labelled,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { routesOf, sendWorkbook } from '../../../platform/router.js';
import * as figures from './contactPoints.figures.js';
import * as leaders from './contactPoints.leaders.js';
import * as points from './contactPoints.service.js';

const IssueParams = Type.Object({ id: Id(), issueId: Type.Integer({ minimum: 1, ...labelled('问题', 'Issue') }) });

export const contactPointsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['contactPoints'] });
  r.get(
    '/api/contact-points/summary',
    {
      can: 'contactPoints.read',
      summary: '县级领导联系点情况（领导、联系党组织、走访、问题）Contact points in figures',
      query: ContactPointSummaryQuery,
      response: ContactPointSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/contact-points/summary/export',
    { can: 'contactPoints.read', summary: '县级领导联系点情况导出 As Excel', query: ContactPointSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `县级领导联系点情况-${req.query.year}.xlsx`,
      ),
  );
  crudRoutes(
    r,
    ctx,
    {
      list: leaders.listLeaders,
      get: leaders.getLeader,
      create: leaders.createLeader,
      update: leaders.updateLeader,
      remove: leaders.removeLeader,
      restore: leaders.restoreLeader,
    },
    {
      url: '/api/contact-points/leaders',
      read: 'contactPoints.read',
      write: 'contactPoints.write',
      audit: 'contactPoints.leader',
      item: ContactLeaderItem,
      list: {
        summary: '县级领导及其联系点 Leaders and their points',
        query: ContactLeaderListQuery,
        response: ContactLeaderList,
      },
      get: '县级领导 A leader',
      create: { summary: '登记县级领导 Record a leader', body: ContactLeaderCreate },
      patch: { summary: '修改县级领导 Change a leader', body: ContactLeaderUpdate },
      remove: '删除县级领导（可恢复）Soft delete',
      restore: '恢复县级领导 Restore',
    },
  );
  crudRoutes(r, ctx, points, {
    url: '/api/contact-points',
    read: 'contactPoints.read',
    write: 'contactPoints.write',
    audit: 'contactPoints',
    item: ContactPointDetail,
    list: { summary: '联系点（联系、包抓）Contact points', query: ContactPointListQuery, response: ContactPointList },
    get: '联系点详情（走访、问题）A contact point',
    create: { summary: '确定联系点 Add a contact point', body: ContactPointCreate },
    patch: { summary: '修改联系点 Change a contact point', body: ContactPointUpdate },
    remove: '删除联系点（可恢复）Soft delete',
    restore: '恢复联系点 Restore',
  });
  r.post(
    '/api/contact-points/:id/visits',
    {
      can: 'contactPoints.write',
      summary: '登记走访及发现的问题 Record a visit',
      audit: 'contactPoints.visit',
      params: IdParams,
      body: ContactVisitCreate,
      response: ContactPointDetail,
    },
    (req) => points.visit(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/contact-points/:id/issues/:issueId/solve',
    {
      can: 'contactPoints.write',
      summary: '问题已解决 Mark an issue solved',
      audit: 'contactPoints.solve',
      params: IssueParams,
      body: ContactIssueSolve,
      response: ContactPointDetail,
    },
    (req) => points.solve(ctx, actorOf(req), req.params.id, req.params.issueId, req.body),
  );
};
