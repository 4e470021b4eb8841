/** Routes of grassroots funds and pay (`/api/economy/funds`): records, the standards summary and exports. */
import {
  FundCreate,
  FundItem,
  FundList,
  FundListQuery,
  FundsSummary,
  FundsSummaryQuery,
  FundUpdate,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './funds.excel.js';
import * as figures from './funds.figures.js';
import * as funds from './funds.service.js';

export const fundsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['funds'] });
  const URL = '/api/economy/funds';
  r.get(
    `${URL}/export`,
    { can: 'funds.read', summary: '导出基层经费 Funds as Excel', query: FundListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportFunds(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('基层经费')),
  );
  r.get(
    `${URL}/summary`,
    {
      can: 'funds.read',
      summary: '基层经费保障：各村分类合计与低于标准的村 Totals per kind and villages below the standards',
      query: FundsSummaryQuery,
      response: FundsSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    `${URL}/summary/export`,
    { can: 'funds.read', summary: '基层经费保障导出 As Excel', query: FundsSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `基层经费保障-${req.query.year ?? ''}.xlsx`,
      ),
  );
  crudRoutes(r, ctx, funds, {
    url: URL,
    read: 'funds.read',
    write: 'funds.write',
    audit: 'fund',
    item: FundItem,
    list: { summary: '基层经费 Funds records', query: FundListQuery, response: FundList },
    get: '经费记录 A record',
    create: { summary: '录入村级经费（县、乡镇）Enter a record', body: FundCreate },
    patch: { summary: '修改经费记录 Change a record', body: FundUpdate },
    remove: '删除误录的经费记录（可恢复）Soft delete',
    restore: '恢复经费记录 Restore',
  });
};
