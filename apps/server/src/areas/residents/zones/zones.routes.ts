/** Routes of zones (网格) and their members. Thin: the service holds the rules. */
import { Id, IdParams, ListOf, Zone, ZoneCreate, ZoneListQuery, ZoneMemberBody, ZonePatch } from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { crudRoutes } from '../../../platform/crud.js';
import { routesOf } from '../../../platform/router.js';
import * as zones from './zones.service.js';

const ZoneMemberParams = Type.Object({ id: Id(), memberId: Id() });

export const zonesRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['households'] });
  // ---- zones ----
  crudRoutes(r, ctx, zones, {
    url: '/api/zones',
    read: 'residents.read',
    write: 'residents.write',
    audit: 'zone',
    item: Zone,
    list: { summary: '党员责任区 Zones of a subtree', query: ZoneListQuery, response: ListOf(Zone) },
    get: '责任区详情 Zone',
    create: { summary: '新建责任区 Draw a zone', body: ZoneCreate },
    patch: { summary: '修改责任区 Edit a zone', body: ZonePatch },
    remove: '删除责任区（可恢复）Soft delete',
    restore: '恢复责任区 Restore',
  });
  const write = { can: 'residents.write', response: Zone } as const;
  r.post(
    '/api/zones/:id/members',
    {
      ...write,
      audit: 'zone.assign',
      summary: '分配党员到责任区 Assign a member',
      params: IdParams,
      body: ZoneMemberBody,
    },
    (req) => zones.assign(ctx, actorOf(req), req.params.id, req.body.memberId),
  );
  r.delete(
    '/api/zones/:id/members/:memberId',
    { ...write, audit: 'zone.unassign', summary: '移出责任区 Unassign a member', params: ZoneMemberParams },
    (req) => zones.unassign(ctx, actorOf(req), req.params.id, req.params.memberId),
  );
};
