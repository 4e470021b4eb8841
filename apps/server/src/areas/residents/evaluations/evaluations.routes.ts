/** Routes of evaluations (评议) and their suggestions. Thin: the service holds the rules. */
import {
  Evaluation,
  EvaluationCreate,
  EvaluationList,
  EvaluationListQuery,
  EvaluationSuggestion,
  EvaluationSuggestQuery,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import * as evaluations from './evaluations.service.js';

export const evaluationsRoutes: RouteModule = (app, ctx) => {
  const tags = ['evaluations'];
  crudRoutes(app, ctx, evaluations, {
    url: '/api/evaluations',
    tags,
    read: 'residents.read',
    audit: 'evaluation',
    item: Evaluation,
    list: { summary: '三评记录 Evaluations of a subtree', query: EvaluationListQuery, response: EvaluationList },
    create: { summary: '录入评价 Record an evaluation', body: EvaluationCreate },
    remove: '删除评价（可恢复）Soft delete',
    restore: '恢复评价 Restore',
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
};
