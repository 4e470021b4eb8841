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
import { routesOf } from '../../../platform/router.js';
import * as evaluations from './evaluations.service.js';

export const evaluationsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['evaluations'] });
  crudRoutes(r, ctx, evaluations, {
    url: '/api/evaluations',
    read: 'residents.read',
    audit: 'evaluation',
    item: Evaluation,
    list: { summary: '三评记录 Evaluations of a subtree', query: EvaluationListQuery, response: EvaluationList },
    create: { summary: '录入评价 Record an evaluation', body: EvaluationCreate },
    remove: '删除评价（可恢复）Soft delete',
    restore: '恢复评价 Restore',
  });
  r.get(
    '/api/evaluations/suggest',
    {
      can: 'residents.read',
      summary: '按办结诉求统计群众评价 Ratings of the requests closed in the period',
      query: EvaluationSuggestQuery,
      response: EvaluationSuggestion,
    },
    (req) => evaluations.suggest(ctx, actorOf(req), req.query),
  );
};
