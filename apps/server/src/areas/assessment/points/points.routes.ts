/** Routes of member points (积分制, `/api/points`). Thin: the services hold the rules. */
import {
  IdParams,
  MyPoints,
  MyPointsQuery,
  PointDetail,
  PointDisputeAnswer,
  PointDisputeCreate,
  PointHarvestQuery,
  PointHarvestResult,
  PointList,
  PointListQuery,
  PointManualCreate,
  PointMonthQuery,
  PointMonthState,
  PointNote,
  PointPublish,
  PointRanking,
  PointRankingQuery,
  PointReason,
  PointsSummary,
  PointsSummaryQuery,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './points.excel.js';
import * as figures from './points.figures.js';
import * as points from './points.service.js';

export const pointsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['points'] });
  r.get(
    '/api/points/export',
    { can: 'points.read', summary: '导出积分台账 Ledger as Excel', query: PointListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportLedger(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('积分台账')),
  );
  r.get(
    '/api/points/ranking',
    { can: 'points.read', summary: '积分排行（计入上限）Ranking', query: PointRankingQuery, response: PointRanking },
    (req) => points.ranking(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/points/mine',
    { can: 'points.read', summary: '我的积分（按月）My points', query: MyPointsQuery, response: MyPoints },
    (req) => points.mine(ctx, actorOf(req), req.query.year),
  );
  r.get(
    '/api/points/months',
    { can: 'points.read', summary: '月度积分公示状态 A month’s state', query: PointMonthQuery, response: PointMonthState },
    (req) => points.monthState(ctx, actorOf(req), req.query.org, req.query.month),
  );
  r.post(
    '/api/points/months',
    {
      can: 'points.write',
      audit: 'point.publish',
      summary: '公示月度积分（公示后冻结）Publish a month',
      body: PointPublish,
      response: PointMonthState,
    },
    (req) => points.publish(ctx, actorOf(req), req.body.orgId, req.body.month),
  );
  r.post(
    '/api/points/harvest',
    {
      can: 'points.approve',
      audit: 'point.harvest',
      summary: '从业务记录汇集积分（可重复执行）Harvest from records',
      query: PointHarvestQuery,
      response: PointHarvestResult,
    },
    (req) => points.harvestNow(ctx, actorOf(req), req.query),
  );
  crudRoutes(r, ctx, { ...points, create: points.createManual }, {
    url: '/api/points',
    read: 'points.read',
    write: 'points.write',
    audit: 'point',
    item: PointDetail,
    list: { summary: '积分台账 The ledger', query: PointListQuery, response: PointList },
    get: '积分记录及过程 An entry with its history',
    create: { summary: '录入加减分（须附佐证）A manual entry with evidence', body: PointManualCreate },
    remove: '删除误录的加减分（可恢复）Soft delete',
    restore: '恢复加减分 Restore',
  });
  const act = { can: 'points.write', params: IdParams, response: PointDetail } as const;
  r.post(
    '/api/points/:id/branch-approve',
    { ...act, audit: 'point.branch_approve', summary: '支部审核通过 Branch approves', body: PointNote },
    (req) => points.branchApprove(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/points/:id/approve',
    { ...act, can: 'points.approve', audit: 'point.approve', summary: '乡镇审核通过 Township approves', body: PointNote },
    (req) => points.approve(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/points/:id/reject',
    { ...act, audit: 'point.reject', summary: '退回加减分 Reject', body: PointReason },
    (req) => points.reject(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/points/:id/dispute',
    {
      ...act,
      can: 'points.dispute',
      audit: 'point.dispute',
      summary: '对本人积分提出异议（公示前）Dispute',
      body: PointDisputeCreate,
    },
    (req) => points.dispute(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/points/:id/answer',
    { ...act, audit: 'point.answer', summary: '答复积分异议 Answer a dispute', body: PointDisputeAnswer },
    (req) => points.answer(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/stats/points',
    { can: 'points.read', summary: '党员积分情况 Points summary', query: PointsSummaryQuery, response: PointsSummary },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/points/export',
    { can: 'points.read', summary: '党员积分情况导出 As Excel', query: PointsSummaryQuery },
    async (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `党员积分情况-${req.query.year}.xlsx`,
      ),
  );
};
