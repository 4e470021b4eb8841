/** Routes of inspections (督查检查). Thin: the services hold the rules. */
import {
  InspectionCreate,
  InspectionDetail,
  InspectionFindingCreate,
  InspectionList,
  InspectionListQuery,
  InspectionMove,
  INSPECTION_MOVES,
  IdParams,
  InspectionPhoto,
  InspectionsSummary,
  InspectionsSummaryQuery,
  InspectionUpdate,
  InspectionVisit,
  InspectionVisitCreate,
  InspectionVisitParams,
  InspectionVisitUpdate,
  Id,
  MultipartFile,
  Ok,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { crudRoutes } from '../../../platform/crud.js';
import { DomainError } from '../../../platform/errors.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, ok, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './inspections.excel.js';
import * as figures from './inspections.figures.js';
import * as inspections from './inspections.service.js';
import * as visits from './inspections.visits.js';

const PhotoParams = Type.Object({ id: Id(), photoId: Id() });

export const inspectionsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['inspections'] });
  r.get(
    '/api/inspections/export',
    { can: 'inspections.read', summary: '导出督查检查 Export inspections (xlsx)', query: InspectionListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportInspections(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('督查检查')),
  );
  r.get(
    '/api/inspections/summary',
    {
      can: 'inspections.read',
      summary: '督查检查情况（按类型、按下级组织）Inspections by kind and by organization',
      query: InspectionsSummaryQuery,
      response: InspectionsSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/inspections/summary/export',
    { can: 'inspections.read', summary: '督查检查情况导出 As Excel', query: InspectionsSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `督查检查情况-${req.query.from}-${req.query.to}.xlsx`,
      ),
  );
  crudRoutes(r, ctx, inspections, {
    url: '/api/inspections',
    read: 'inspections.read',
    write: 'inspections.write',
    audit: 'inspection',
    item: InspectionDetail,
    list: {
      summary: '督查检查（组织的、被检查的）Inspections issued and received',
      query: InspectionListQuery,
      response: InspectionList,
    },
    get: '督查检查详情：被检查单位、检查结果、发现的问题及整改状态 An inspection with its visits and findings',
    create: { summary: '制定督查计划 Plan an inspection', body: InspectionCreate },
    patch: { summary: '修改督查计划 Change an inspection', body: InspectionUpdate },
    remove: '删除误录的督查（可恢复）Soft delete',
    restore: '恢复督查 Restore',
  });
  const MOVES = {
    start: '开始督查 Start',
    complete: '完成督查（至少记录一个单位的检查）Complete',
    reopen: '重新开启已完成的督查（说明原因）Reopen with a reason',
    cancel: '取消督查（说明原因）Cancel with a reason',
  } as const;
  for (const m of INSPECTION_MOVES)
    r.post(
      `/api/inspections/:id/${m}`,
      {
        can: 'inspections.write',
        audit: `inspection.${m}`,
        summary: MOVES[m],
        params: IdParams,
        body: InspectionMove,
        response: InspectionDetail,
      },
      (req) => inspections.move(ctx, actorOf(req), req.params.id, m, req.body),
    );
  r.post(
    '/api/inspections/:id/visits',
    {
      can: 'inspections.write',
      audit: 'inspection_visit.create',
      summary: '添加被检查单位 Add an organization to visit',
      params: IdParams,
      body: InspectionVisitCreate,
      response: InspectionVisit,
    },
    (req) => visits.addVisit(ctx, actorOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/inspections/:id/visits/:visitId',
    {
      can: 'inspections.write',
      audit: 'inspection_visit.update',
      summary: '记录检查日期、清单结果和得分 Record a visit',
      params: InspectionVisitParams,
      body: InspectionVisitUpdate,
      response: InspectionVisit,
    },
    (req) => visits.updateVisit(ctx, actorOf(req), req.params.id, req.params.visitId, req.body),
  );
  r.delete(
    '/api/inspections/:id/visits/:visitId',
    {
      can: 'inspections.write',
      audit: 'inspection_visit.delete',
      summary: '移出被检查单位（尚无发现的问题时）Remove a visit without findings',
      params: InspectionVisitParams,
      response: Ok,
    },
    (req) => ok(visits.removeVisit(ctx, actorOf(req), req.params.id, req.params.visitId)),
  );
  r.post(
    '/api/inspections/:id/visits/:visitId/photos',
    {
      can: 'inspections.write',
      audit: 'inspection_visit.photo_add',
      summary: '上传检查照片（JPEG/PNG，去除位置信息），供记录问题时引用 Upload a photo of a visit',
      params: InspectionVisitParams,
      body: MultipartFile,
      response: InspectionPhoto,
    },
    async (req) => {
      if (!req.isMultipart()) throw new DomainError('files.bad_type');
      const file = await req.file();
      if (!file) throw new DomainError('files.bad_type');
      return visits.addPhoto(ctx, actorOf(req), req.params.id, req.params.visitId, await file.toBuffer());
    },
  );
  r.post(
    '/api/inspections/:id/visits/:visitId/findings',
    {
      can: 'inspections.write',
      audit: 'inspection_finding.create',
      summary: '记录发现的问题（同时生成整改问题）Record a finding, which opens a problem',
      params: InspectionVisitParams,
      body: InspectionFindingCreate,
      response: InspectionVisit,
    },
    (req) => visits.addFinding(ctx, actorOf(req), req.params.id, req.params.visitId, req.body),
  );
  r.get(
    '/api/inspections/:id/photos/:photoId',
    { can: 'inspections.read', summary: '检查照片 A photo of a visit or finding', params: PhotoParams },
    async (req, reply) => {
      const p = await visits.photo(ctx, actorOf(req), req.params.id, req.params.photoId);
      return reply
        .type(p.mime)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(p.body);
    },
  );
};
