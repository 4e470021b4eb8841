/**
 * Escalation (逐级上报): an open request past its deadline moves to the parent of the organization
 * handling it, once per deadline — a request escalated after its due date is not moved again until a
 * reopening gives it a new deadline. Idempotent: running the job twice the same day moves nothing more.
 */
import type { Ctx } from '../../../platform/context.js';
import { writeAuditBatch, type AuditEntry } from '../../../platform/audit.js';
import { bumpVersion } from '../../../platform/versions.js';
import { notify } from '../../core/notifications/notifications.service.js';
import { addEvent } from '../common/residents.shared.js';
import * as repo from './requests.repository.js';
import { chinaDay } from './requests.time.js';

const BATCH = 500;

export interface EscalationResult {
  escalated: number;
  notified: number;
}

/** Escalates the overdue requests of every county (or of one tenant) at an instant. */
export async function escalateOverdue(
  ctx: Ctx,
  now: Date,
  opts: { tenantId?: number } = {},
): Promise<EscalationResult> {
  const at = now.toISOString();
  const result: EscalationResult = { escalated: 0, notified: 0 };
  const runKey = `escalations:${chinaDay(now)}${opts.tenantId ? `:${opts.tenantId}` : ''}`;
  await ctx.db
    .insertInto('job_runs')
    .values({ job: 'escalations', run_key: runKey, started_at: at, finished_at: null, result: null })
    .onConflict((oc) => oc.column('run_key').doNothing())
    .execute();
  let rootsQ = ctx.db
    .selectFrom('orgs')
    .select(['tenant_id'])
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null);
  if (opts.tenantId) rootsQ = rootsQ.where('tenant_id', '=', opts.tenantId);
  const tenants = [...new Set((await rootsQ.execute()).map((r) => r.tenant_id))];
  for (const tenantId of tenants) {
    let afterId = 0;
    for (;;) {
      const due = await repo.dueForEscalation(ctx.db, tenantId, at, BATCH, afterId);
      if (!due.length) break;
      afterId = due[due.length - 1]!.id;
      const orgIds = [...new Set(due.map((d) => d.org_id))];
      const orgs = await ctx.db
        .selectFrom('orgs')
        .select(['id', 'parent_id', 'name'])
        .where('id', 'in', orgIds)
        .execute();
      const parentIds = [...new Set(orgs.map((o) => o.parent_id).filter((p): p is number => p != null))];
      const parents = parentIds.length
        ? await ctx.db
            .selectFrom('orgs')
            .select(['id', 'org_path', 'name', 'depth'])
            .where('id', 'in', parentIds)
            .execute()
        : [];
      const parentOf = new Map(orgs.map((o) => [o.id, parents.find((p) => p.id === o.parent_id) ?? null]));
      const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
      // Admins of the receiving organizations (township or county level) hear of it.
      const admins = parentIds.length
        ? await ctx.db
            .selectFrom('users')
            .select(['id', 'org_id'])
            .where('org_id', 'in', parentIds)
            .where('role', 'in', ['township_admin', 'county_admin'])
            .where('status', '=', 'active')
            .where('deleted_at', 'is', null)
            .execute()
        : [];
      const moving = due.filter((d) => parentOf.get(d.org_id));
      if (!moving.length) continue; // already at the county: nowhere higher to go
      await ctx.db.transaction().execute(async (trx) => {
        const audits: AuditEntry[] = [];
        for (const d of moving) {
          const to = parentOf.get(d.org_id)!;
          await trx
            .updateTable('requests')
            .set({
              org_id: to.id,
              org_path: to.org_path,
              escalations: Number(d.escalations) + 1,
              escalated_at: at,
              updated_at: at,
            })
            .where('id', '=', d.id)
            .execute();
          await addEvent(trx, ctx, null, {
            tenantId,
            entity: 'request',
            entityId: d.id,
            kind: 'escalated',
            fromOrgId: d.org_id,
            toOrgId: to.id,
            note: d.due_at,
            at,
          });
          audits.push({
            action: 'request.escalate',
            entityType: 'request',
            entityId: d.id,
            tenantId,
            changes: {
              orgId: { before: d.org_id, after: to.id },
              escalations: { before: Number(d.escalations), after: Number(d.escalations) + 1 },
            },
          });
          for (const u of admins.filter((a) => a.org_id === to.id)) {
            const created = await notify(ctx, trx, {
              userId: u.id,
              tenantId,
              kind: 'request.escalated',
              title: '诉求逾期上报',
              body: `${nameOf.get(d.org_id) ?? ''}受理的诉求已超过办理时限（${chinaDay(d.due_at!)}），已上报至${to.name}：${d.description.slice(0, 60)}`,
              link: `/service/requests/${d.id}`,
              dedupeKey: `request.escalated:${d.id}:${Number(d.escalations) + 1}:${u.id}`,
            });
            if (created) result.notified++;
          }
        }
        await bumpVersion(trx, tenantId, 'residents');
        await writeAuditBatch(ctx, trx, null, audits);
      });
      result.escalated += moving.length;
      if (due.length < BATCH) break;
    }
  }
  await ctx.db
    .updateTable('job_runs')
    .set({ finished_at: ctx.clock().toISOString(), result: JSON.stringify(result) })
    .where('run_key', '=', runKey)
    .execute();
  return result;
}
