/** Routes of zones (网格) and their members. Thin: the service holds the rules. */
import {
  Id,
  IdParams,
  ListOf,
  Ok,
  Zone,
  ZoneCreate,
  ZoneListQuery,
  ZoneMemberBody,
  ZonePatch,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import * as zones from './zones.service.js';

export const zonesRoutes: RouteModule = (app, ctx) => {
  const tags = ['households'];
  // ---- zones ----
  defineRoute(app, {
    method: 'GET',
    url: '/api/zones',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '党员责任区 Zones of a subtree',
      querystring: ZoneListQuery,
      response: { 200: ListOf(Zone) },
    },
    handler: async (req) => zones.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/zones/:id',
    capability: 'residents.read',
    schema: { tags, summary: '责任区详情 Zone', params: IdParams, response: { 200: Zone } },
    handler: async (req) => zones.get(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/zones',
    capability: 'residents.write',
    audit: 'zone.create',
    schema: { tags, summary: '新建责任区 Draw a zone', body: ZoneCreate, response: { 200: Zone } },
    handler: async (req) => zones.create(ctx, actorOf(req), req.body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/zones/:id',
    capability: 'residents.write',
    audit: 'zone.update',
    schema: { tags, summary: '修改责任区 Edit a zone', params: IdParams, body: ZonePatch, response: { 200: Zone } },
    handler: async (req) => zones.update(ctx, actorOf(req), req.params.id, req.body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/zones/:id',
    capability: 'residents.write',
    audit: 'zone.delete',
    schema: { tags, summary: '删除责任区（可恢复）Soft delete', params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      await zones.remove(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/zones/:id/restore',
    capability: 'residents.write',
    audit: 'zone.restore',
    schema: { tags, summary: '恢复责任区 Restore', params: IdParams, response: { 200: Zone } },
    handler: async (req) => zones.restore(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/zones/:id/members',
    capability: 'residents.write',
    audit: 'zone.assign',
    schema: {
      tags,
      summary: '分配党员到责任区 Assign a member',
      params: IdParams,
      body: ZoneMemberBody,
      response: { 200: Zone },
    },
    handler: async (req) => zones.assign(ctx, actorOf(req), req.params.id, req.body.memberId),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/zones/:id/members/:memberId',
    capability: 'residents.write',
    audit: 'zone.unassign',
    schema: {
      tags,
      summary: '移出责任区 Unassign a member',
      params: Type.Object({ id: Id(), memberId: Id() }),
      response: { 200: Zone },
    },
    handler: async (req) => zones.unassign(ctx, actorOf(req), req.params.id, req.params.memberId),
  });
};
