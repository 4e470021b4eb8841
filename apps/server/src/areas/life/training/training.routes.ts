/** Routes of training (`/api/training/classes`, `/api/training/hours`, `/api/stats/training`). Thin. */
import {
  IdParams,
  MyTrainingHours,
  MyTrainingHoursQuery,
  TrainingAttendance,
  TrainingAttendees,
  TrainingClassCreate,
  TrainingClassDetail,
  TrainingClassList,
  TrainingClassListQuery,
  TrainingClassUpdate,
  TrainingFinish,
  TrainingHoursList,
  TrainingHoursQuery,
  TrainingNote,
  TrainingPlan,
  TrainingResults,
  TrainingReturn,
  TrainingSessionParams,
  TrainingSummary,
  TrainingSummaryQuery,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './training.excel.js';
import * as figures from './training.figures.js';
import * as hours from './training.hours.js';
import * as people from './training.people.js';
import * as classes from './training.service.js';

export const trainingRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['training'] });
  r.get(
    '/api/training/classes/export',
    { can: 'training.read', summary: '导出培训班 Classes as Excel', query: TrainingClassListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportClasses(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('培训班')),
  );
  crudRoutes(r, ctx, classes, {
    url: '/api/training/classes',
    read: 'training.read',
    write: 'training.write',
    audit: 'training',
    item: TrainingClassDetail,
    list: { summary: '培训班 Training classes', query: TrainingClassListQuery, response: TrainingClassList },
    get: '培训班：课程计划、学员、出勤、考核与过程 A class with its plan, attendees and history',
    create: { summary: '新建培训班（县、乡镇）Create a class', body: TrainingClassCreate },
    patch: { summary: '修改培训班 Change a class', body: TrainingClassUpdate },
    remove: '删除误录的培训班（可恢复）Soft delete',
    restore: '恢复培训班 Restore',
  });
  const write = { can: 'training.write', params: IdParams, response: TrainingClassDetail } as const;
  r.put(
    '/api/training/classes/:id/plan',
    { ...write, audit: 'training.plan', summary: '编排课程计划 Set the course plan', body: TrainingPlan },
    (req) => classes.setPlan(ctx, actorOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/training/classes/:id/attendees',
    { ...write, audit: 'training.attendees', summary: '调整参训学员 Set the attendees', body: TrainingAttendees },
    (req) => people.setAttendees(ctx, actorOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/training/classes/:id/sessions/:sessionId/attendance',
    {
      can: 'training.write',
      params: TrainingSessionParams,
      response: TrainingClassDetail,
      audit: 'training.attendance',
      summary: '记录一节课程的出勤 Record attendance of a session',
      body: TrainingAttendance,
    },
    (req) => people.setAttendance(ctx, actorOf(req), req.params.id, req.params.sessionId, req.body),
  );
  r.put(
    '/api/training/classes/:id/results',
    { ...write, audit: 'training.results', summary: '录入结业考核结果 Record the results', body: TrainingResults },
    (req) => people.setResults(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/training/classes/:id/submit',
    { ...write, audit: 'training.submit', summary: '提交课程计划审核 Submit the plan', body: TrainingNote },
    (req) => classes.move(ctx, actorOf(req), req.params.id, 'submit', { note: req.body.note ?? null }),
  );
  r.post(
    '/api/training/classes/:id/approve',
    {
      ...write,
      can: 'training.review',
      audit: 'training.approve',
      summary: '审核通过课程计划（开班）Approve the plan',
      body: TrainingNote,
    },
    (req) => classes.move(ctx, actorOf(req), req.params.id, 'approve', { note: req.body.note ?? null }),
  );
  r.post(
    '/api/training/classes/:id/return',
    {
      ...write,
      can: 'training.review',
      audit: 'training.return',
      summary: '退回课程计划 Return the plan',
      body: TrainingReturn,
    },
    (req) => classes.move(ctx, actorOf(req), req.params.id, 'return', { reason: req.body.reason }),
  );
  r.post(
    '/api/training/classes/:id/finish',
    { ...write, audit: 'training.finish', summary: '培训班结业 Finish the class', body: TrainingFinish },
    (req) => classes.move(ctx, actorOf(req), req.params.id, 'finish', { summary: req.body.summary }),
  );
  r.get(
    '/api/training/hours',
    {
      can: 'training.read',
      summary: '党员学时（按来源、是否达标，按组织统计）Members’ hours',
      query: TrainingHoursQuery,
      response: TrainingHoursList,
    },
    (req) => hours.hours(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/training/hours/short',
    {
      can: 'training.read',
      summary: '学时不足的党员 Members short of hours',
      query: TrainingHoursQuery,
      response: TrainingHoursList,
    },
    (req) => hours.shortList(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/training/hours/short/export',
    { can: 'training.read', summary: '导出学时不足的党员 Short list as Excel', query: TrainingHoursQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportShort(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('学时不足党员')),
  );
  r.get(
    '/api/training/hours/me',
    {
      can: 'training.mine',
      summary: '本人本年学时 My hours this year',
      query: MyTrainingHoursQuery,
      response: MyTrainingHours,
    },
    (req) => hours.mine(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/training',
    {
      can: 'training.read',
      summary: '教育培训情况 Classes, person-times, hours, reached share',
      query: TrainingSummaryQuery,
      response: TrainingSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/training/export',
    { can: 'training.read', summary: '教育培训情况导出 As Excel', query: TrainingSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `教育培训情况-${req.query.year}.xlsx`,
      ),
  );
};
