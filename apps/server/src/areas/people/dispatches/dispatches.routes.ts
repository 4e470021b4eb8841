/** Routes of dispatched cadres (派驻): list, export, the figure, one dispatch, its days present. Thin. */
import {
  DispatchCreate,
  DispatchDetail,
  DispatchList,
  DispatchListQuery,
  DispatchPresenceBody,
  DispatchSummary,
  DispatchSummaryQuery,
  DispatchUpdate,
  IdParams,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './dispatches.excel.js';
import * as figures from './dispatches.figures.js';
import * as dispatches from './dispatches.service.js';

export const dispatchesRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['dispatches'] });
  r.get(
    '/api/dispatches/export',
    { can: 'dispatches.read', summary: '导出派驻干部 Export (xlsx)', query: DispatchListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportDispatches(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('派驻干部')),
  );
  r.get(
    '/api/dispatches/summary',
    {
      can: 'dispatches.read',
      summary: '派驻干部情况（按类型：人数、工作队、覆盖村、月均在村天数）Dispatched cadres by kind',
      query: DispatchSummaryQuery,
      response: DispatchSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/dispatches/summary/export',
    { can: 'dispatches.read', summary: '派驻干部情况导出 As Excel', query: DispatchSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `派驻干部情况-${req.query.year}.xlsx`,
      ),
  );
  crudRoutes(r, ctx, dispatches, {
    url: '/api/dispatches',
    read: 'dispatches.read',
    write: 'dispatches.write',
    audit: 'dispatches',
    item: DispatchDetail,
    list: {
      summary: '派驻干部（第一书记、驻村工作队、党建指导员、科技特派员）Dispatched cadres',
      query: DispatchListQuery,
      response: DispatchList,
    },
    get: '派驻详情（在村天数、轮换记录）A dispatch',
    create: { summary: '登记派驻（可接替轮换）Record a dispatch', body: DispatchCreate },
    patch: { summary: '修改派驻信息、离岗 Change a dispatch', body: DispatchUpdate },
    remove: '删除派驻记录（可恢复）Soft delete',
    restore: '恢复派驻记录 Restore',
  });
  r.post(
    '/api/dispatches/:id/presence',
    {
      can: 'dispatches.write',
      summary: '登记某月在村天数（乡镇录入）Days present in a month',
      audit: 'dispatches.presence',
      params: IdParams,
      body: DispatchPresenceBody,
      response: DispatchDetail,
    },
    (req) => dispatches.presence(ctx, actorOf(req), req.params.id, req.body),
  );
};
