/**
 * Escalation (逐级上报): an open request past its deadline moves to the parent of the organization
 * handling it, once per deadline — a request escalated after its due date is not moved again until a
 * reopening gives it a new deadline. Idempotent: running the job twice the same day moves nothing more.
 */
import { excerpt, requestTitle } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { move, SYSTEM } from '../../../platform/workflow.js';
import { notify } from '../../core/notifications/notifications.service.js';
import * as repo from './requests.repository.js';
import { chinaDay } from './requests.time.js';
import { requestFlow } from './requests.workflow.js';

const BATCH = 500;

/** A request's title in a notice: by what it is (number, category, household), not by its id. */
const titleOf = (d: repo.RequestRow, heads: Map<number, string>) =>
  requestTitle({
    requestNo: d.request_no,
    category: d.category,
    householdHead: d.household_id == null ? null : heads.get(d.household_id),
    residentName: d.resident_name,
  }).zh;

export interface EscalationResult {
  escalated: number;
  notified: number;
}

/** Escalates the overdue requests of every county (or of one tenant) at an instant: the flow's `escalate` move. */
export async function escalateOverdue(
  ctx: Ctx,
  now: Date,
  opts: { tenantId?: number } = {},
): Promise<EscalationResult> {
  const at = now.toISOString();
  const result: EscalationResult = { escalated: 0, notified: 0 };
  const runKey = `escalations:${chinaDay(now)}${opts.tenantId ? `:${opts.tenantId}` : ''}`;
  await repo.startJobRun(ctx.db, 'escalations', runKey, at);
  for (const tenantId of await repo.tenantsOf(ctx.db, opts.tenantId)) {
    let afterId = 0;
    for (;;) {
      const due = await repo.dueForEscalation(ctx.db, tenantId, at, BATCH, afterId);
      if (!due.length) break;
      afterId = due[due.length - 1]!.id;
      const { orgs, parents, admins } = await repo.escalationTargets(ctx.db, [...new Set(due.map((d) => d.org_id))]);
      const parentOf = new Map(orgs.map((o) => [o.id, parents.find((p) => p.id === o.parent_id) ?? null]));
      const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
      const moving = due.filter((d) => parentOf.get(d.org_id));
      if (!moving.length) continue; // already at the county: nowhere higher to go
      const heads = await repo.householdHeads(
        ctx.db,
        moving.map((d) => d.household_id),
      );
      // One transaction per batch: each request's move (status row, timeline, audit, versions) and its notices.
      await ctx.db.transaction().execute(async (trx) => {
        for (const d of moving) {
          const to = parentOf.get(d.org_id)!;
          await move(ctx, trx, SYSTEM, requestFlow, d, 'escalate', { to });
          for (const u of admins.filter((a) => a.org_id === to.id)) {
            const created = await notify(ctx, trx, {
              userId: u.id,
              tenantId,
              kind: 'request.escalated',
              title: '诉求逾期上报',
              body:
                `${nameOf.get(d.org_id) ?? ''}受理的「${titleOf(d, heads)}」已超过办理时限（${chinaDay(d.due_at!)}），` +
                `已上报至${to.name}：${excerpt(d.description, 60)}`,
              link: `/requests/${d.id}`,
              dedupeKey: `request.escalated:${d.id}:${Number(d.escalations) + 1}:${u.id}`,
            });
            if (created) result.notified++;
          }
        }
      });
      result.escalated += moving.length;
      if (due.length < BATCH) break;
    }
  }
  await repo.finishJobRun(ctx.db, runKey, ctx.clock().toISOString(), result);
  return result;
}
