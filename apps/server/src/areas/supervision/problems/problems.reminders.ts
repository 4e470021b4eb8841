/**
 * The daily deadline job: a problem still to be fixed whose due date falls within the rule's `warnDays` notifies
 * the staff of its organization; one past its due date notifies the staff of the organization above (逾期上报).
 * Each notification carries a dedupe key of the problem, its due date and the person, so a second run the same
 * day, or the next, sends nothing new; a new due date (a reopening) warns again.
 */
import { addDays, chinaToday, chinaYear } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { notify } from '../../core/notifications/notifications.service.js';
import * as reports from './problems.reports.repository.js';
import { problemRules } from './problems.rules.js';

/** Sends the reminders and escalations of one county (or every county); answers what it sent. */
export async function remindProblems(
  ctx: Ctx,
  now: Date,
  tenantId?: number,
): Promise<{ reminded: number; escalated: number }> {
  const today = chinaToday(now);
  const out = { reminded: 0, escalated: 0 };
  for (const tenant of tenantId != null ? [tenantId] : await reports.tenants(ctx.db)) {
    const rules = await problemRules(ctx.db, tenant, chinaYear(now));
    const due = await reports.dueBy(ctx.db, tenant, addDays(today, rules.warnDays));
    const orgIds = new Set<number>();
    for (const d of due) {
      orgIds.add(d.org_id);
      if (d.parent_id != null) orgIds.add(d.parent_id);
    }
    const staff = await reports.staffOf(ctx.db, tenant, [...orgIds]);
    const reminded: number[] = [];
    const escalated: number[] = [];
    for (const d of due) {
      const late = d.due_on! < today;
      const to = late ? d.parent_id : d.org_id;
      const no = d.notice_no ? `（${d.notice_no}）` : '';
      for (const s of staff.filter((u) => u.org_id === to)) {
        const sent = await notify(ctx, ctx.db, {
          userId: s.id,
          tenantId: tenant,
          kind: late ? 'escalation.problem' : 'reminder.problem',
          title: late ? `问题整改已逾期：${d.org_name}` : `问题整改即将到期：${d.title}`,
          body: late
            ? `${d.org_name}「${d.title}」${no}应于 ${d.due_on} 前整改到位，已逾期，请督促整改。`
            : `「${d.title}」${no}应于 ${d.due_on} 前整改到位。`,
          link: `/supervision/problems/${d.id}`,
          dedupeKey: `problem:${d.id}:${late ? 'overdue' : 'warn'}:${d.due_on}:${s.id}`,
        });
        if (!sent) continue;
        (late ? escalated : reminded).push(d.id);
      }
    }
    await reports.markSent(ctx.db, [...new Set(reminded)], 'reminded_on', today);
    await reports.markSent(ctx.db, [...new Set(escalated)], 'escalated_on', today);
    out.reminded += new Set(reminded).size;
    out.escalated += new Set(escalated).size;
  }
  return out;
}
