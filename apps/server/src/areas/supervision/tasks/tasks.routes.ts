/** Routes of tasks (任务督办): the issuer's list, the receiver's inbox, moves, reports, roll-up, figure. Thin. */
import {
  IdParams,
  TaskCreate,
  TaskDetail,
  TaskInbox,
  TaskInboxQuery,
  TaskList,
  TaskListQuery,
  TaskNote,
  TaskOrgOptions,
  TaskOrgOptionsQuery,
  TaskPatch,
  TaskPhoto,
  TaskPhotoParams,
  TaskProgress,
  TaskProgressQuery,
  TaskReason,
  TaskReport,
  TaskTargetParams,
  TasksSummary,
  TasksSummaryQuery,
  MultipartFile,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { DomainError } from '../../../platform/errors.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import { exportTasks } from './tasks.excel.js';
import * as figures from './tasks.figures.js';
import * as moves from './tasks.moves.js';
import * as tasks from './tasks.service.js';

export const tasksRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['tasks'] });
  r.get(
    '/api/tasks/inbox',
    {
      can: 'tasks.read',
      summary: '我的任务（本组织及下级承办的任务）Tasks issued to my organization(s)',
      query: TaskInboxQuery,
      response: TaskInbox,
    },
    (req) => moves.inbox(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/tasks/orgs',
    {
      can: 'tasks.issue',
      summary: '可下发的党组织（本组织以下，按名称）Organizations a task may go to',
      query: TaskOrgOptionsQuery,
      response: TaskOrgOptions,
    },
    (req) => moves.orgOptions(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/tasks/export',
    { can: 'tasks.read', summary: '导出任务督办 Export tasks (xlsx)', query: TaskListQuery },
    (req, reply) =>
      sendWorkbook(reply, exportTasks(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('任务督办')),
  );
  crudRoutes(r, ctx, tasks, {
    url: '/api/tasks',
    read: 'tasks.read',
    write: 'tasks.issue',
    audit: 'task',
    item: TaskDetail,
    list: { summary: '本级及下级下发的任务 Tasks issued by my subtree', query: TaskListQuery, response: TaskList },
    get: '任务详情、完成情况与办理过程 A task with its targets and timeline',
    create: { summary: '拟定任务（草稿）Draft a task', body: TaskCreate },
    patch: { summary: '修改任务草稿 Change a draft', body: TaskPatch },
    remove: '删除任务（可恢复）Soft delete',
    restore: '恢复任务 Restore',
  });
  const act = { can: 'tasks.issue', params: IdParams, response: TaskDetail } as const;
  r.post('/api/tasks/:id/issue', { ...act, audit: 'task.issue', summary: '下发任务 Issue' }, (req) =>
    moves.issue(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/tasks/:id/withdraw',
    { ...act, audit: 'task.withdraw', summary: '撤回任务（说明理由）Withdraw', body: TaskReason },
    (req) => moves.withdraw(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post('/api/tasks/:id/close', { ...act, audit: 'task.close', summary: '结束任务 Close', body: TaskNote }, (req) =>
    moves.close(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.get(
    '/api/tasks/:id/progress',
    {
      can: 'tasks.read',
      summary: '任务完成进度（逐级汇总）Roll-up down the tree',
      params: IdParams,
      query: TaskProgressQuery,
      response: TaskProgress,
    },
    (req) => moves.progress(ctx, actorOf(req), req.params.id, req.query.org),
  );
  const target = { params: TaskTargetParams, response: TaskDetail } as const;
  r.post(
    '/api/tasks/:id/targets/:targetId/report',
    { ...target, can: 'tasks.report', audit: 'task_target.report', summary: '报送完成情况 Report', body: TaskReport },
    (req) => moves.report(ctx, actorOf(req), req.params.id, req.params.targetId, req.body),
  );
  r.post(
    '/api/tasks/:id/targets/:targetId/accept',
    { ...target, can: 'tasks.issue', audit: 'task_target.accept', summary: '审核通过 Accept', body: TaskNote },
    (req) => moves.accept(ctx, actorOf(req), req.params.id, req.params.targetId, req.body.note ?? null),
  );
  r.post(
    '/api/tasks/:id/targets/:targetId/return',
    {
      ...target,
      can: 'tasks.issue',
      audit: 'task_target.return',
      summary: '退回（说明理由）Send back',
      body: TaskReason,
    },
    (req) => moves.sendBack(ctx, actorOf(req), req.params.id, req.params.targetId, req.body.reason),
  );
  r.post(
    '/api/tasks/:id/targets/:targetId/photos',
    {
      can: 'tasks.report',
      audit: 'task_target.photo_add',
      summary: '上传佐证照片（JPEG/PNG，去除EXIF）Upload an evidence photo',
      params: TaskTargetParams,
      body: MultipartFile,
      response: TaskPhoto,
    },
    async (req) => {
      if (!req.isMultipart()) throw new DomainError('files.bad_type');
      const file = await req.file();
      if (!file) throw new DomainError('files.bad_type');
      return moves.addPhoto(ctx, actorOf(req), req.params.id, req.params.targetId, await file.toBuffer());
    },
  );
  r.get(
    '/api/tasks/:id/targets/:targetId/photos/:photoId',
    { can: 'tasks.read', summary: '佐证照片 Evidence photo', params: TaskPhotoParams },
    async (req, reply) => {
      const p = await moves.photo(ctx, actorOf(req), req.params.id, req.params.targetId, req.params.photoId);
      return reply
        .type(p.mime)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(p.body);
    },
  );
  r.get(
    '/api/stats/tasks',
    {
      can: 'tasks.read',
      summary: '任务督办情况（下发、完成、逾期、进度滞后）Tasks issued, completed, overdue',
      query: TasksSummaryQuery,
      response: TasksSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/tasks/export',
    { can: 'tasks.read', summary: '任务督办情况导出 As Excel', query: TasksSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `任务督办情况-${req.query.from}-${req.query.to}.xlsx`,
      ),
  );
};
