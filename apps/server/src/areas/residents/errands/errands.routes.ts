/** Routes of proxy errands (代办). Thin: the service holds the rules. */
import {
  ErrandCreate,
  ErrandDetail,
  ErrandList,
  ErrandListQuery,
  ErrandNoteBody,
  ErrandResultBody,
  IdParams,
  Ok,
} from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { ok, routesOf } from '../../../platform/router.js';
import * as errands from './errands.service.js';

export const errandsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['errands'] });
  const read = ['residents.read', 'residents.claim'] as const;
  r.get(
    '/api/errands',
    { can: read, summary: '代办事项 Errands', query: ErrandListQuery, response: ErrandList },
    (req) => errands.list(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/errands/:id',
    { can: read, summary: '代办详情 Errand with its steps', params: IdParams, response: ErrandDetail },
    (req) => errands.get(ctx, actorOf(req), req.params.id),
  );
  const take = { can: ['residents.write', 'residents.claim'], response: ErrandDetail } as const;
  r.post(
    '/api/errands',
    { ...take, audit: 'errand.create', summary: '承接代办 Take an errand', body: ErrandCreate },
    (req) => errands.create(ctx, actorOf(req), req.body),
  );
  const act = { ...take, params: IdParams } as const;
  r.post(
    '/api/errands/:id/steps',
    { ...act, audit: 'errand.step', summary: '记录办理过程 Record a step', body: ErrandNoteBody },
    (req) => errands.step(ctx, actorOf(req), req.params.id, req.body.note),
  );
  r.post(
    '/api/errands/:id/done',
    { ...act, audit: 'errand.done', summary: '办结 Done', body: ErrandResultBody },
    (req) => errands.finish(ctx, actorOf(req), req.params.id, 'done', req.body.result),
  );
  r.post(
    '/api/errands/:id/cancel',
    { ...act, audit: 'errand.cancel', summary: '取消 Cancel', body: ErrandNoteBody },
    (req) => errands.finish(ctx, actorOf(req), req.params.id, 'cancelled', req.body.note),
  );
  const write = { can: 'residents.write', params: IdParams } as const;
  r.delete(
    '/api/errands/:id',
    { ...write, audit: 'errand.delete', summary: '删除代办（可恢复）Soft delete', response: Ok },
    (req) => ok(errands.remove(ctx, actorOf(req), req.params.id)),
  );
  r.post(
    '/api/errands/:id/restore',
    { ...write, audit: 'errand.restore', summary: '恢复代办 Restore', response: ErrandDetail },
    (req) => errands.restore(ctx, actorOf(req), req.params.id),
  );
};
