/** Routes of accountability records (问责): county and townships only. Thin: the services hold the rules. */
import {
  AccountabilityCreate,
  AccountabilityItem,
  AccountabilityList,
  AccountabilityListQuery,
  AccountabilitySummary,
  AccountabilitySummaryQuery,
  AccountabilityUpdate,
} from '@dangjian/contracts';
import { crudRoutes, photoRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as records from './accountability.service.js';
import * as excel from './accountability.excel.js';
import * as figures from './accountability.figures.js';

export const accountabilityRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['accountability'] });
  r.get(
    '/api/accountability/export',
    { can: 'accountability.read', summary: '导出问责记录 Export (xlsx)', query: AccountabilityListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportRecords(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('问责记录')),
  );
  r.get(
    '/api/accountability/summary',
    {
      can: 'accountability.read',
      summary: '问责情况（按方式，单位和个人）Accountability by kind, units and persons',
      query: AccountabilitySummaryQuery,
      response: AccountabilitySummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/accountability/summary/export',
    { can: 'accountability.read', summary: '问责情况导出 As Excel', query: AccountabilitySummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `问责情况-${req.query.from}-${req.query.to}.xlsx`,
      ),
  );
  crudRoutes(r, ctx, records, {
    url: '/api/accountability',
    read: 'accountability.read',
    write: 'accountability.write',
    audit: 'accountability',
    item: AccountabilityItem,
    list: {
      summary: '问责记录（提醒、函询、诫勉、约谈、通报批评、处分）Accountability records',
      query: AccountabilityListQuery,
      response: AccountabilityList,
    },
    get: '问责记录详情 A record',
    create: { summary: '登记问责 Record accountability', body: AccountabilityCreate },
    patch: { summary: '修改问责记录 Change a record', body: AccountabilityUpdate },
    remove: '删除问责记录（可恢复）Soft delete',
    restore: '恢复问责记录 Restore',
  });
  photoRoutes(r, ctx, records, {
    url: '/api/accountability',
    read: 'accountability.read',
    write: 'accountability.write',
    audit: 'accountability',
    upload: '上传问责文书扫描件（JPEG/PNG）Upload a scanned document',
    get: '问责文书扫描件 A scanned document',
  });
};
