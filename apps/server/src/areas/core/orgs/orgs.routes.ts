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
  Ok,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import * as orgs from './orgs.service.js';

export const orgsRoutes: RouteModule = (app, ctx) => {
  const tags = ['orgs'];
  app.get(
    '/api/orgs/tree',
    {
      schema: {
        tags,
        summary: '组织树（逐级加载）Org tree level',
        querystring: OrgTreeQuery,
        response: { 200: Type.Object({ items: Type.Array(OrgNode) }) },
      },
    },
    async (req) => ({
      items: await orgs.tree(ctx, actorOf(req), req.query.parent),
    }),
  );
  app.get(
    '/api/orgs',
    {
      schema: { tags, summary: '组织查询 Search orgs', querystring: OrgListQuery, response: { 200: ListOf(OrgNode) } },
    },
    async (req) => orgs.list(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/orgs/:id',
    { schema: { tags, summary: '组织详情 Org detail', params: IdParams, response: { 200: Org } } },
    async (req) => orgs.get(ctx, actorOf(req), req.params.id, { includeDeleted: true }),
  );
  app.post(
    '/api/orgs',
    {
      schema: { tags, summary: '新建组织 Create org', body: OrgCreate, response: { 200: Org } },
      config: { auditAction: 'org.create' },
    },
    async (req) => orgs.create(ctx, actorOf(req), req.body),
  );
  app.patch(
    '/api/orgs/:id',
    {
      schema: { tags, summary: '修改组织 Edit org', params: IdParams, body: OrgPatch, response: { 200: Org } },
      config: { auditAction: 'org.update' },
    },
    async (req) => orgs.update(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/orgs/:id/move',
    {
      schema: { tags, summary: '调整隶属关系 Move org', params: IdParams, body: OrgMove, response: { 200: Org } },
      config: { auditAction: 'org.move' },
    },
    async (req) => orgs.move(ctx, actorOf(req), req.params.id, req.body.parentId),
  );
  app.delete(
    '/api/orgs/:id',
    {
      schema: { tags, summary: '删除组织（可恢复）Soft delete org', params: IdParams, response: { 200: Ok } },
      config: { auditAction: 'org.delete' },
    },
    async (req) => {
      await orgs.remove(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  );
  app.post(
    '/api/orgs/:id/restore',
    {
      schema: { tags, summary: '恢复组织 Restore org', params: IdParams, response: { 200: Org } },
      config: { auditAction: 'org.restore' },
    },
    async (req) => orgs.restore(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/me/org',
    { schema: { tags, summary: '我的组织 My organization', response: { 200: Org } } },
    async (req) => {
      const actor = actorOf(req);
      return orgs.get(ctx, actor, actor.orgId ?? 0);
    },
  );
};
