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
import { defineRoute } from '../../../platform/routes.js';
import * as errands from './errands.service.js';

export const errandsRoutes: RouteModule = (app, ctx) => {
  const etags = ['errands'];
  defineRoute(app, {
    method: 'GET',
    url: '/api/errands',
    capability: ['residents.read', 'residents.claim'],
    schema: { tags: etags, summary: '代办事项 Errands', querystring: ErrandListQuery, response: { 200: ErrandList } },
    handler: async (req) => errands.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/errands/:id',
    capability: ['residents.read', 'residents.claim'],
    schema: {
      tags: etags,
      summary: '代办详情 Errand with its steps',
      params: IdParams,
      response: { 200: ErrandDetail },
    },
    handler: async (req) => errands.get(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/errands',
    capability: ['residents.write', 'residents.claim'],
    audit: 'errand.create',
    schema: { tags: etags, summary: '承接代办 Take an errand', body: ErrandCreate, response: { 200: ErrandDetail } },
    handler: async (req) => errands.create(ctx, actorOf(req), req.body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/errands/:id/steps',
    capability: ['residents.write', 'residents.claim'],
    audit: 'errand.step',
    schema: {
      tags: etags,
      summary: '记录办理过程 Record a step',
      params: IdParams,
      body: ErrandNoteBody,
      response: { 200: ErrandDetail },
    },
    handler: async (req) => errands.step(ctx, actorOf(req), req.params.id, req.body.note),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/errands/:id/done',
    capability: ['residents.write', 'residents.claim'],
    audit: 'errand.done',
    schema: {
      tags: etags,
      summary: '办结 Done',
      params: IdParams,
      body: ErrandResultBody,
      response: { 200: ErrandDetail },
    },
    handler: async (req) => errands.finish(ctx, actorOf(req), req.params.id, 'done', req.body.result),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/errands/:id/cancel',
    capability: ['residents.write', 'residents.claim'],
    audit: 'errand.cancel',
    schema: {
      tags: etags,
      summary: '取消 Cancel',
      params: IdParams,
      body: ErrandNoteBody,
      response: { 200: ErrandDetail },
    },
    handler: async (req) => errands.finish(ctx, actorOf(req), req.params.id, 'cancelled', req.body.note),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/errands/:id',
    capability: 'residents.write',
    audit: 'errand.delete',
    schema: { tags: etags, summary: '删除代办（可恢复）Soft delete', params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      await errands.remove(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/errands/:id/restore',
    capability: 'residents.write',
    audit: 'errand.restore',
    schema: { tags: etags, summary: '恢复代办 Restore', params: IdParams, response: { 200: ErrandDetail } },
    handler: async (req) => errands.restore(ctx, actorOf(req), req.params.id),
  });
};
