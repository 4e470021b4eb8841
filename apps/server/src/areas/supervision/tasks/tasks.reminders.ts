/**
 * The daily job of tasks: checks the targets of record-checked tasks, then alerts the open targets as their due
 * date nears — the target organization's staff at the first threshold (10 days before by default), also the level
 * above at the second (3 days), also two levels above once overdue. Each threshold goes once per target: the
 * highest one sent is stored on the target and each notification carries a dedupe key.
 */
import { addDays, chinaToday, chinaYear, TASK_ALERTS, type TaskAlert } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { notify } from '../../core/notifications/notifications.service.js';
import { checkRows } from './tasks.checks.js';
import * as jobsRepo from './tasks.jobs.repository.js';
import * as repo from './tasks.repository.js';
import { taskRules } from './tasks.rules.js';

const ORDER: TaskAlert[] = ['remind', 'escalate', 'overdue'];

/** The ids of an organization and of the `levels` organizations above it, from its path (`/1/17/33/`). */
export function upTheTree(orgPath: string, levels: number): number[] {
  const ids = orgPath.split('/').filter(Boolean).map(Number);
  return ids.slice(Math.max(0, ids.length - 1 - levels));
}

/** The threshold a target has reached on a day, or null before the first. */
export function thresholdOf(dueOn: string, today: string, r: { remindDays: number; escalateDays: number }) {
  if (dueOn < today) return 'overdue' as const;
  if (dueOn <= addDays(today, r.escalateDays)) return 'escalate' as const;
  if (dueOn <= addDays(today, r.remindDays)) return 'remind' as const;
  return null;
}

/** Checks and alerts one county (or every county); answers the targets checked done and the notifications sent. */
export async function runTasksJob(
  ctx: Ctx,
  now: Date,
  tenantId?: number,
): Promise<{ checked: number; notified: number }> {
  const today = chinaToday(now);
  const out = { checked: 0, notified: 0 };
  for (const tenant of tenantId != null ? [tenantId] : await jobsRepo.tenants(ctx.db)) {
    out.checked += await checkRows(ctx, await jobsRepo.targetsToCheck(ctx.db, { tenantId: tenant }));
    const rules = await taskRules(ctx.db, tenant, chinaYear(now));
    const rows = await jobsRepo.targetsToAlert(ctx.db, tenant, addDays(today, rules.remindDays));
    for (const r of rows) {
      const level = thresholdOf(r.due_on, today, rules);
      if (!level || (r.alerted && ORDER.indexOf(r.alerted as TaskAlert) >= ORDER.indexOf(level))) continue;
      const up =
        level === 'overdue' ? rules.overdueLevels : level === 'escalate' ? rules.escalateLevels : rules.remindLevels;
      const staff = await jobsRepo.staffAt(ctx.db, tenant, upTheTree(r.org_path, up));
      const late = level === 'overdue';
      for (const u of staff) {
        const sent = await notify(ctx, ctx.db, {
          userId: u.id,
          tenantId: tenant,
          kind: `reminder.tasks.${level}`,
          title: `${TASK_ALERTS[level].zh}：${r.title}`,
          body: `${r.org_name}「${r.title}」${late ? `已于 ${r.due_on} 逾期，尚未完成` : `应于 ${r.due_on} 前完成`}。`,
          link: `/tasks/${r.task_id}`,
          dedupeKey: `task:${r.id}:${level}:${u.id}`,
        });
        if (sent) out.notified++;
      }
      await repo.updateTarget(ctx.db, r.id, { alerted: level });
    }
  }
  return out;
}
