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
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { crudRoutes } from '../../../platform/crud.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './requests.excel.js';
import * as cards from './requests.cards.js';
import { escalateOverdue } from './requests.escalation.js';
import * as requests from './requests.service.js';

export const requestsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['requests'] });
  crudRoutes(r, ctx, requests, {
    url: '/api/requests',
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
  r.get(
    '/api/requests/export',
    {
      can: 'residents.read',
      summary: '导出民情诉求（号码脱敏，至多5万条）Requests as Excel (masked, at most 50,000)',
      query: RequestListQuery,
    },
    (req, reply) =>
      sendWorkbook(reply, excel.exportRequests(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('民情诉求')),
  );
  r.get(
    '/api/requests/:id/card',
    {
      can: 'residents.read',
      summary: '承诺卡/反馈卡（可打印）Commitment or feedback card (HTML)',
      params: IdParams,
      query: RequestCardQuery,
    },
    async (req, reply) => {
      const html = await cards.card(ctx, actorOf(req), req.params.id, req.query.type);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );
  const act = { can: 'residents.write', params: IdParams, response: RequestDetail } as const;
  r.post(
    '/api/requests/:id/assign',
    { ...act, audit: 'request.assign', summary: '指定承办人 Name the owner', body: RequestAssign },
    (req) => requests.assign(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/requests/:id/transfer',
    {
      ...act,
      audit: 'request.transfer',
      summary: '转办 Transfer to an organization or department',
      body: RequestTransfer,
    },
    (req) => requests.transfer(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/requests/:id/progress',
    { ...act, audit: 'request.progress', summary: '办理进展 Record progress', body: RequestNote },
    (req) => requests.progress(ctx, actorOf(req), req.params.id, req.body.note),
  );
  r.post(
    '/api/requests/:id/close',
    { ...act, audit: 'request.close', summary: '办结 Close with the result', body: RequestClose },
    (req) => requests.close(ctx, actorOf(req), req.params.id, req.body.result),
  );
  r.post(
    '/api/requests/:id/rate',
    {
      ...act,
      audit: 'request.rate',
      summary: "群众评价（不满意重新办理）Record the resident's rating",
      body: RequestRate,
    },
    (req) => requests.rate(ctx, actorOf(req), req.params.id, req.body.rating),
  );
  r.post(
    '/api/requests/:id/reveal',
    {
      can: 'residents.read',
      audit: 'request.reveal',
      summary: '查看完整电话 Reveal the phone number',
      params: IdParams,
      body: RequestRevealBody,
    },
    (req) => requests.reveal(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/jobs/escalate',
    {
      can: 'residents.rules',
      audit: 'request.escalate_job',
      summary: '逾期诉求逐级上报（每日自动运行）Escalate overdue requests now',
      response: EscalationResult,
    },
    (req) => escalateOverdue(ctx, ctx.clock(), { tenantId: actorOf(req).tenantId! }),
  );
};
