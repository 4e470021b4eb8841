/**
 * The daily deadline job: each open candidacy whose next step falls due within the rule's `warnDays` (or is past
 * due) notifies the secretaries of its branch, once per step and due day (the notification's dedupe key), so a
 * second run the same day, or the next day, sends nothing new.
 */
import { chinaToday, chinaYear, DEVELOPMENT_STEP_LABELS } from '@dangjian/contracts';
import { addDays } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { notify } from '../../core/notifications/notifications.service.js';
import * as repo from './development.repository.js';
import { developmentRules } from './development.rules.js';

/** Sends the reminders of one county (or every county): answers the candidates due and the notifications sent. */
export async function remindDeadlines(
  ctx: Ctx,
  now: Date,
  tenantId?: number,
): Promise<{ candidates: number; notified: number }> {
  const today = chinaToday(now);
  const out = { candidates: 0, notified: 0 };
  for (const tenant of tenantId != null ? [tenantId] : await repo.tenants(ctx.db)) {
    const rules = await developmentRules(ctx.db, tenant, chinaYear(now));
    const due = await repo.dueBy(ctx.db, tenant, addDays(today, rules.warnDays));
    out.candidates += due.length;
    const secretaries = await repo.secretariesOf(ctx.db, tenant, [...new Set(due.map((d) => d.org_id))]);
    for (const d of due) {
      const step = DEVELOPMENT_STEP_LABELS[d.next_step as keyof typeof DEVELOPMENT_STEP_LABELS];
      const late = d.next_due_on! < today;
      for (const s of secretaries.filter((u) => u.org_id === d.org_id)) {
        const sent = await notify(ctx, ctx.db, {
          userId: s.id,
          tenantId: tenant,
          kind: 'reminder.development',
          title: late ? `发展党员步骤已逾期：${d.name}` : `发展党员步骤即将到期：${d.name}`,
          body: `${d.name}「${step?.zh ?? ''}」应于 ${d.next_due_on} 前办理${late ? '，已逾期' : ''}。`,
          link: `/development/${d.id}`,
          dedupeKey: `development:${d.id}:${d.next_step}:${d.next_due_on}:${s.id}`,
        });
        if (sent) out.notified++;
      }
    }
  }
  return out;
}
