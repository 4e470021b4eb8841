/** Routes of pairings (结对帮扶) and their gaps. Thin: the service holds the rules. */
import {
  IdParams,
  ListOf,
  Ok,
  OrgScopeQuery,
  Pairing,
  PairingCreate,
  PairingEnd,
  PairingGaps,
  PairingListQuery,
} from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import * as pairings from './pairings.service.js';

export const pairingsRoutes: RouteModule = (app, ctx) => {
  const tags = ['households'];
  // ---- pairings ----
  defineRoute(app, {
    method: 'GET',
    url: '/api/pairings',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '结对帮扶 Pairings of a subtree',
      querystring: PairingListQuery,
      response: { 200: ListOf(Pairing) },
    },
    handler: async (req) => pairings.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/pairings/gaps',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '结对缺口 Unpaired poor households, cadres over or under load',
      querystring: OrgScopeQuery,
      response: { 200: PairingGaps },
    },
    handler: async (req) => pairings.gaps(ctx, actorOf(req), req.query.org),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/pairings',
    capability: 'residents.write',
    audit: 'pairing.create',
    schema: {
      tags,
      summary: '结对 Pair a cadre with a poor household',
      body: PairingCreate,
      response: { 200: Pairing },
    },
    handler: async (req) => pairings.create(ctx, actorOf(req), req.body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/pairings/:id/end',
    capability: 'residents.write',
    audit: 'pairing.end',
    schema: {
      tags,
      summary: '结束结对 End a pairing',
      params: IdParams,
      body: PairingEnd,
      response: { 200: Pairing },
    },
    handler: async (req) => pairings.end(ctx, actorOf(req), req.params.id, req.body.endedOn),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/pairings/:id',
    capability: 'residents.write',
    audit: 'pairing.delete',
    schema: { tags, summary: '删除结对（可恢复）Soft delete', params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      await pairings.remove(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/pairings/:id/restore',
    capability: 'residents.write',
    audit: 'pairing.restore',
    schema: { tags, summary: '恢复结对 Restore', params: IdParams, response: { 200: Pairing } },
    handler: async (req) => pairings.restore(ctx, actorOf(req), req.params.id),
  });
};
