/** Routes of pledges (承诺践诺, `/api/pledges`) and the residents' public evaluation link. Thin: the services hold the rules. */
import {
  IdParams,
  PledgeCreate,
  PledgeDetail,
  PledgeEvaluate,
  PledgeList,
  PledgeListQuery,
  PledgeNote,
  PledgeProgressCreate,
  PledgeReason,
  PledgeReport,
  PledgesSummary,
  PledgesSummaryQuery,
  PledgeTokenParams,
  PledgeUpdate,
  PublicPledge,
  PublicPledgeEvaluate,
} from '@dangjian/contracts';
import { crudRoutes, photoRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import { residentHeader } from '../../residents/signin/signin.routes.js';
import * as excel from './pledges.excel.js';
import * as figures from './pledges.figures.js';
import * as moves from './pledges.moves.js';
import * as pledges from './pledges.service.js';

/** Evaluations one address may post per hour through public links. */
const PUBLIC_EVALUATIONS_PER_HOUR = 20;

export const pledgesRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['pledges'] });
  r.get(
    '/api/pledges/export',
    { can: 'pledges.read', summary: '导出承诺 Pledges as Excel', query: PledgeListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportPledges(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('承诺践诺')),
  );
  crudRoutes(r, ctx, pledges, {
    url: '/api/pledges',
    read: 'pledges.read',
    write: 'pledges.make',
    audit: 'pledge',
    item: PledgeDetail,
    list: { summary: '承诺践诺 Pledges', query: PledgeListQuery, response: PledgeList },
    get: '承诺详情：进展、评价与过程 A pledge with its history',
    create: { summary: '起草承诺 Draft a pledge', body: PledgeCreate },
    patch: { summary: '修改草稿或被退回的承诺 Change a draft', body: PledgeUpdate },
    remove: '删除草稿（可恢复）Soft delete a draft',
    restore: '恢复承诺 Restore',
  });
  const act = { params: IdParams, response: PledgeDetail } as const;
  const make = { ...act, can: 'pledges.make' } as const;
  const review = { ...act, can: 'pledges.review' } as const;
  r.post(
    '/api/pledges/:id/submit',
    { ...make, audit: 'pledge.submit', summary: '定诺（提交审核）Submit', body: PledgeNote },
    (req) => moves.submit(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/pledges/:id/approve',
    { ...review, audit: 'pledge.approve', summary: '审诺通过 Approve', body: PledgeNote },
    (req) => moves.approve(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/pledges/:id/return',
    { ...review, audit: 'pledge.return', summary: '退回修改 Return', body: PledgeReason },
    (req) => moves.returnPledge(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/pledges/:id/publish',
    { ...review, audit: 'pledge.publish', summary: '晒诺（公开）Publish', body: PledgeNote },
    (req) => moves.publish(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/pledges/:id/progress',
    { ...make, audit: 'pledge.progress', summary: '记录践诺进展 Record progress', body: PledgeProgressCreate },
    (req) => moves.addProgress(ctx, actorOf(req), req.params.id, req.body.text),
  );
  r.post(
    '/api/pledges/:id/report',
    { ...make, audit: 'pledge.report', summary: '提交践诺情况 Report the fulfilment', body: PledgeReport },
    (req) => moves.report(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/pledges/:id/accept',
    { ...review, audit: 'pledge.accept', summary: '验收践诺 Accept the fulfilment', body: PledgeNote },
    (req) => moves.accept(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/pledges/:id/reject',
    { ...review, audit: 'pledge.reject', summary: '退回践诺情况 Send the fulfilment back', body: PledgeReason },
    (req) => moves.reject(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/pledges/:id/close',
    { ...review, audit: 'pledge.close', summary: '结束评诺（评诺期满后）Close the evaluation', body: PledgeNote },
    (req) => moves.close(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/pledges/:id/evaluations',
    {
      ...act,
      can: 'pledges.evaluate',
      audit: 'pledge.evaluate',
      summary: '评诺（党员评价）Evaluate',
      body: PledgeEvaluate,
    },
    (req) => moves.evaluate(ctx, actorOf(req), req.params.id, req.body),
  );
  photoRoutes(r, ctx, moves, {
    url: '/api/pledges',
    read: 'pledges.read',
    write: 'pledges.make',
    audit: 'pledge',
    upload: '上传践诺照片（JPEG/PNG，去除EXIF）Upload a photo',
    get: '践诺照片 Photo',
  });
  r.get(
    '/api/stats/pledges',
    {
      can: 'pledges.review',
      summary: '承诺践诺情况 Pledges made, fulfilled, evaluated, problems solved',
      query: PledgesSummaryQuery,
      response: PledgesSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/pledges/export',
    { can: 'pledges.review', summary: '承诺践诺情况导出 As Excel', query: PledgesSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `承诺践诺情况-${req.query.year}.xlsx`,
      ),
  );

  // ---- residents' evaluation through the pledge's public link (no sign-in)
  r.get(
    '/api/public/pledges/:token',
    {
      can: 'public',
      summary: '公开承诺（扫码评诺）A published pledge',
      params: PledgeTokenParams,
      response: PublicPledge,
    },
    (req) => moves.publicPledge(ctx, req.params.token),
  );
  r.post(
    '/api/public/pledges/:token/evaluations',
    {
      can: 'public',
      onRequest: residentHeader,
      summary: '群众评诺 A resident evaluates',
      params: PledgeTokenParams,
      body: PublicPledgeEvaluate,
      response: PublicPledge,
      config: { rateLimit: { max: PUBLIC_EVALUATIONS_PER_HOUR, timeWindow: '1 hour' } },
    },
    (req) => moves.publicEvaluate(ctx, req.params.token, req.body),
  );
};
