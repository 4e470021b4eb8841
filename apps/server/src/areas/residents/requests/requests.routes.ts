/** Routes of requests (诉求), with cards, export and the escalation job. Thin: the services hold the rules. */
import {
  EscalationResult,
  IdParams,
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
} from '@dangjian/contracts';
import { actorOf, localeOf, sendXlsx, type RouteModule } from '../../../platform/http.js';
import { crudRoutes } from '../../../platform/crud.js';
import { defineRoute } from '../../../platform/routes.js';
import * as excel from './requests.excel.js';
import * as cards from './requests.cards.js';
import { escalateOverdue } from './requests.escalation.js';
import * as requests from './requests.service.js';

export const requestsRoutes: RouteModule = (app, ctx) => {
  const tags = ['requests'];
  crudRoutes(app, ctx, requests, {
    url: '/api/requests',
    tags,
    read: 'residents.read',
    write: 'residents.write',
    audit: 'request',
    item: RequestDetail,
    list: { summary: '民情诉求 Requests (handling or accepted view)', query: RequestListQuery, response: RequestList },
    get: '诉求详情与办理过程 Request with its timeline',
    create: { summary: '受理诉求 Accept a request', body: RequestCreate },
    remove: '删除诉求（可恢复）Soft delete',
    restore: '恢复诉求 Restore',
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
};
