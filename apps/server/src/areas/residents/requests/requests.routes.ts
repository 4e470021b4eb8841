/** Routes of visits, requests (with cards and the escalation job) and evaluations. Thin: the services hold the rules. */
import {
  Id,
  MultipartFile,
  EscalationResult,
  Evaluation,
  EvaluationCreate,
  EvaluationList,
  EvaluationListQuery,
  EvaluationSuggestion,
  EvaluationSuggestQuery,
  IdParams,
  Ok,
  RequestAssign,
  RequestCardQuery,
  RequestClose,
  RequestCreate,
  RequestDetail,
  RequestList,
  RequestListQuery,
  RequestNote,
  RequestRate,
  RequestRevealBody,
  RequestTransfer,
  Visit,
  VisitCreate,
  VisitList,
  VisitListQuery,
  VisitPatch,
  VisitQuotaQuery,
  VisitQuotas,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { DomainError } from '../../../platform/errors.js';
import { actorOf, localeOf, sendXlsx, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import * as excel from './requests.excel.js';
import * as cards from './requests.cards.js';
import { escalateOverdue } from './requests.escalation.js';
import * as requests from './requests.service.js';
import * as evaluations from '../evaluations/evaluations.service.js';
import * as visits from '../visits/visits.service.js';

const PhotoParams = Type.Object({ id: Id(), photoId: Id() });
const VisitDetail = Type.Composite([
  Visit,
  Type.Object({
    photoList: Type.Array(
      Type.Object({ id: Type.Integer(), mime: Type.String(), bytes: Type.Integer(), url: Type.String() }),
    ),
  }),
]);

export const requestsRoutes: RouteModule = (app, ctx) => {
  // ---- visits ----
  let tags = ['visits'];
  defineRoute(app, {
    method: 'GET',
    url: '/api/visits',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '走访记录 Visits of a subtree',
      querystring: VisitListQuery,
      response: { 200: VisitList },
    },
    handler: async (req) => visits.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/visits/quotas',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '走访任务完成情况 Visit quotas: villages of a quarter, township cadres of a week',
      querystring: VisitQuotaQuery,
      response: { 200: VisitQuotas },
    },
    handler: async (req) => visits.quotas(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/visits/:id',
    capability: 'residents.read',
    schema: { tags, summary: '走访详情 Visit', params: IdParams, response: { 200: VisitDetail } },
    handler: async (req) => visits.get(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/visits',
    capability: 'residents.write',
    audit: 'visit.create',
    schema: {
      tags,
      summary: '录入走访（可同时受理诉求）Record a visit',
      body: VisitCreate,
      response: { 200: VisitDetail },
    },
    handler: async (req) => visits.create(ctx, actorOf(req), req.body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/visits/:id',
    capability: 'residents.write',
    audit: 'visit.update',
    schema: {
      tags,
      summary: '修改走访 Edit a visit',
      params: IdParams,
      body: VisitPatch,
      response: { 200: VisitDetail },
    },
    handler: async (req) => visits.update(ctx, actorOf(req), req.params.id, req.body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/visits/:id',
    capability: 'residents.write',
    audit: 'visit.delete',
    schema: { tags, summary: '删除走访（可恢复）Soft delete', params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      await visits.setDeleted(ctx, actorOf(req), req.params.id, true);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/visits/:id/restore',
    capability: 'residents.write',
    audit: 'visit.restore',
    schema: { tags, summary: '恢复走访 Restore', params: IdParams, response: { 200: VisitDetail } },
    handler: async (req) => visits.setDeleted(ctx, actorOf(req), req.params.id, false),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/visits/:id/photos',
    capability: 'residents.write',
    audit: 'visit.photo_add',
    schema: {
      tags,
      summary: '上传走访照片（JPEG/PNG，去除EXIF）Upload a photo',
      params: IdParams,
      body: MultipartFile,
    },
    handler: async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw new DomainError('files.bad_type');
      const file = await req.file();
      if (!file) throw new DomainError('files.bad_type');
      return visits.addPhoto(ctx, actor, req.params.id, await file.toBuffer());
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/visits/:id/photos/:photoId',
    capability: 'residents.read',
    schema: { tags, summary: '走访照片 Photo', params: PhotoParams },
    handler: async (req, reply) => {
      const p = await visits.photo(ctx, actorOf(req), req.params.id, req.params.photoId);
      return reply
        .type(p.mime)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(p.body);
    },
  });

  // ---- requests ----
  tags = ['requests'];
  defineRoute(app, {
    method: 'GET',
    url: '/api/requests',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '民情诉求 Requests (handling or accepted view)',
      querystring: RequestListQuery,
      response: { 200: RequestList },
    },
    handler: async (req) => requests.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/requests/export',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '导出民情诉求（号码脱敏，至多5万条）Requests as Excel (masked, at most 50,000)',
      querystring: RequestListQuery,
    },
    handler: async (req, reply) => {
      const { buffer } = await excel.exportRequests(ctx, actorOf(req), req.query, localeOf(req));
      return sendXlsx(reply, buffer, `民情诉求-${new Date().toISOString().slice(0, 10)}.xlsx`);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/requests/:id',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '诉求详情与办理过程 Request with its timeline',
      params: IdParams,
      response: { 200: RequestDetail },
    },
    handler: async (req) => requests.get(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/requests/:id/card',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '承诺卡/反馈卡（可打印）Commitment or feedback card (HTML)',
      params: IdParams,
      querystring: RequestCardQuery,
    },
    handler: async (req, reply) => {
      const html = await cards.card(ctx, actorOf(req), req.params.id, req.query.type);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/requests',
    capability: 'residents.write',
    audit: 'request.create',
    schema: { tags, summary: '受理诉求 Accept a request', body: RequestCreate, response: { 200: RequestDetail } },
    handler: async (req) => requests.create(ctx, actorOf(req), req.body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/requests/:id/assign',
    capability: 'residents.write',
    audit: 'request.assign',
    schema: {
      tags,
      summary: '指定承办人 Name the owner',
      params: IdParams,
      body: RequestAssign,
      response: { 200: RequestDetail },
    },
    handler: async (req) => requests.assign(ctx, actorOf(req), req.params.id, req.body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/requests/:id/transfer',
    capability: 'residents.write',
    audit: 'request.transfer',
    schema: {
      tags,
      summary: '转办 Transfer to an organization or department',
      params: IdParams,
      body: RequestTransfer,
      response: { 200: RequestDetail },
    },
    handler: async (req) => requests.transfer(ctx, actorOf(req), req.params.id, req.body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/requests/:id/progress',
    capability: 'residents.write',
    audit: 'request.progress',
    schema: {
      tags,
      summary: '办理进展 Record progress',
      params: IdParams,
      body: RequestNote,
      response: { 200: RequestDetail },
    },
    handler: async (req) => requests.progress(ctx, actorOf(req), req.params.id, req.body.note),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/requests/:id/close',
    capability: 'residents.write',
    audit: 'request.close',
    schema: {
      tags,
      summary: '办结 Close with the result',
      params: IdParams,
      body: RequestClose,
      response: { 200: RequestDetail },
    },
    handler: async (req) => requests.close(ctx, actorOf(req), req.params.id, req.body.result),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/requests/:id/rate',
    capability: 'residents.write',
    audit: 'request.rate',
    schema: {
      tags,
      summary: "群众评价（不满意重新办理）Record the resident's rating",
      params: IdParams,
      body: RequestRate,
      response: { 200: RequestDetail },
    },
    handler: async (req) => requests.rate(ctx, actorOf(req), req.params.id, req.body.rating),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/requests/:id/reveal',
    capability: 'residents.read',
    audit: 'request.reveal',
    schema: { tags, summary: '查看完整电话 Reveal the phone number', params: IdParams, body: RequestRevealBody },
    handler: async (req) => requests.reveal(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/requests/:id',
    capability: 'residents.write',
    audit: 'request.delete',
    schema: { tags, summary: '删除诉求（可恢复）Soft delete', params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      await requests.remove(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/requests/:id/restore',
    capability: 'residents.write',
    audit: 'request.restore',
    schema: { tags, summary: '恢复诉求 Restore', params: IdParams, response: { 200: RequestDetail } },
    handler: async (req) => requests.restore(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/jobs/escalate',
    capability: 'residents.rules',
    audit: 'request.escalate_job',
    schema: {
      tags,
      summary: '逾期诉求逐级上报（每日自动运行）Escalate overdue requests now',
      response: { 200: EscalationResult },
    },
    handler: async (req) => escalateOverdue(ctx, ctx.clock(), { tenantId: actorOf(req).tenantId! }),
  });

  // ---- evaluations ----
  tags = ['evaluations'];
  defineRoute(app, {
    method: 'GET',
    url: '/api/evaluations',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '三评记录 Evaluations of a subtree',
      querystring: EvaluationListQuery,
      response: { 200: EvaluationList },
    },
    handler: async (req) => evaluations.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/evaluations/suggest',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '按办结诉求统计群众评价 Ratings of the requests closed in the period',
      querystring: EvaluationSuggestQuery,
      response: { 200: EvaluationSuggestion },
    },
    handler: async (req) => evaluations.suggest(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/evaluations',
    capability: 'residents.read',
    audit: 'evaluation.create',
    schema: { tags, summary: '录入评价 Record an evaluation', body: EvaluationCreate, response: { 200: Evaluation } },
    handler: async (req) => evaluations.create(ctx, actorOf(req), req.body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/evaluations/:id',
    capability: 'residents.read',
    audit: 'evaluation.delete',
    schema: { tags, summary: '删除评价（可恢复）Soft delete', params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      await evaluations.setDeleted(ctx, actorOf(req), req.params.id, true);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/evaluations/:id/restore',
    capability: 'residents.read',
    audit: 'evaluation.restore',
    schema: { tags, summary: '恢复评价 Restore', params: IdParams, response: { 200: Evaluation } },
    handler: async (req) => evaluations.setDeleted(ctx, actorOf(req), req.params.id, false),
  });
};
