/** Routes of secretaries' annual reports (书记述职评议, `/api/reports`). Thin: the service holds the rules. */
import {
  IdParams,
  PanelGradeBody,
  ReportDetail,
  ReportFollowup,
  ReportGradeBody,
  ReportList,
  ReportListQuery,
  ReportNote,
  ReportsSummary,
  ReportsSummaryQuery,
  ReportUpdate,
  RoundCreate,
  RoundDetail,
  RoundList,
  RoundListQuery,
  RoundSheet,
} from '@dangjian/contracts';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { routesOf, sendWorkbook } from '../../../platform/router.js';
import * as figures from './reports.figures.js';
import * as grading from './reports.grading.js';
import * as rounds from './reports.rounds.js';
import * as reports from './reports.service.js';

export const reportsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['reports'] });
  r.get(
    '/api/reports/rounds',
    {
      can: 'reports.panel',
      summary: '述职评议（本级及上级组织的）Reporting rounds',
      query: RoundListQuery,
      response: RoundList,
    },
    (req) => rounds.listRounds(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/reports/rounds',
    {
      can: 'reports.grade',
      audit: 'report_round.create',
      summary: '组织书记述职评议（县委对乡镇、乡镇对村）Open a round',
      body: RoundCreate,
      response: RoundDetail,
    },
    (req) => rounds.createRound(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/reports/rounds/:id',
    {
      can: 'reports.panel',
      summary: '述职评议及评议人 A round and its panel',
      params: IdParams,
      response: RoundDetail,
    },
    (req) => rounds.getRound(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/reports/rounds/:id/sheet',
    {
      can: 'reports.panel',
      summary: '评议表（党员代表）A panel member’s grading sheet',
      params: IdParams,
      response: RoundSheet,
    },
    (req) => grading.sheet(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/reports/rounds/:id/close',
    {
      can: 'reports.grade',
      audit: 'report_round.close',
      summary: '结束述职评议 Close a round',
      params: IdParams,
      response: RoundDetail,
    },
    (req) => rounds.closeRound(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/reports/results',
    {
      can: 'reports.read',
      summary: '述职评议结果（分乡镇）Results per township',
      query: ReportsSummaryQuery,
      response: ReportsSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/reports/results/export',
    { can: 'reports.read', summary: '述职评议结果导出 Results as Excel', query: ReportsSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `书记述职评议结果-${req.query.year}.xlsx`,
      ),
  );
  r.get(
    '/api/reports',
    { can: 'reports.read', summary: '书记述职报告 Reports', query: ReportListQuery, response: ReportList },
    (req) => reports.list(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/reports/:id',
    {
      can: 'reports.read',
      summary: '述职报告与评议 A report with its grading',
      params: IdParams,
      response: ReportDetail,
    },
    (req) => reports.get(ctx, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/reports/:id',
    {
      can: 'reports.write',
      audit: 'report.update',
      summary: '撰写述职报告（草稿）Keep a draft',
      params: IdParams,
      body: ReportUpdate,
      response: ReportDetail,
    },
    (req) => reports.update(ctx, actorOf(req), req.params.id, req.body),
  );
  const move = { params: IdParams, response: ReportDetail } as const;
  r.post(
    '/api/reports/:id/submit',
    { ...move, can: 'reports.write', audit: 'report.submit', summary: '提交述职报告 Submit', body: ReportNote },
    (req) => reports.submit(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/reports/:id/return',
    { ...move, can: 'reports.grade', audit: 'report.return', summary: '退回修改 Return', body: ReportNote },
    (req) => reports.returnReport(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/reports/:id/committee-grade',
    {
      ...move,
      can: 'reports.grade',
      audit: 'report.committee_grade',
      summary: '录入上级党委评价及群众评议票 The committee’s grade and residents’ ballots',
      body: ReportGradeBody,
    },
    (req) => grading.committeeGrade(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/reports/:id/panel-grade',
    {
      can: 'reports.panel',
      audit: 'report.panel_grade',
      summary: '党员代表评议 A panel grade',
      params: IdParams,
      body: PanelGradeBody,
      response: RoundSheet,
    },
    (req) => grading.panelGrade(ctx, actorOf(req), req.params.id, req.body.grade),
  );
  r.post(
    '/api/reports/:id/grade',
    {
      ...move,
      can: 'reports.grade',
      audit: 'report.grade',
      summary: '结束评议、综合评定等次 Close the grading',
      body: ReportNote,
    },
    (req) => grading.grade(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/reports/:id/publish',
    { ...move, can: 'reports.grade', audit: 'report.publish', summary: '公布评议结果 Publish', body: ReportNote },
    (req) => reports.publish(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/reports/:id/followup',
    {
      ...move,
      can: 'reports.grade',
      audit: 'report.followup',
      summary: '约谈评定为“差”的书记 Follow-up talk',
      body: ReportFollowup,
    },
    (req) => grading.followup(ctx, actorOf(req), req.params.id, req.body),
  );
};
