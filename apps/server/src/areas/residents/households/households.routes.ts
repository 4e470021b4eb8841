/** Routes of households and their residents (with import, export and reveal). Thin: the services hold the rules. */
import {
  MultipartFile,
  HouseholdCreate,
  HouseholdDetail,
  HouseholdList,
  HouseholdListQuery,
  HouseholdPatch,
  IdParams,
  ImportReport,
  Ok,
  Resident,
  ResidentCreate,
  ResidentPatch,
  RevealBody,
  RevealedNumbers,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, localeOf, sendXlsx, uploadedFile, type RouteModule } from '../../../platform/http.js';
import { crudRoutes } from '../../../platform/crud.js';
import { defineRoute } from '../../../platform/routes.js';
import * as households from './households.service.js';
import * as excel from './households.excel.js';

export const householdsRoutes: RouteModule = (app, ctx) => {
  const tags = ['households'];
  // ---- households ----
  crudRoutes(app, ctx, households, {
    url: '/api/households',
    tags,
    read: 'residents.read',
    write: 'residents.write',
    audit: 'household',
    item: HouseholdDetail,
    list: { summary: '户籍查询 Households of a subtree', query: HouseholdListQuery, response: HouseholdList },
    get: '户详情 Household with residents, pairings, visits',
    create: { summary: '新增户 Create a household', body: HouseholdCreate },
    patch: { summary: '修改户 Edit a household', body: HouseholdPatch },
    remove: '删除户（可恢复）Soft delete',
    restore: '恢复户 Restore',
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
};
