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
import { defineRoute } from '../../../platform/routes.js';
import * as orgs from './orgs.service.js';

export const orgsRoutes: RouteModule = (app, ctx) => {
  const tags = ['orgs'];
  defineRoute(app, {
    method: 'GET',
    url: '/api/orgs/tree',
    capability: 'orgs.read',
    schema: {
      tags,
      summary: '组织树（逐级加载）Org tree level',
      querystring: OrgTreeQuery,
      response: { 200: Type.Object({ items: Type.Array(OrgNode) }) },
    },
    handler: async (req) => ({
      items: await orgs.tree(ctx, actorOf(req), req.query.parent),
    }),
  });
  crudRoutes(app, ctx, orgs, {
    url: '/api/orgs',
    tags,
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
  defineRoute(app, {
    method: 'GET',
    url: '/api/orgs/:id',
    capability: 'orgs.read',
    schema: { tags, summary: '组织详情 Org detail', params: IdParams, response: { 200: Org } },
    handler: async (req) => orgs.get(ctx, actorOf(req), req.params.id, { includeDeleted: true }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/orgs/:id/move',
    capability: 'orgs.write',
    audit: 'org.move',
    schema: { tags, summary: '调整隶属关系 Move org', params: IdParams, body: OrgMove, response: { 200: Org } },
    handler: async (req) => orgs.move(ctx, actorOf(req), req.params.id, req.body.parentId),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/me/org',
    capability: 'orgs.read',
    schema: { tags, summary: '我的组织 My organization', response: { 200: Org } },
    handler: async (req) => {
      const actor = actorOf(req);
      return orgs.get(ctx, actor, actor.orgId ?? 0);
    },
  });
};
