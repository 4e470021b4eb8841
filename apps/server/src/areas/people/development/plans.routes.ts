/** Routes of the annual guiding plan: quotas, the plan's figures with Excel, the supervision list and its marks. */
import {
  DevelopmentMark,
  DevelopmentMarkCreate,
  DevelopmentMarkList,
  DevelopmentMarkQuery,
  DevelopmentMarkUndo,
  DevelopmentPlanList,
  DevelopmentPlanPut,
  DevelopmentPlanQuery,
  IdParams,
  PlanFigures,
  PlanFiguresQuery,
  Supervision,
  SupervisionQuery,
} from '@dangjian/contracts';
import { actorOf, localeOf, type RouteModule, sendXlsx } from '../../../platform/http.js';
import { routesOf } from '../../../platform/router.js';
import * as plans from './plans.service.js';
import * as figures from './plans.figures.js';

/** Who reads the plan: every staff member of development, and the plan's own setters. */
const READ = ['development.read', 'development.plan'] as const;

export const plansRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['development'] });
  r.get(
    '/api/development/plans',
    {
      can: READ,
      summary: '年度发展计划 The quotas of a year in the subtree',
      query: DevelopmentPlanQuery,
      response: DevelopmentPlanList,
    },
    (req) => plans.listPlans(ctx, actorOf(req), req.query),
  );
  r.put(
    '/api/development/plans',
    {
      can: 'development.plan',
      audit: 'development_plan.set',
      summary: '下达或分解发展计划 Set the quotas of organizations below',
      body: DevelopmentPlanPut,
      response: DevelopmentPlanList,
    },
    (req) => plans.putPlans(ctx, actorOf(req), req.body),
  );
  r.get(
    '/api/development/plans/figures',
    {
      can: READ,
      summary: '发展党员计划执行情况 The plan against admissions',
      query: PlanFiguresQuery,
      response: PlanFigures,
    },
    (req) => figures.planFigures(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/development/plans/figures/export',
    { can: READ, summary: '计划执行情况导出 The plan figures as Excel', query: PlanFiguresQuery },
    async (req, reply) => {
      const { buffer, filename } = await figures.planFiguresXlsx(ctx, actorOf(req), req.query, localeOf(req));
      return sendXlsx(reply, buffer, filename);
    },
  );
  r.get(
    '/api/development/plans/supervision',
    {
      can: READ,
      summary: '季度督查清单 Who is behind, over, outside the plan, or missing files',
      query: SupervisionQuery,
      response: Supervision,
    },
    (req) => figures.supervision(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/development/plans/marks',
    {
      can: READ,
      summary: '督查标记与约谈名单 Marked organizations and the secretaries called in',
      query: DevelopmentMarkQuery,
      response: DevelopmentMarkList,
    },
    (req) => plans.listMarks(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/development/plans/marks',
    {
      can: 'development.plan',
      audit: 'development_mark.create',
      summary: '标记组织（取消年度评优资格、约谈书记）Mark an organization after supervision',
      body: DevelopmentMarkCreate,
      response: DevelopmentMark,
    },
    (req) => plans.createMark(ctx, actorOf(req), req.body),
  );
  r.post(
    '/api/development/plans/marks/:id/undo',
    {
      can: 'development.plan',
      audit: 'development_mark.undo',
      summary: '撤销督查标记 Undo a mark',
      params: IdParams,
      body: DevelopmentMarkUndo,
      response: DevelopmentMark,
    },
    (req) => plans.undoMark(ctx, actorOf(req), req.params.id, req.body.reason),
  );
};
