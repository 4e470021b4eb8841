/** Routes of "Party branch +" industry projects (`/api/economy/projects`). Thin: the services hold the rules. */
import {
  IdParams,
  ProjectCreate,
  ProjectDetail,
  ProjectFigures,
  ProjectFiguresQuery,
  ProjectList,
  ProjectListQuery,
  ProjectUpdate,
  ProjectYearPut,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './projects.excel.js';
import * as figures from './projects.figures.js';
import * as projects from './projects.service.js';

export const projectsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['projects'] });
  r.get(
    '/api/economy/projects/export',
    { can: 'projects.read', summary: '导出党支部+产业项目 Projects as Excel', query: ProjectListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportProjects(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('产业项目')),
  );
  r.get(
    '/api/economy/projects/figures',
    {
      can: 'projects.read',
      summary: '党支部+产业项目统计：项目、合作社、投入与撬动资金、联结农户与增收 Figures',
      query: ProjectFiguresQuery,
      response: ProjectFigures,
    },
    (req) => figures.figures(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/economy/projects/figures/export',
    { can: 'projects.read', summary: '党支部+产业项目统计导出 Figures as Excel', query: ProjectFiguresQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.figuresXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `党支部+产业项目-${req.query.year}.xlsx`,
      ),
  );
  crudRoutes(r, ctx, projects, {
    url: '/api/economy/projects',
    read: 'projects.read',
    write: 'projects.write',
    audit: 'projects',
    item: ProjectDetail,
    list: { summary: '党支部+产业项目 Industry projects', query: ProjectListQuery, response: ProjectList },
    get: '项目详情：年度情况与过程 A project with its years and timeline',
    create: { summary: '登记产业项目（乡镇、县）Record a project', body: ProjectCreate },
    patch: { summary: '修改产业项目 Change a project', body: ProjectUpdate },
    remove: '删除误录的产业项目（可恢复）Soft delete',
    restore: '恢复产业项目 Restore',
  });
  r.post(
    '/api/economy/projects/:id/years',
    {
      can: 'projects.write',
      audit: 'projects.year',
      summary: '登记或更正年度情况：投入资金、撬动资金、联结农户与增收 Record a year',
      params: IdParams,
      body: ProjectYearPut,
      response: ProjectDetail,
    },
    (req) => projects.putYear(ctx, actorOf(req), req.params.id, req.body),
  );
};
