/** Routes of members away (流动党员) and out of contact (失联). Thin: the service holds the rules. */
import {
  IdParams,
  MemberMobility,
  MobilityCreate,
  MobilityDetail,
  MobilityList,
  MobilityListQuery,
  MobilityMove,
  MobilityPatch,
  MobilityStates,
  OrgScopeQuery,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import { exportRecords } from './mobility.excel.js';
import { states, statesXlsx } from './mobility.figures.js';
import * as mobility from './mobility.service.js';

export const mobilityRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['mobility'] });
  r.get(
    '/api/mobility/export',
    { can: 'mobility.read', summary: '导出流动和失联党员 Members away as Excel', query: MobilityListQuery },
    (req, reply) =>
      sendWorkbook(reply, exportRecords(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('流动党员')),
  );
  r.get(
    '/api/mobility/states',
    {
      can: 'mobility.read',
      summary: '流动和失联党员统计 Members away and out of contact by organization',
      query: OrgScopeQuery,
      response: MobilityStates,
    },
    (req) => states(ctx, actorOf(req), req.query.org),
  );
  r.get(
    '/api/mobility/states/export',
    { can: 'mobility.read', summary: '导出流动和失联党员统计 The figure as Excel', query: OrgScopeQuery },
    (req, reply) =>
      sendWorkbook(reply, statesXlsx(ctx, actorOf(req), req.query.org, localeOf(req)), datedXlsx('流动党员统计')),
  );
  crudRoutes(r, ctx, mobility, {
    url: '/api/mobility',
    read: 'mobility.read',
    write: 'mobility.write',
    audit: 'mobility',
    item: MobilityDetail,
    list: {
      summary: '流动和失联党员 Members away and out of contact',
      query: MobilityListQuery,
      response: MobilityList,
    },
    get: '流动（失联）登记详情 A record with its timeline',
    patch: { summary: '修改外出信息 Update where the member is', body: MobilityPatch },
    remove: '删除登记（可恢复）Soft delete',
    restore: '恢复登记 Restore',
  });
  r.post(
    '/api/mobility',
    {
      can: 'mobility.write',
      audit: 'mobility.depart',
      summary: '登记外出或失联 Record a member leaving or out of contact',
      body: MobilityCreate,
      response: MobilityDetail,
    },
    (req) => mobility.create(ctx, actorOf(req), req.body),
  );
  const moves = [
    ['lose', 'lose_contact', '失去联系 Lost contact'],
    ['regain', 'regain', '恢复联系 Contact regained'],
    ['return', 'return', '登记返回 Back home'],
  ] as const;
  for (const [path, action, summary] of moves)
    r.post(
      `/api/mobility/:id/${path}`,
      {
        can: 'mobility.write',
        audit: `mobility.${action}`,
        summary,
        params: IdParams,
        body: MobilityMove,
        response: MobilityDetail,
      },
      (req) => mobility.move(ctx, actorOf(req), req.params.id, action, req.body),
    );
  r.get(
    '/api/members/:id/mobility',
    {
      can: 'mobility.read',
      summary: '党员的流动和失联记录 A member’s state and history',
      params: IdParams,
      response: MemberMobility,
    },
    (req) => mobility.ofMember(ctx, actorOf(req), req.params.id),
  );
};
