/** Routes of the retraining of cadres (淬火整训, `/api/retraining`). Thin: the services hold the rules. */
import {
  IdParams,
  RetrainingClassCreate,
  RetrainingCreate,
  RetrainingDecision,
  RetrainingDetail,
  RetrainingList,
  RetrainingListQuery,
  RetrainingNote,
  RetrainingSummary,
  RetrainingSummaryQuery,
  RetrainingTest,
  RetrainingUpdate,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './retraining.excel.js';
import * as figures from './retraining.figures.js';
import * as moves from './retraining.moves.js';
import * as files from './retraining.service.js';

export const retrainingRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['retraining'] });
  r.get(
    '/api/retraining/export',
    { can: 'retraining.read', summary: '导出淬火整训档案 Files as Excel', query: RetrainingListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportFiles(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('淬火整训')),
  );
  crudRoutes(r, ctx, files, {
    url: '/api/retraining',
    read: 'retraining.read',
    write: 'retraining.write',
    audit: 'retraining',
    item: RetrainingDetail,
    list: { summary: '淬火整训档案 Retraining files', query: RetrainingListQuery, response: RetrainingList },
    get: '整训档案：停职原因、课程、测试、决定与过程 A file with its history',
    create: { summary: '停职整训村干部（乡镇、县）Suspend a cadre for retraining', body: RetrainingCreate },
    patch: { summary: '修改职务、停职原因和事实依据 Change the file', body: RetrainingUpdate },
    remove: '删除误录的整训档案（可恢复）Soft delete',
    restore: '恢复整训档案 Restore',
  });
  const act = { can: 'retraining.write', params: IdParams, response: RetrainingDetail } as const;
  r.post(
    '/api/retraining/:id/start',
    { ...act, audit: 'retraining.start', summary: '开始整训 Start the retraining', body: RetrainingNote },
    (req) => moves.start(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/retraining/:id/classes',
    { ...act, audit: 'retraining.class', summary: '记录整训课程出勤 Record a class', body: RetrainingClassCreate },
    (req) => moves.addClass(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/retraining/:id/test',
    { ...act, audit: 'retraining.test', summary: '录入测试成绩和整训鉴定 Record the test', body: RetrainingTest },
    (req) => moves.recordTest(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/retraining/:id/retest',
    { ...act, audit: 'retraining.retest', summary: '退回继续整训 Back to retraining', body: RetrainingNote },
    (req) => moves.retest(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/retraining/:id/reinstate',
    { ...act, audit: 'retraining.reinstate', summary: '复职（测试合格后）Reinstate', body: RetrainingDecision },
    (req) => moves.reinstate(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/retraining/:id/remove',
    { ...act, audit: 'retraining.remove', summary: '组织调整（免职、劝退）Remove', body: RetrainingDecision },
    (req) => moves.removeCadre(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/stats/retraining',
    {
      can: 'retraining.read',
      summary: '淬火整训情况 Cadres suspended, in retraining, reinstated, removed',
      query: RetrainingSummaryQuery,
      response: RetrainingSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/retraining/export',
    { can: 'retraining.read', summary: '淬火整训情况导出 As Excel', query: RetrainingSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `淬火整训情况-${req.query.year}.xlsx`,
      ),
  );
};
