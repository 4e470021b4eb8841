/** Routes of member development (`/api/development`). Thin: the services hold the rules. */
import {
  DevelopmentClose,
  DevelopmentCreate,
  DevelopmentDetail,
  DevelopmentExtend,
  DevelopmentList,
  DevelopmentListQuery,
  DevelopmentMine,
  DevelopmentPatch,
  DevelopmentPipeline,
  DevelopmentPipelineQuery,
  DevelopmentRemindResult,
  DevelopmentStepCreate,
  DevelopmentFile,
  DevelopmentFileParams,
  DevelopmentFileQuery,
  IdParams,
  MultipartFile,
  Ok,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, ok, routesOf, sendWorkbook } from '../../../platform/router.js';
import { DomainError } from '../../../platform/errors.js';
import * as files from './development.files.js';
import { exportCandidates } from './development.excel.js';
import { pipeline, pipelineXlsx } from './development.figures.js';
import { remindDeadlines } from './development.reminders.js';
import * as development from './development.service.js';
import * as steps from './development.steps.service.js';

export const developmentRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['development'] });
  r.get(
    '/api/development/overdue',
    {
      can: 'development.read',
      summary: '发展党员逾期清单 Candidates past a deadline',
      query: DevelopmentListQuery,
      response: DevelopmentList,
    },
    (req) => development.overdue(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/development/mine',
    { can: 'self.party', summary: '本人入党进程 My own development progress', response: DevelopmentMine },
    (req) => development.mine(ctx, actorOf(req)),
  );
  r.get(
    '/api/development/export',
    {
      can: 'development.read',
      summary: '导出发展党员（号码脱敏）Candidates as Excel (masked)',
      query: DevelopmentListQuery,
    },
    (req, reply) =>
      sendWorkbook(reply, exportCandidates(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('发展党员')),
  );
  r.get(
    '/api/development/pipeline',
    {
      can: 'development.read',
      summary: '发展党员进度（按组织、年度）The development pipeline by organization and year',
      query: DevelopmentPipelineQuery,
      response: DevelopmentPipeline,
    },
    (req) => pipeline(ctx, actorOf(req), req.query.org, req.query.year),
  );
  r.get(
    '/api/development/pipeline/export',
    { can: 'development.read', summary: '导出发展党员进度 The pipeline as Excel', query: DevelopmentPipelineQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        pipelineXlsx(ctx, actorOf(req), req.query.org, req.query.year, localeOf(req)),
        datedXlsx('发展党员进度'),
      ),
  );
  crudRoutes(r, ctx, development, {
    url: '/api/development',
    read: 'development.read',
    write: 'development.write',
    audit: 'development_candidate',
    item: DevelopmentDetail,
    list: { summary: '发展党员 Candidates', query: DevelopmentListQuery, response: DevelopmentList },
    get: '发展党员详情与步骤 Candidate with its steps and timeline',
    create: { summary: '登记入党申请 Record an application', body: DevelopmentCreate },
    patch: { summary: '修改发展党员信息 Update a candidate', body: DevelopmentPatch },
    remove: '删除发展党员记录（可恢复）Soft delete',
    restore: '恢复发展党员记录 Restore',
  });
  const act = { params: IdParams, response: DevelopmentDetail } as const;
  r.post(
    '/api/development/:id/steps',
    {
      ...act,
      can: 'development.write',
      audit: 'development_candidate.step',
      summary: '记录发展步骤 Record a step',
      body: DevelopmentStepCreate,
    },
    (req) => steps.recordStep(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/development/:id/extend',
    {
      ...act,
      can: 'development.write',
      audit: 'development_candidate.extend',
      summary: '延长预备期 Extend probation',
      body: DevelopmentExtend,
    },
    (req) => steps.extend(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/development/:id/refuse',
    {
      ...act,
      can: 'development.write',
      audit: 'development_candidate.refuse',
      summary: '不予发展 Refuse',
      body: DevelopmentClose,
    },
    (req) => steps.close(ctx, actorOf(req), req.params.id, 'refuse', req.body),
  );
  r.post(
    '/api/development/:id/lapse',
    {
      ...act,
      can: 'development.write',
      audit: 'development_candidate.lapse',
      summary: '中止发展 Lapse',
      body: DevelopmentClose,
    },
    (req) => steps.close(ctx, actorOf(req), req.params.id, 'lapse', req.body),
  );
  r.post(
    '/api/development/:id/files',
    {
      can: 'development.write',
      audit: 'development_candidate.file_add',
      summary: '上传入党材料扫描件（JPEG/PNG，去除EXIF）Upload a scan of a material',
      params: IdParams,
      query: DevelopmentFileQuery,
      body: MultipartFile,
      response: DevelopmentFile,
    },
    async (req) => {
      if (!req.isMultipart()) throw new DomainError('files.bad_type');
      const file = await req.file();
      if (!file) throw new DomainError('files.bad_type');
      return files.addFile(ctx, actorOf(req), req.params.id, await file.toBuffer(), req.query);
    },
  );
  r.get(
    '/api/development/:id/files/:fileId',
    { can: 'development.read', summary: '入党材料扫描件 A scan of a material', params: DevelopmentFileParams },
    async (req, reply) => {
      const f = await files.readFile(ctx, actorOf(req), req.params.id, req.params.fileId);
      return reply
        .type(f.mime)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(f.body);
    },
  );
  r.delete(
    '/api/development/:id/files/:fileId',
    {
      can: 'development.write',
      audit: 'development_candidate.file_remove',
      summary: '删除入党材料扫描件 Remove a scan',
      params: DevelopmentFileParams,
      response: Ok,
    },
    (req) => ok(files.removeFile(ctx, actorOf(req), req.params.id, req.params.fileId)),
  );
  r.post(
    '/api/jobs/development-reminders',
    {
      can: 'development.rules',
      audit: 'development_candidate.remind',
      summary: '发展党员到期提醒（每日自动运行）Send the deadline reminders now',
      response: DevelopmentRemindResult,
    },
    (req) => remindDeadlines(ctx, ctx.clock(), actorOf(req).tenantId!),
  );
};
