/** Routes of households and residents, household groups, pairings and zones. Thin: the services hold the rules. */
import {
  Id,
  MultipartFile,
  GroupCoverage,
  HouseholdCreate,
  HouseholdDetail,
  HouseholdGroup,
  HouseholdGroupCreate,
  HouseholdGroupDetail,
  HouseholdGroupListQuery,
  HouseholdGroupPatch,
  HouseholdList,
  HouseholdListQuery,
  HouseholdPatch,
  IdParams,
  ImportReport,
  ListOf,
  Ok,
  OrgPagingQuery,
  OrgScopeQuery,
  Pairing,
  PairingCreate,
  PairingEnd,
  PairingGaps,
  PairingListQuery,
  Resident,
  ResidentCreate,
  ResidentPatch,
  RevealBody,
  RevealedNumbers,
  Zone,
  ZoneCreate,
  ZoneListQuery,
  ZoneMemberBody,
  ZonePatch,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, localeOf, sendXlsx, uploadedFile, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import * as households from './households.service.js';
import * as excel from './households.excel.js';
import * as groups from '../groups/groups.service.js';
import * as pairings from '../pairings/pairings.service.js';
import * as zones from '../zones/zones.service.js';

export const householdsRoutes: RouteModule = (app, ctx) => {
  const tags = ['households'];
  // ---- households ----
  defineRoute(app, {
    method: 'GET',
    url: '/api/households',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '户籍查询 Households of a subtree',
      querystring: HouseholdListQuery,
      response: { 200: HouseholdList },
    },
    handler: async (req) => households.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/households/template',
    capability: 'residents.import',
    schema: { tags, summary: '户籍导入模板 Import template (xlsx)' },
    handler: async (req, reply) => sendXlsx(reply, await excel.template(ctx, actorOf(req)), '户籍导入模板.xlsx'),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/households/export',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '导出户籍（号码脱敏）Export, one row per resident (xlsx, masked)',
      querystring: HouseholdListQuery,
    },
    handler: async (req, reply) => {
      const { buffer } = await excel.exportHouseholds(ctx, actorOf(req), req.query, localeOf(req));
      return sendXlsx(reply, buffer, `户籍-${new Date().toISOString().slice(0, 10)}.xlsx`);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/households/import',
    capability: 'residents.import',
    audit: 'household.import',
    schema: {
      tags,
      summary: '导入户籍 Import (multipart file; one row per resident; all or nothing)',
      querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }),
      body: MultipartFile,
      response: { 200: ImportReport, 422: ImportReport },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const buffer = await uploadedFile(req, 'residents.import_bad_file');
      const report = await excel.importHouseholds(ctx, actor, buffer, {
        dryRun: Boolean(req.query.dryRun),
        locale: localeOf(req),
      });
      return reply.code(report.ok ? 200 : 422).send(report);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/households/:id',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '户详情 Household with residents, pairings, visits',
      params: IdParams,
      response: { 200: HouseholdDetail },
    },
    handler: async (req) => households.get(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/households',
    capability: 'residents.write',
    audit: 'household.create',
    schema: { tags, summary: '新增户 Create a household', body: HouseholdCreate, response: { 200: HouseholdDetail } },
    handler: async (req) => households.create(ctx, actorOf(req), req.body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/households/:id',
    capability: 'residents.write',
    audit: 'household.update',
    schema: {
      tags,
      summary: '修改户 Edit a household',
      params: IdParams,
      body: HouseholdPatch,
      response: { 200: HouseholdDetail },
    },
    handler: async (req) => households.update(ctx, actorOf(req), req.params.id, req.body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/households/:id',
    capability: 'residents.write',
    audit: 'household.delete',
    schema: { tags, summary: '删除户（可恢复）Soft delete', params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      await households.remove(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/households/:id/restore',
    capability: 'residents.write',
    audit: 'household.restore',
    schema: { tags, summary: '恢复户 Restore', params: IdParams, response: { 200: HouseholdDetail } },
    handler: async (req) => households.restore(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/households/:id/reveal',
    capability: 'residents.reveal',
    audit: 'household.reveal',
    schema: {
      tags,
      summary: '查看户联系电话（留痕）Reveal the phone (audited)',
      params: IdParams,
      body: RevealBody,
      response: { 200: RevealedNumbers },
    },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return households.revealHousehold(ctx, actorOf(req), req.params.id, req.body.fields);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/households/:id/residents',
    capability: 'residents.write',
    audit: 'resident.create',
    schema: {
      tags,
      summary: '添加家庭成员 Add a resident',
      params: IdParams,
      body: ResidentCreate,
      response: { 200: Resident },
    },
    handler: async (req) => households.addResident(ctx, actorOf(req), req.params.id, req.body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/residents/:id',
    capability: 'residents.write',
    audit: 'resident.update',
    schema: {
      tags,
      summary: '修改家庭成员 Edit a resident',
      params: IdParams,
      body: ResidentPatch,
      response: { 200: Resident },
    },
    handler: async (req) => households.updateResident(ctx, actorOf(req), req.params.id, req.body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/residents/:id',
    capability: 'residents.write',
    audit: 'resident.delete',
    schema: { tags, summary: '移除家庭成员 Remove a resident', params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      await households.removeResident(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/residents/:id/reveal',
    capability: 'residents.reveal',
    audit: 'resident.reveal',
    schema: {
      tags,
      summary: '查看居民完整号码（留痕）Reveal numbers (audited)',
      params: IdParams,
      body: RevealBody,
      response: { 200: RevealedNumbers },
    },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return households.revealResident(ctx, actorOf(req), req.params.id, req.body.fields);
    },
  });

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
