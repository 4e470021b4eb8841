/** Routes of household groups (联户组) and their coverage. Thin: the service holds the rules. */
import {
  GroupCoverage,
  HouseholdGroup,
  HouseholdGroupCreate,
  HouseholdGroupDetail,
  HouseholdGroupListQuery,
  HouseholdGroupPatch,
  HouseholdList,
  ListOf,
  OrgPagingQuery,
  OrgScopeQuery,
} from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { crudRoutes } from '../../../platform/crud.js';
import { routesOf } from '../../../platform/router.js';
import * as groups from './groups.service.js';

export const groupsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['households'] });
  // ---- household groups ----
  crudRoutes(r, ctx, groups, {
    url: '/api/household-groups',
    read: 'residents.read',
    write: 'residents.write',
    audit: 'household_group',
    item: HouseholdGroupDetail,
    list: {
      summary: '联户组 Household groups of a subtree',
      query: HouseholdGroupListQuery,
      response: ListOf(HouseholdGroup),
    },
    get: '联户组详情 Group with its households',
    create: { summary: '新建联户组 Form a group', body: HouseholdGroupCreate },
    patch: { summary: '修改联户组（householdIds 替换成员户）Edit a group', body: HouseholdGroupPatch },
    remove: '删除联户组（可恢复）Soft delete',
    restore: '恢复联户组 Restore',
  });
  r.get(
    '/api/household-groups/coverage',
    {
      can: 'residents.read',
      summary: '联户覆盖 Group coverage of a subtree',
      query: OrgScopeQuery,
      response: GroupCoverage,
    },
    (req) => groups.coverage(ctx, actorOf(req), req.query.org),
  );
  r.get(
    '/api/household-groups/uncovered',
    {
      can: 'residents.read',
      summary: '未入组的户 Households in no group',
      query: OrgPagingQuery,
      response: HouseholdList,
    },
    (req) => groups.uncovered(ctx, actorOf(req), req.query),
  );
};
