/** Routes of pairings (结对帮扶) and their gaps. Thin: the service holds the rules. */
import {
  IdParams,
  ListOf,
  OrgScopeQuery,
  Pairing,
  PairingCreate,
  PairingEnd,
  PairingGaps,
  PairingListQuery,
} from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { crudRoutes } from '../../../platform/crud.js';
import { routesOf } from '../../../platform/router.js';
import * as pairings from './pairings.service.js';

export const pairingsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['households'] });
  // ---- pairings ----
  crudRoutes(r, ctx, pairings, {
    url: '/api/pairings',
    read: 'residents.read',
    write: 'residents.write',
    audit: 'pairing',
    item: Pairing,
    list: { summary: '结对帮扶 Pairings of a subtree', query: PairingListQuery, response: ListOf(Pairing) },
    create: { summary: '结对 Pair a cadre with a poor household', body: PairingCreate },
    remove: '删除结对（可恢复）Soft delete',
    restore: '恢复结对 Restore',
  });
  r.get(
    '/api/pairings/gaps',
    {
      can: 'residents.read',
      summary: '结对缺口 Unpaired poor households, cadres over or under load',
      query: OrgScopeQuery,
      response: PairingGaps,
    },
    (req) => pairings.gaps(ctx, actorOf(req), req.query.org),
  );
  r.post(
    '/api/pairings/:id/end',
    {
      can: 'residents.write',
      audit: 'pairing.end',
      summary: '结束结对 End a pairing',
      params: IdParams,
      body: PairingEnd,
      response: Pairing,
    },
    (req) => pairings.end(ctx, actorOf(req), req.params.id, req.body.endedOn),
  );
};
