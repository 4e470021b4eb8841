/** Routes of evaluations (评议) and their suggestions. Thin: the service holds the rules. */
import {
  Evaluation,
  EvaluationCreate,
  EvaluationList,
  EvaluationListQuery,
  EvaluationSuggestion,
  EvaluationSuggestQuery,
  IdParams,
  Ok,
} from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import * as evaluations from './evaluations.service.js';

export const evaluationsRoutes: RouteModule = (app, ctx) => {
  const tags = ['evaluations'];
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
