/** The auditor's routes: read-only. */
import { AuditQuery, AuditRecord, AuditVerify, IdParams, ListOf } from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import * as audit from './audit.service.js';

export const auditRoutes: RouteModule = (app, ctx) => {
  const tags = ['audit'];
  defineRoute(app, {
    method: 'GET',
    url: '/api/audit',
    capability: 'audit.read',
    schema: { tags, summary: '审计日志 Audit trail', querystring: AuditQuery, response: { 200: ListOf(AuditRecord) } },
    handler: async (req) => audit.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/audit/verify',
    capability: 'audit.read',
    schema: { tags, summary: '校验哈希链 Verify the chain', response: { 200: AuditVerify } },
    handler: async (req) => audit.verify(ctx, actorOf(req)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/audit/:id',
    capability: 'audit.read',
    schema: { tags, summary: '审计记录 One record', params: IdParams, response: { 200: AuditRecord } },
    handler: async (req) => audit.get(ctx, actorOf(req), req.params.id),
  });
};
