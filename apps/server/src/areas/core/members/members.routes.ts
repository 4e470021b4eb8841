/** Member routes: list, detail, reveal, create, edit, soft delete, import and export. */
import { ListOf, Member, MemberCreate, MemberListQuery, MemberPatch } from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { crudRoutes } from '../../../platform/crud.js';
import {
  datedXlsx,
  importFile,
  importSchema,
  noStore,
  reveal,
  routesOf,
  sendWorkbook,
} from '../../../platform/router.js';
import * as members from './members.service.js';
import * as excel from './members.excel.js';

export const membersRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['members'] });
  crudRoutes(r, ctx, members, {
    url: '/api/members',
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
  r.get(
    '/api/members/import-template',
    { can: 'members.import', summary: '导入模板 Import template (xlsx)' },
    (req, reply) => sendWorkbook(reply, excel.template(ctx, actorOf(req)), '党员名册导入模板.xlsx'),
  );
  r.get(
    '/api/members/export',
    { can: 'members.export', summary: '导出名册 Export the filtered list (xlsx, masked)', query: MemberListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportRoster(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('党员名册')),
  );
  r.post(
    '/api/members/import',
    {
      can: 'members.import',
      audit: 'member.import',
      summary:
        '导入名册 Import roster (multipart file; all or nothing; one import at a time per county: ' +
        'see /api/imports/current)',
      ...importSchema,
    },
    importFile(ctx, 'members.import_bad_file', excel.importRoster),
  );
  const Revealed = Type.Object({
    idNumber: Type.Optional(Type.String()),
    phone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  });
  r.post(
    '/api/members/:id/reveal',
    {
      can: 'members.read',
      audit: 'member.reveal',
      summary: '查看完整号码（留痕）Reveal numbers (audited)',
      ...reveal(Revealed),
    },
    (req, reply) => noStore(reply, members.reveal(ctx, actorOf(req), req.params.id, req.body.fields)),
  );
  r.get('/api/me/member', { can: 'self.party', summary: '我的党员档案 My member record', response: Member }, (req) =>
    members.mine(ctx, actorOf(req)),
  );
};
