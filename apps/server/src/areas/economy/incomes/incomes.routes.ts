/** Routes of collective income (村集体经济, `/api/economy/incomes`): entries, their review, photos and the classes. */
import {
  IdParams,
  IncomeClasses,
  IncomeClassesQuery,
  IncomeCreate,
  IncomeDetail,
  IncomeList,
  IncomeListQuery,
  IncomeNote,
  IncomeReason,
  IncomeUpdate,
} from '@dangjian/contracts';
import { crudRoutes, photoRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './incomes.excel.js';
import * as figures from './incomes.figures.js';
import * as moves from './incomes.moves.js';
import * as incomes from './incomes.service.js';

export const incomesRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['incomes'] });
  const URL = '/api/economy/incomes';
  r.get(
    `${URL}/export`,
    { can: 'incomes.read', summary: '导出村集体经济收入 Entries as Excel', query: IncomeListQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        excel.exportIncomes(ctx, actorOf(req), req.query, localeOf(req)),
        datedXlsx('村集体经济收入'),
      ),
  );
  r.get(
    `${URL}/classes`,
    {
      can: 'incomes.read',
      summary: '村集体经济分类（振兴、富裕、小康、薄弱）与上年比较 Classes and change',
      query: IncomeClassesQuery,
      response: IncomeClasses,
    },
    (req) => figures.classes(ctx, actorOf(req), req.query),
  );
  r.get(
    `${URL}/classes/export`,
    { can: 'incomes.read', summary: '村集体经济分类导出 As Excel', query: IncomeClassesQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.classesXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `村集体经济分类-${req.query.year ?? ''}.xlsx`,
      ),
  );
  crudRoutes(r, ctx, incomes, {
    url: URL,
    read: 'incomes.read',
    write: 'incomes.write',
    audit: 'income',
    item: IncomeDetail,
    list: { summary: '村集体经济收入 Collective income entries', query: IncomeListQuery, response: IncomeList },
    get: '收入详情：佐证、审核过程 An entry with its history',
    create: { summary: '填报村集体经济收入（提交乡镇审核）Enter an income', body: IncomeCreate },
    patch: { summary: '修改未审核的收入 Change an entry', body: IncomeUpdate },
    remove: '删除误录的收入（可恢复）Soft delete',
    restore: '恢复收入 Restore',
  });
  const review = { can: 'incomes.review', params: IdParams, response: IncomeDetail } as const;
  r.post(
    `${URL}/:id/accept`,
    { ...review, audit: 'income.accept', summary: '审核通过（计入集体经济收入）Accept', body: IncomeNote },
    (req) => moves.accept(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    `${URL}/:id/return`,
    { ...review, audit: 'income.return', summary: '退回修改 Return', body: IncomeReason },
    (req) => moves.returnIncome(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    `${URL}/:id/reopen`,
    { ...review, audit: 'income.reopen', summary: '撤销审核 Reopen', body: IncomeReason },
    (req) => moves.reopen(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    `${URL}/:id/resubmit`,
    {
      can: 'incomes.write',
      params: IdParams,
      response: IncomeDetail,
      audit: 'income.resubmit',
      summary: '重新提交审核 Submit again',
      body: IncomeNote,
    },
    (req) => moves.resubmit(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  photoRoutes(r, ctx, moves, {
    url: URL,
    read: 'incomes.read',
    write: 'incomes.write',
    audit: 'income',
    upload: '上传佐证照片（JPEG/PNG，去除EXIF）Upload a photo',
    get: '佐证照片 Photo',
  });
};
