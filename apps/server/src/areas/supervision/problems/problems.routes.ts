/** Routes of problems and their rectification (问题整改). Thin: the services hold the rules. */
import {
  IdParams,
  MeasureCreate,
  MeasureParams,
  MeasurePatch,
  Ok,
  ProblemAssign,
  ProblemCategoriesPut,
  ProblemCategoryList,
  ProblemClaim,
  ProblemCreate,
  ProblemDetail,
  ProblemFollowUp,
  ProblemFromDevelopment,
  ProblemList,
  ProblemListQuery,
  ProblemListsQuery,
  ProblemMeasure,
  ProblemMeasureList,
  ProblemNote,
  ProblemNotice,
  ProblemPatch,
  ProblemReject,
  ProblemsSummary,
  ProblemsSummaryQuery,
  ProblemVerify,
} from '@dangjian/contracts';
import { crudRoutes, photoRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, ok, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as categories from './problems.categories.js';
import * as excel from './problems.excel.js';
import * as figures from './problems.figures.js';
import * as measures from './problems.measures.js';
import * as moves from './problems.moves.js';
import { notice } from './problems.notice.js';
import * as photos from './problems.photos.js';
import { fromDevelopment } from './problems.sources.js';
import * as problems from './problems.service.js';

export const problemsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['problems'] });
  r.get(
    '/api/problems/categories',
    { can: 'problems.read', summary: '问题类别清单 The categories of problems', response: ProblemCategoryList },
    (req) => categories.listCategories(ctx, actorOf(req)),
  );
  r.put(
    '/api/problems/categories',
    {
      can: 'problems.rules',
      audit: 'problem.categories',
      summary: '修改问题类别清单（整表）Replace the categories',
      body: ProblemCategoriesPut,
      response: ProblemCategoryList,
    },
    (req) => categories.putCategories(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/problems/export',
    { can: 'problems.read', summary: '导出问题清单 Export the problems as filtered', query: ProblemListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportProblems(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('问题清单')),
  );
  r.get(
    '/api/problems/lists.xlsx',
    {
      can: 'problems.read',
      summary: '问题清单、措施清单、责任清单（一个工作簿三张表）The three lists',
      query: ProblemListsQuery,
    },
    (req, reply) =>
      sendWorkbook(reply, excel.threeLists(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('问题整改三个清单')),
  );
  crudRoutes(r, ctx, problems, {
    url: '/api/problems',
    read: 'problems.read',
    write: 'problems.write',
    audit: 'problem',
    item: ProblemDetail,
    list: { summary: '问题清单 Problems', query: ProblemListQuery, response: ProblemList },
    get: '问题详情、整改过程与措施 A problem with its timeline and measures',
    create: { summary: '登记问题（自查自纠、群众投诉等）Record a problem', body: ProblemCreate },
    patch: { summary: '修改问题 Change a problem', body: ProblemPatch },
    remove: '删除误录的问题（可恢复）Soft delete',
    restore: '恢复问题 Restore',
  });
  r.post(
    '/api/problems/from-development',
    {
      can: 'problems.write',
      audit: 'problem.open',
      summary: '由逾期的发展党员步骤登记问题 Open a problem from an overdue development step',
      body: ProblemFromDevelopment,
      response: ProblemDetail,
    },
    (req) => fromDevelopment(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/problems/:id/notice',
    {
      can: 'problems.read',
      summary: '问题交办单（打印）The notice to print',
      params: IdParams,
      response: ProblemNotice,
    },
    (req) => notice(ctx, actorOf(req), req.params.id),
  );
  const act = { can: 'problems.write', params: IdParams, response: ProblemDetail } as const;
  const verify = { ...act, can: 'problems.verify' } as const;
  r.post(
    '/api/problems/:id/assign',
    { ...verify, audit: 'problem.assign', summary: '交办（出具交办单）Assign with a notice', body: ProblemAssign },
    (req) => moves.assign(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/problems/:id/start',
    { ...act, audit: 'problem.start', summary: '开始整改 Start the rectification', body: ProblemNote },
    (req) => moves.start(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/problems/:id/claim',
    { ...act, audit: 'problem.claim', summary: '报整改完成 Claim the fix', body: ProblemClaim },
    (req) => moves.claim(ctx, actorOf(req), req.params.id, req.body.claimNote),
  );
  r.post(
    '/api/problems/:id/verify',
    { ...verify, audit: 'problem.verify', summary: '验收销号（非整改人）Verify and close', body: ProblemVerify },
    (req) => moves.verify(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/problems/:id/reject',
    { ...verify, audit: 'problem.reject', summary: '验收不通过 Fail the verification', body: ProblemReject },
    (req) => moves.reject(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/problems/:id/follow-up',
    { ...verify, audit: 'problem.followUp', summary: '回头看（巩固或重新整改）Follow-up check', body: ProblemFollowUp },
    (req) => moves.followUp(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/problems/:id/measures',
    { can: 'problems.read', summary: '整改措施 The measures', params: IdParams, response: ProblemMeasureList },
    (req) => measures.listMeasures(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/problems/:id/measures',
    {
      can: 'problems.write',
      audit: 'problem_measure.create',
      summary: '添加整改措施 Add a measure',
      params: IdParams,
      body: MeasureCreate,
      response: ProblemMeasure,
    },
    (req) => measures.addMeasure(ctx, actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/api/problems/:id/measures/:measureId',
    {
      can: 'problems.write',
      audit: 'problem_measure.update',
      summary: '修改整改措施 Change a measure',
      params: MeasureParams,
      body: MeasurePatch,
      response: ProblemMeasure,
    },
    (req) => measures.updateMeasure(ctx, actorOf(req), req.params.id, req.params.measureId, req.body),
  );
  r.delete(
    '/api/problems/:id/measures/:measureId',
    {
      can: 'problems.write',
      audit: 'problem_measure.delete',
      summary: '删除整改措施 Remove a measure',
      params: MeasureParams,
      response: Ok,
    },
    (req) => ok(measures.removeMeasure(ctx, actorOf(req), req.params.id, req.params.measureId)),
  );
  photoRoutes(r, ctx, photos, {
    url: '/api/problems',
    read: 'problems.read',
    write: 'problems.write',
    audit: 'problem',
    upload: '上传问题或整改佐证照片（JPEG/PNG，去除EXIF）Upload a photo',
    get: '问题照片 A photo',
    remove: '删除问题照片 Remove a photo',
  });
  r.get(
    '/api/stats/problems',
    {
      can: 'problems.read',
      summary: '问题整改情况（发现、销号、逾期、反弹）Problems found, closed, overdue',
      query: ProblemsSummaryQuery,
      response: ProblemsSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/problems/export',
    { can: 'problems.read', summary: '问题整改情况导出 As Excel', query: ProblemsSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `问题整改情况-${req.query.from}-${req.query.to}.xlsx`,
      ),
  );
};
