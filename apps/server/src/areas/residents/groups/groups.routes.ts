/** Routes of household groups (联户组) and their coverage. Thin: the service holds the rules. */
import {
  GroupCoverage,
  HouseholdGroup,
  HouseholdGroupCreate,
  HouseholdGroupDetail,
  HouseholdGroupListQuery,
  HouseholdGroupPatch,
  HouseholdList,
  IdParams,
  ListOf,
  Ok,
  OrgPagingQuery,
  OrgScopeQuery,
} from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import * as groups from './groups.service.js';

export const groupsRoutes: RouteModule = (app, ctx) => {
  const tags = ['households'];
  // ---- household groups ----
  defineRoute(app, {
    method: 'GET',
    url: '/api/household-groups',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '联户组 Household groups of a subtree',
      querystring: HouseholdGroupListQuery,
      response: { 200: ListOf(HouseholdGroup) },
    },
    handler: async (req) => groups.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/household-groups/coverage',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '联户覆盖 Group coverage of a subtree',
      querystring: OrgScopeQuery,
      response: { 200: GroupCoverage },
    },
    handler: async (req) => groups.coverage(ctx, actorOf(req), req.query.org),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/household-groups/uncovered',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '未入组的户 Households in no group',
      querystring: OrgPagingQuery,
      response: { 200: HouseholdList },
    },
    handler: async (req) => groups.uncovered(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/household-groups/:id',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '联户组详情 Group with its households',
      params: IdParams,
      response: { 200: HouseholdGroupDetail },
    },
    handler: async (req) => groups.get(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/household-groups',
    capability: 'residents.write',
    audit: 'household_group.create',
    schema: {
      tags,
      summary: '新建联户组 Form a group',
      body: HouseholdGroupCreate,
      response: { 200: HouseholdGroupDetail },
    },
    handler: async (req) => groups.create(ctx, actorOf(req), req.body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/household-groups/:id',
    capability: 'residents.write',
    audit: 'household_group.update',
    schema: {
      tags,
      summary: '修改联户组（householdIds 替换成员户）Edit a group',
      params: IdParams,
      body: HouseholdGroupPatch,
      response: { 200: HouseholdGroupDetail },
    },
    handler: async (req) => groups.update(ctx, actorOf(req), req.params.id, req.body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/household-groups/:id',
    capability: 'residents.write',
    audit: 'household_group.delete',
    schema: { tags, summary: '删除联户组（可恢复）Soft delete', params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      await groups.remove(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/household-groups/:id/restore',
    capability: 'residents.write',
    audit: 'household_group.restore',
    schema: { tags, summary: '恢复联户组 Restore', params: IdParams, response: { 200: HouseholdGroupDetail } },
    handler: async (req) => groups.restore(ctx, actorOf(req), req.params.id),
  });
};
