/**
 * Routes of the cadres module: `/api/cadres` (people, their posts, filings, joint reviews) and
 * `/api/elections/analytics`. Thin: the services hold the rules.
 */
import {
  CadreCreate,
  CadreDetail,
  CadreFilingCreate,
  CadreFilingDetail,
  CadreFilingList,
  CadreFilingListQuery,
  CadreFilingNote,
  CadreFilingReturn,
  CadreFilingsSummary,
  CadreFilingsSummaryQuery,
  CadreList,
  CadreListQuery,
  CadrePostCreate,
  CadrePostParams,
  CadrePostUpdate,
  CadreReviewCreate,
  CadreReviewDetail,
  CadreReviewList,
  CadreReviewListQuery,
  CadreReviewOpinionBody,
  CadreUpdate,
  ElectionAnalytics,
  ElectionTerms,
  ElectionsQuery,
  IdParams,
  Ok,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, ok, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './cadres.excel.js';
import * as filings from './cadres.filings.js';
import * as figures from './cadres.figures.js';
import * as posts from './cadres.posts.js';
import * as cadres from './cadres.service.js';

export const cadresRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['cadres'] });
  r.get(
    '/api/cadres/export',
    { can: 'cadres.read', summary: '导出村“两委”成员 People as Excel', query: CadreListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportCadres(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('村两委成员')),
  );

  // Filings (备案) — declared before `/api/cadres/:id` reads them as ids.
  const filing = { can: 'cadres.read', params: IdParams, response: CadreFilingDetail } as const;
  crudRoutes(
    r,
    ctx,
    {
      list: filings.listFilings,
      get: filings.getFiling,
      create: filings.createFiling,
      remove: filings.removeFiling,
      restore: filings.restoreFiling,
    },
    {
      url: '/api/cadres/filings',
      read: 'cadres.read',
      write: 'cadres.file',
      audit: 'cadre_filing',
      item: CadreFilingDetail,
      list: { summary: '村党组织书记备案 Filings', query: CadreFilingListQuery, response: CadreFilingList },
      get: '备案详情与过程 A filing with its history',
      create: { summary: '新任书记报县备案 File a new secretary', body: CadreFilingCreate },
      remove: '删除误录的备案（可恢复）Soft delete',
      restore: '恢复备案 Restore',
    },
  );
  r.post(
    '/api/cadres/filings/:id/acknowledge',
    {
      ...filing,
      can: 'cadres.acknowledge',
      audit: 'cadre_filing.acknowledge',
      summary: '确认备案 Acknowledge',
      body: CadreFilingNote,
    },
    (req) => filings.moveFiling(ctx, actorOf(req), req.params.id, 'acknowledge', req.body),
  );
  r.post(
    '/api/cadres/filings/:id/return',
    {
      ...filing,
      can: 'cadres.acknowledge',
      audit: 'cadre_filing.return',
      summary: '退回备案 Return',
      body: CadreFilingReturn,
    },
    (req) => filings.moveFiling(ctx, actorOf(req), req.params.id, 'return', req.body),
  );
  r.post(
    '/api/cadres/filings/:id/refile',
    {
      ...filing,
      can: 'cadres.file',
      audit: 'cadre_filing.refile',
      summary: '重新报备 File again',
      body: CadreFilingNote,
    },
    (req) => filings.moveFiling(ctx, actorOf(req), req.params.id, 'refile', req.body),
  );

  // Joint reviews (联审).
  const review = { can: 'cadres.review', params: IdParams, response: CadreReviewDetail } as const;
  crudRoutes(
    r,
    ctx,
    {
      list: filings.listReviews,
      get: filings.getReview,
      create: filings.createReview,
      remove: filings.removeReview,
      restore: filings.restoreReview,
    },
    {
      url: '/api/cadres/reviews',
      read: 'cadres.read',
      write: 'cadres.write',
      audit: 'cadre_review',
      item: CadreReviewDetail,
      list: { summary: '村干部人选联审 Joint reviews', query: CadreReviewListQuery, response: CadreReviewList },
      get: '联审详情：各单位意见与过程 A review with every opinion',
      create: { summary: '提请人选联审 Open a joint review', body: CadreReviewCreate },
      remove: '删除误录的联审（可恢复）Soft delete',
      restore: '恢复联审 Restore',
    },
  );
  r.post(
    '/api/cadres/reviews/:id/clear',
    { ...review, audit: 'cadre_review.clear', summary: '联审单位无异议 A unit clears', body: CadreReviewOpinionBody },
    (req) => filings.opinion(ctx, actorOf(req), req.params.id, 'clear', req.body),
  );
  r.post(
    '/api/cadres/reviews/:id/stop',
    {
      ...review,
      audit: 'cadre_review.stop',
      summary: '联审单位否决（写明原因）A unit stops',
      body: CadreReviewOpinionBody,
    },
    (req) => filings.opinion(ctx, actorOf(req), req.params.id, 'stop', req.body),
  );

  crudRoutes(r, ctx, cadres, {
    url: '/api/cadres',
    read: 'cadres.read',
    write: 'cadres.write',
    audit: 'cadres',
    item: CadreDetail,
    list: { summary: '村“两委”成员 People of the committees', query: CadreListQuery, response: CadreList },
    get: '成员详情与历届任职 A person with the posts across terms',
    create: { summary: '新增村“两委”成员 Add a person', body: CadreCreate },
    patch: { summary: '修改成员信息 Change a person', body: CadreUpdate },
    remove: '删除误录的成员（可恢复）Soft delete',
    restore: '恢复成员 Restore',
  });
  const post = { can: 'cadres.write', response: CadreDetail } as const;
  r.post(
    '/api/cadres/:id/posts',
    {
      ...post,
      audit: 'cadre_post.create',
      summary: '新增任职（某届某职务）Add a post',
      params: IdParams,
      body: CadrePostCreate,
    },
    (req) => posts.addPost(ctx, actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/api/cadres/:id/posts/:postId',
    {
      ...post,
      audit: 'cadre_post.update',
      summary: '修改任职或离任（写明原因）Change or end a post',
      params: CadrePostParams,
      body: CadrePostUpdate,
    },
    (req) => posts.updatePost(ctx, actorOf(req), req.params.id, req.params.postId, req.body),
  );
  r.delete(
    '/api/cadres/:id/posts/:postId',
    {
      can: 'cadres.write',
      audit: 'cadre_post.delete',
      summary: '删除误录的任职（可恢复）Delete a post',
      params: CadrePostParams,
      response: Ok,
    },
    (req) => ok(posts.removePost(ctx, actorOf(req), req.params.id, req.params.postId)),
  );
  r.post(
    '/api/cadres/:id/posts/:postId/restore',
    { ...post, audit: 'cadre_post.restore', summary: '恢复任职 Restore a post', params: CadrePostParams },
    (req) => posts.restorePost(ctx, actorOf(req), req.params.id, req.params.postId),
  );

  // Election analytics (换届分析).
  r.get(
    '/api/elections/analytics',
    {
      can: 'cadres.read',
      summary: '村“两委”换届分析 Election analytics of a subtree and term',
      query: ElectionsQuery,
      response: ElectionAnalytics,
    },
    (req) => figures.analytics(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/elections/analytics/export',
    { can: 'cadres.read', summary: '换届分析导出 As Excel', query: ElectionsQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.analyticsXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `村两委换届分析-${req.query.term}.xlsx`,
      ),
  );
  r.get(
    '/api/elections/terms',
    { can: 'cadres.read', summary: '有任职记录的届次 Terms with posts', response: ElectionTerms },
    (req) => figures.terms(ctx, actorOf(req)),
  );
  r.get(
    '/api/stats/cadre-filings',
    {
      can: 'cadres.read',
      summary: '书记县级备案情况 Filings of a year',
      query: CadreFilingsSummaryQuery,
      response: CadreFilingsSummary,
    },
    (req) => figures.filingsSummary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/cadre-filings/export',
    { can: 'cadres.read', summary: '书记备案情况导出 As Excel', query: CadreFilingsSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.filingsSummaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `书记备案情况-${req.query.year}.xlsx`,
      ),
  );
};
