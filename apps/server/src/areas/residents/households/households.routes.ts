/** Routes of households and their residents (with import, export and reveal). Thin: the services hold the rules. */
import {
  HouseholdCreate,
  HouseholdDetail,
  HouseholdList,
  HouseholdListQuery,
  HouseholdPatch,
  IdParams,
  Ok,
  Resident,
  ResidentCreate,
  ResidentPatch,
  RevealedNumbers,
} from '@dangjian/contracts';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { crudRoutes } from '../../../platform/crud.js';
import {
  datedXlsx,
  importFile,
  importSchema,
  noStore,
  ok,
  reveal,
  routesOf,
  sendWorkbook,
} from '../../../platform/router.js';
import * as households from './households.service.js';
import * as excel from './households.excel.js';

export const householdsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['households'] });
  // ---- households ----
  crudRoutes(r, ctx, households, {
    url: '/api/households',
    read: 'residents.read',
    write: 'residents.write',
    audit: 'household',
    item: HouseholdDetail,
    list: { summary: '住户查询 Households of a subtree', query: HouseholdListQuery, response: HouseholdList },
    get: '户详情 Household with residents, pairings, visits',
    create: { summary: '新增户 Create a household', body: HouseholdCreate },
    patch: { summary: '修改户 Edit a household', body: HouseholdPatch },
    remove: '删除户（可恢复）Soft delete',
    restore: '恢复户 Restore',
  });
  r.get(
    '/api/households/template',
    { can: 'residents.import', summary: '住户导入模板 Import template (xlsx)' },
    (req, reply) => sendWorkbook(reply, excel.template(ctx, actorOf(req)), '住户导入模板.xlsx'),
  );
  r.get(
    '/api/households/export',
    {
      can: 'residents.read',
      summary: '导出住户（号码脱敏）Export, one row per resident (xlsx, masked)',
      query: HouseholdListQuery,
    },
    (req, reply) =>
      sendWorkbook(reply, excel.exportHouseholds(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('住户')),
  );
  r.post(
    '/api/households/import',
    {
      can: 'residents.import',
      audit: 'household.import',
      summary: '导入住户 Import (multipart file; one row per resident; all or nothing)',
      ...importSchema,
    },
    importFile(ctx, 'residents.import_bad_file', excel.importHouseholds),
  );
  const revealed = { can: 'residents.reveal', ...reveal(RevealedNumbers) } as const;
  r.post(
    '/api/households/:id/reveal',
    { ...revealed, audit: 'household.reveal', summary: '查看户联系电话（留痕）Reveal the phone (audited)' },
    (req, reply) => noStore(reply, households.revealHousehold(ctx, actorOf(req), req.params.id, req.body.fields)),
  );
  // ---- residents of a household ----
  const write = { can: 'residents.write', params: IdParams } as const;
  r.post(
    '/api/households/:id/residents',
    {
      ...write,
      audit: 'resident.create',
      summary: '添加家庭成员 Add a resident',
      body: ResidentCreate,
      response: Resident,
    },
    (req) => households.addResident(ctx, actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/api/residents/:id',
    {
      ...write,
      audit: 'resident.update',
      summary: '修改家庭成员 Edit a resident',
      body: ResidentPatch,
      response: Resident,
    },
    (req) => households.updateResident(ctx, actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/residents/:id',
    { ...write, audit: 'resident.delete', summary: '移除家庭成员 Remove a resident', response: Ok },
    (req) => ok(households.removeResident(ctx, actorOf(req), req.params.id)),
  );
  r.post(
    '/api/residents/:id/reveal',
    { ...revealed, audit: 'resident.reveal', summary: '查看居民完整号码（留痕）Reveal numbers (audited)' },
    (req, reply) => noStore(reply, households.revealResident(ctx, actorOf(req), req.params.id, req.body.fields)),
  );
};
