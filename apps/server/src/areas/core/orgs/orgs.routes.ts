/** Organization routes: thin, the service holds the rules and the scope. */
import {
  IdParams,
  ListOf,
  Org,
  OrgCreate,
  OrgListQuery,
  OrgMove,
  OrgNode,
  OrgPatch,
  OrgTreeQuery,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { crudRoutes } from '../../../platform/crud.js';
import { routesOf } from '../../../platform/router.js';
import * as orgs from './orgs.service.js';

export const orgsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['orgs'] });
  r.get(
    '/api/orgs/tree',
    {
      can: 'orgs.read',
      summary: '组织树（逐级加载）Org tree level',
      query: OrgTreeQuery,
      response: Type.Object({ items: Type.Array(OrgNode) }),
    },
    async (req) => ({ items: await orgs.tree(ctx, actorOf(req), req.query.parent) }),
  );
  crudRoutes(r, ctx, orgs, {
    url: '/api/orgs',
    read: 'orgs.read',
    write: 'orgs.write',
    audit: 'org',
    item: Org,
    list: { summary: '组织查询 Search orgs', query: OrgListQuery, response: ListOf(OrgNode) },
    create: { summary: '新建组织 Create org', body: OrgCreate },
    patch: { summary: '修改组织 Edit org', body: OrgPatch },
    remove: '删除组织（可恢复）Soft delete org',
    restore: '恢复组织 Restore org',
  });
  r.get('/api/orgs/:id', { can: 'orgs.read', summary: '组织详情 Org detail', params: IdParams, response: Org }, (req) =>
    orgs.get(ctx, actorOf(req), req.params.id, { includeDeleted: true }),
  );
  r.post(
    '/api/orgs/:id/move',
    {
      can: 'orgs.write',
      audit: 'org.move',
      summary: '调整隶属关系 Move org',
      params: IdParams,
      body: OrgMove,
      response: Org,
    },
    (req) => orgs.move(ctx, actorOf(req), req.params.id, req.body.parentId),
  );
  r.get('/api/me/org', { can: 'orgs.read', summary: '我的组织 My organization', response: Org }, async (req) => {
    const actor = actorOf(req);
    return orgs.get(ctx, actor, actor.orgId ?? 0);
  });
};
