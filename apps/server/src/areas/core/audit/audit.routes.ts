/** The auditor's routes: read-only. */
import { AuditQuery, AuditRecord, AuditVerify, IdParams, ListOf } from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { routesOf } from '../../../platform/router.js';
import * as audit from './audit.service.js';

export const auditRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['audit'] });
  const can = 'audit.read';
  r.get(
    '/api/audit',
    { can, summary: '审计日志 Audit trail', query: AuditQuery, response: ListOf(AuditRecord) },
    (req) => audit.list(ctx, actorOf(req), req.query),
  );
  r.get('/api/audit/verify', { can, summary: '校验哈希链 Verify the chain', response: AuditVerify }, (req) =>
    audit.verify(ctx, actorOf(req)),
  );
  r.get('/api/audit/:id', { can, summary: '审计记录 One record', params: IdParams, response: AuditRecord }, (req) =>
    audit.get(ctx, actorOf(req), req.params.id),
  );
};
