/** The auditor's routes: read-only. */
import { AuditQuery, AuditRecord, AuditVerify, IdParams, ListOf } from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import * as audit from './audit.service.js';

export const auditRoutes: RouteModule = (app, ctx) => {
  const tags = ['audit'];
  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: '审计日志 Audit trail',
        querystring: AuditQuery,
        response: { 200: ListOf(AuditRecord) },
      },
    },
    async (req) => audit.list(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/audit/verify',
    { schema: { tags, summary: '校验哈希链 Verify the chain', response: { 200: AuditVerify } } },
    async (req) => audit.verify(ctx, actorOf(req)),
  );
  app.get(
    '/api/audit/:id',
    { schema: { tags, summary: '审计记录 One record', params: IdParams, response: { 200: AuditRecord } } },
    async (req) => audit.get(ctx, actorOf(req), req.params.id),
  );
};
