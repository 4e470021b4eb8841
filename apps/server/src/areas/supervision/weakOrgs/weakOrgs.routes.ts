/** Routes of weak and lax organizations (软弱涣散, `/api/weak-orgs`). Thin: the services hold the rules. */
import {
  AcceptanceCreate,
  CheckupCreate,
  IdParams,
  WeakOrgCreate,
  WeakOrgDetail,
  WeakOrgExtend,
  WeakOrgList,
  WeakOrgListQuery,
  WeakOrgNote,
  WeakOrgsSummary,
  WeakOrgsSummaryQuery,
  WeakOrgUpdate,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { datedXlsx, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as excel from './weakOrgs.excel.js';
import * as figures from './weakOrgs.figures.js';
import * as moves from './weakOrgs.moves.js';
import * as files from './weakOrgs.service.js';

export const weakOrgsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['weakOrgs'] });
  r.get(
    '/api/weak-orgs/export',
    { can: 'weakOrgs.read', summary: '导出软弱涣散党组织整顿档案 Files as Excel', query: WeakOrgListQuery },
    (req, reply) =>
      sendWorkbook(reply, excel.exportFiles(ctx, actorOf(req), req.query, localeOf(req)), datedXlsx('软弱涣散党组织')),
  );
  // Flagging, deleting and restoring a file are the county's (weakOrgs.flag); the plan is also the township's.
  crudRoutes(r, ctx, files, {
    url: '/api/weak-orgs',
    read: 'weakOrgs.read',
    write: 'weakOrgs.flag',
    audit: 'weak_org',
    item: WeakOrgDetail,
    list: { summary: '软弱涣散党组织整顿档案 Weak organizations', query: WeakOrgListQuery, response: WeakOrgList },
    get: '整顿档案：原因、包抓、方案、体检、验收与过程 A file with its history',
    create: { summary: '确定软弱涣散党组织（县委）Flag an organization (county)', body: WeakOrgCreate },
    remove: '删除误录的整顿档案（可恢复）Soft delete',
    restore: '恢复整顿档案 Restore',
  });
  r.patch(
    '/api/weak-orgs/:id',
    {
      can: 'weakOrgs.write',
      audit: 'weak_org.update',
      summary: '修改整顿方案（原因、包抓领导由县委修改）Change the plan; the reasons and leader by the county',
      params: IdParams,
      body: WeakOrgUpdate,
      response: WeakOrgDetail,
    },
    (req) => files.update(ctx, actorOf(req), req.params.id, req.body),
  );
  const act = { can: 'weakOrgs.write', params: IdParams, response: WeakOrgDetail } as const;
  r.post(
    '/api/weak-orgs/:id/start',
    { ...act, audit: 'weak_org.start', summary: '启动整顿 Start the rectification', body: WeakOrgNote },
    (req) => moves.start(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/weak-orgs/:id/submit',
    { ...act, audit: 'weak_org.submit', summary: '申请验收 Ask for acceptance', body: WeakOrgNote },
    (req) => moves.submit(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/weak-orgs/:id/extend',
    { ...act, can: 'weakOrgs.flag', audit: 'weak_org.extend', summary: '延期整顿 Extend', body: WeakOrgExtend },
    (req) => moves.extend(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/weak-orgs/:id/release',
    {
      ...act,
      can: 'weakOrgs.flag',
      audit: 'weak_org.release',
      summary: '销号（验收通过后）Release',
      body: WeakOrgNote,
    },
    (req) => moves.release(ctx, actorOf(req), req.params.id, req.body.note ?? null),
  );
  r.post(
    '/api/weak-orgs/:id/checkups',
    {
      ...act,
      audit: 'weak_org.checkup',
      summary: '录入全面体检（每月）Record a monthly check-up',
      body: CheckupCreate,
    },
    (req) => moves.addCheckup(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/weak-orgs/:id/acceptances',
    {
      ...act,
      can: 'weakOrgs.accept',
      audit: 'weak_org.assess',
      summary: '录入整顿验收（得分≥70且不满意不过半为通过）Record an acceptance',
      body: AcceptanceCreate,
    },
    (req) => moves.addAcceptance(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/stats/weak-orgs',
    {
      can: 'weakOrgs.read',
      summary: '软弱涣散党组织整顿情况 Weak organizations flagged, in rectification, released',
      query: WeakOrgsSummaryQuery,
      response: WeakOrgsSummary,
    },
    (req) => figures.summary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/weak-orgs/export',
    { can: 'weakOrgs.read', summary: '软弱涣散党组织整顿情况导出 As Excel', query: WeakOrgsSummaryQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.summaryXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        `软弱涣散整顿情况-${req.query.from}-${req.query.to}.xlsx`,
      ),
  );
};
