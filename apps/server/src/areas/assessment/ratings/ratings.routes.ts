/** Routes of star ratings (`/api/ratings/schemes`, `/api/ratings`, the figures). Thin: the services hold the rules. */
import {
  IdParams,
  RatingAnswer,
  RatingAssess,
  RatingComputeQuery,
  RatingComputeResult,
  RatingCreate,
  RatingDetail,
  RatingList,
  RatingListQuery,
  RatingNote,
  RatingObject,
  RatingScheme,
  RatingSchemeCreate,
  RatingSchemeFromTemplate,
  RatingSchemeList,
  RatingSchemeListQuery,
  RatingSchemeNewVersion,
  RatingSchemeUpdate,
  RatingSelfScore,
  RatingTarget,
  RatingTargetList,
  RatingTargetSet,
  RatingTemplateList,
  CadreAssessmentsSummary,
  RatingsSummary,
  RatingsSummaryQuery,
  RatingsTargetProgress,
  RatingsTargetQuery,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './ratings.excel.js';
import * as figures from './ratings.figures.js';
import * as moves from './ratings.moves.js';
import * as schemes from './ratings.schemes.js';
import * as results from './ratings.service.js';
import * as targets from './ratings.targets.js';

export const ratingsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['ratings'] });
  // Schemes: the county defines them; everyone of the county reads those above and below it.
  r.get(
    '/api/ratings/templates',
    { can: 'ratings.read', summary: '考评方案模板 Templates', response: RatingTemplateList },
    (req) => schemes.templates(actorOf(req)),
  );
  r.post(
    '/api/ratings/schemes/from-template',
    {
      can: 'ratings.schemes',
      audit: 'rating_scheme.copy',
      summary: '由模板新建考评方案（县委）Copy a template into a year',
      body: RatingSchemeFromTemplate,
      response: RatingScheme,
    },
    (req) => schemes.fromTemplate(ctx, actorOf(req), req.body),
  );
  crudRoutes(r, ctx, schemes, {
    url: '/api/ratings/schemes',
    read: 'ratings.read',
    write: 'ratings.schemes',
    audit: 'rating_scheme',
    item: RatingScheme,
    list: { summary: '考评方案 Rating schemes', query: RatingSchemeListQuery, response: RatingSchemeList },
    get: '考评方案：指标体系与评星标准 A scheme with its indicators and thresholds',
    create: { summary: '新建考评方案（县委）Define a scheme', body: RatingSchemeCreate },
    patch: { summary: '修改考评方案（草稿）Change a draft scheme', body: RatingSchemeUpdate },
    remove: '删除误建的考评方案（可恢复）Soft delete',
    restore: '恢复考评方案 Restore',
  });
  r.post(
    '/api/ratings/schemes/:id/publish',
    {
      can: 'ratings.schemes',
      audit: 'rating_scheme.publish',
      summary: '发布考评方案（发布后不能修改）Publish (frozen from now on)',
      params: IdParams,
      response: RatingScheme,
    },
    (req) => schemes.publish(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/ratings/schemes/:id/versions',
    {
      can: 'ratings.schemes',
      audit: 'rating_scheme.version',
      summary: '另建新版本（可改年度）New version of a scheme',
      params: IdParams,
      body: RatingSchemeNewVersion,
      response: RatingScheme,
    },
    (req) => schemes.newVersion(ctx, actorOf(req), req.params.id, req.body.year),
  );
  // Targets.
  r.get(
    '/api/ratings/targets',
    { can: 'ratings.read', summary: '星级评定多年目标 Multi-year targets', response: RatingTargetList },
    (req) => targets.list(ctx, actorOf(req)),
  );
  r.put(
    '/api/ratings/targets',
    {
      can: 'ratings.schemes',
      audit: 'rating_target.set',
      summary: '设定多年目标（县委）Set a target',
      body: RatingTargetSet,
      response: RatingTarget,
    },
    (req) => targets.set(ctx, actorOf(req), req.body),
  );
  // Results.
  r.get(
    '/api/ratings/export',
    { can: 'ratings.read', summary: '导出星级评定结果 Results as Excel', query: RatingListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportRatings(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('星级评定结果')),
  );
  r.post(
    '/api/ratings/compute',
    {
      can: 'ratings.score',
      audit: 'rating.compute',
      summary: '批量计算辖区各支部星级 Compute the stars of every branch of a subtree',
      query: RatingComputeQuery,
      response: RatingComputeResult,
    },
    (req) => results.compute(ctx, actorOf(req), req.query),
  );
  crudRoutes(r, ctx, results, {
    url: '/api/ratings',
    read: 'ratings.read',
    write: 'ratings.score',
    audit: 'rating',
    item: RatingDetail,
    list: { summary: '星级评定（考核）结果 Results', query: RatingListQuery, response: RatingList },
    get: '评定结果：指标得分、异议与过程 A result with its scores and history',
    create: { summary: '启动评定（党组织或干部）Start a rating', body: RatingCreate },
    remove: '删除误建的评定（可恢复）Soft delete',
    restore: '恢复评定 Restore',
  });
  const act = { params: IdParams, response: RatingDetail } as const;
  r.post(
    '/api/ratings/:id/self-score',
    { ...act, can: 'ratings.self', audit: 'rating.self_score', summary: '提交自评 Self-score', body: RatingSelfScore },
    (req) => moves.selfScore(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/ratings/:id/score',
    { ...act, can: 'ratings.score', audit: 'rating.score', summary: '考评打分 Score', body: RatingAssess },
    (req) => moves.score(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/ratings/:id/publish',
    { ...act, can: 'ratings.score', audit: 'rating.publish', summary: '公示 Publish for objections', body: RatingNote },
    (req) => moves.publish(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/ratings/:id/objections',
    { ...act, can: 'ratings.object', audit: 'rating.object', summary: '提出异议 Object', body: RatingObject },
    (req) => moves.object(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/ratings/:id/answer',
    {
      ...act,
      can: 'ratings.score',
      audit: 'rating.answer',
      summary: '答复异议 Answer an objection',
      body: RatingAnswer,
    },
    (req) => moves.answer(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/ratings/:id/finalize',
    { ...act, can: 'ratings.score', audit: 'rating.finalize', summary: '确定结果 Make final', body: RatingNote },
    (req) => moves.finalize(ctx, actorOf(req), req.params.id),
  );
  // Figures.
  r.get(
    '/api/stats/ratings',
    {
      can: 'ratings.read',
      summary: '星级评定情况 Stars per level, commended, reminded',
      query: RatingsSummaryQuery,
      response: RatingsSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/ratings/export',
    { can: 'ratings.read', summary: '星级评定情况导出 As Excel', query: RatingsSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `星级评定情况-${req.query.year}.xlsx`,
      ),
  );
  r.get(
    '/api/stats/ratings/target',
    {
      can: 'ratings.read',
      summary: '星级评定多年目标进度 Progress to the target',
      query: RatingsTargetQuery,
      response: RatingsTargetProgress,
    },
    (req) => figures.target(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/cadre-assessments',
    {
      can: 'ratings.read',
      summary: '村干部考核等次情况 Cadre assessments per grade',
      query: RatingsSummaryQuery,
      response: CadreAssessmentsSummary,
    },
    (req) => figures.cadreSummary(ctx, actorOf(req), req.query),
  );
};
