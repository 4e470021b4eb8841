/** Member routes: list, detail, reveal, create, edit, soft delete, import and export. */
import {
  MultipartFile,
  IdParams,
  ImportReport,
  ListOf,
  Member,
  MemberCreate,
  MemberListQuery,
  MemberPatch,
  RevealBody,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, localeOf, sendXlsx, uploadedFile, type RouteModule } from '../../../platform/http.js';
import { crudRoutes } from '../../../platform/crud.js';
import { defineRoute } from '../../../platform/routes.js';
import * as members from './members.service.js';
import * as excel from './members.excel.js';

export const membersRoutes: RouteModule = (app, ctx) => {
  const tags = ['members'];
  crudRoutes(app, ctx, members, {
    url: '/api/members',
    tags,
    read: 'members.read',
    write: 'members.write',
    audit: 'member',
    item: Member,
    list: { summary: '党员查询 Search members', query: MemberListQuery, response: ListOf(Member) },
    get: '党员详情 Member detail (masked)',
    create: { summary: '新增党员 Create member', body: MemberCreate },
    patch: { summary: '修改党员信息 Edit member', body: MemberPatch },
    remove: '删除党员（可恢复）Soft delete',
    restore: '恢复党员 Restore',
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/members/import-template',
    capability: 'members.import',
    schema: { tags, summary: '导入模板 Import template (xlsx)' },
    handler: async (req, reply) => sendXlsx(reply, await excel.template(ctx, actorOf(req)), '党员名册导入模板.xlsx'),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/members/export',
    capability: 'members.export',
    schema: { tags, summary: '导出名册 Export the filtered list (xlsx, masked)', querystring: MemberListQuery },
    handler: async (req, reply) => {
      const { buffer } = await excel.exportRoster(ctx, actorOf(req), req.query, localeOf(req));
      return sendXlsx(reply, buffer, `党员名册-${new Date().toISOString().slice(0, 10)}.xlsx`);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/members/import',
    capability: 'members.import',
    audit: 'member.import',
    schema: {
      tags,
      summary:
        '导入名册 Import roster (multipart file; all or nothing; one import at a time per county: ' +
        'see /api/imports/current)',
      querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }),
      body: MultipartFile,
      response: { 200: ImportReport, 422: ImportReport },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const buffer = await uploadedFile(req, 'members.import_bad_file');
      const report = await excel.importRoster(ctx, actor, buffer, {
        dryRun: Boolean(req.query.dryRun),
        locale: localeOf(req),
      });
      return reply.code(report.ok ? 200 : 422).send(report);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/members/:id/reveal',
    capability: 'members.read',
    audit: 'member.reveal',
    schema: {
      tags,
      summary: '查看完整号码（留痕）Reveal numbers (audited)',
      params: IdParams,
      body: RevealBody,
      response: {
        200: Type.Object({
          idNumber: Type.Optional(Type.String()),
          phone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
        }),
      },
    },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return members.reveal(ctx, actorOf(req), req.params.id, req.body.fields);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/me/member',
    capability: 'self.party',
    schema: { tags, summary: '我的党员档案 My member record', response: { 200: Member } },
    handler: async (req) => members.mine(ctx, actorOf(req)),
  });
};
