/**
 * The daily reminders job: secretaries before the fixed party day and before a period closes with
 * a kind still missing; members on their political birthday. Idempotent: every reminder has a
 * dedupe key, so the job may run any number of times a day.
 */
import { MEETING_KIND_LABELS, periodText } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { systemActor } from '../../../platform/actor.js';
import { sendRobot } from '../../../platform/webhook.js';
import { notify } from '../../core/notifications/notifications.service.js';
import { compliance, rulesFor } from './meetings.figures.js';
import { DUE_SOON_DAYS, FIXED_DAY_REMINDER_DAYS, MEETING_KINDS, type MeetingKind } from './meetings.rules.js';
import { daysBetween, fixedDayOf, unitOf } from './meetings.periods.js';
import * as repo from './meetings.reminders.repository.js';

export interface ReminderResult {
  day: string;
  created: number;
  fixedDay: number;
  periodClosing: number;
  birthdays: number;
  webhookSent: number;
}

/** Runs the reminders of one day (YYYY-MM-DD, China time) for every county. */
export async function runReminders(ctx: Ctx, day: string): Promise<ReminderResult> {
  const result: ReminderResult = { day, created: 0, fixedDay: 0, periodClosing: 0, birthdays: 0, webhookSent: 0 };
  const runKey = `reminders:${day}`;
  await repo.startRun(ctx.db, 'reminders', runKey, ctx.clock().toISOString());
  const roots = await repo.rootOrgs(ctx.db);
  for (const root of roots) {
    const actor = systemActor(root.tenant_id, root.org_path, root.id);
    const { rules } = await rulesFor(ctx, root.tenant_id, Number(day.slice(0, 4)));
    const secretaries = await repo.activeSecretaries(ctx.db, root.tenant_id);
    const byOrg = new Map<number, number[]>();
    for (const s of secretaries) if (s.org_id) byOrg.set(s.org_id, [...(byOrg.get(s.org_id) ?? []), s.id]);

    for (const kind of MEETING_KINDS) {
      const rule = rules[kind];
      if (!rule || rule.perMember) continue;
      const unit = unitOf(day, rule.every);
      const fixed = rule.fixedDay && rule.every === 'month' ? fixedDayOf(unit.key, rule.fixedDay) : null;
      const beforeFixed =
        fixed != null && daysBetween(day, fixed) >= 0 && daysBetween(day, fixed) <= FIXED_DAY_REMINDER_DAYS;
      const closing = daysBetween(day, unit.to) >= 0 && daysBetween(day, unit.to) <= DUE_SOON_DAYS;
      if (!beforeFixed && !closing) continue;
      const c = await compliance(ctx, actor, { period: unit.key }, { today: day });
      const label = MEETING_KIND_LABELS[kind as MeetingKind].zh;
      for (const item of c.items) {
        if (item.kind !== kind || item.status === 'done') continue;
        for (const userId of byOrg.get(item.orgId) ?? []) {
          const reason = beforeFixed ? 'fixed_day' : 'period_closing';
          const created = await notify(ctx, ctx.db, {
            userId,
            tenantId: root.tenant_id,
            kind: `reminder.${reason}`,
            title: beforeFixed ? `${fixed} 是${label}` : `${label}尚未召开`,
            body: beforeFixed
              ? `${item.orgName}：本月${label}定于 ${fixed} 召开，请提前做好安排并及时录入会议记录。`
              : `${item.orgName}：${periodText(unit.key)}${label}应召开 ${item.required} 次，` +
                `已录入 ${item.held} 次，本期于 ${unit.to} 结束。`,
            link: `/meetings/new?org=${item.orgId}&kind=${kind}`,
            dedupeKey: `${reason}:${kind}:${unit.key}:${item.orgId}:${userId}`,
          });
          if (created) {
            result.created++;
            if (beforeFixed) result.fixedDay++;
            else result.periodClosing++;
          }
        }
      }
    }

    // Political birthday (政治生日): the anniversary of joining; a 29 February falls on the 28th in other years.
    const md = day.slice(5);
    const year = Number(day.slice(0, 4));
    const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
    const mds = md === '02-28' && !leap ? ['02-28', '02-29'] : [md];
    const celebrants = await repo.memberAccounts(ctx.db, root.tenant_id);
    for (const c of celebrants) {
      if (!mds.includes(c.joined_at.slice(5)) || c.joined_at.slice(0, 4) >= day.slice(0, 4)) continue;
      const years = year - Number(c.joined_at.slice(0, 4));
      const created = await notify(ctx, ctx.db, {
        userId: c.user_id,
        tenantId: root.tenant_id,
        kind: 'political_birthday',
        title: '政治生日快乐',
        body: `${c.name}同志：今天是您的政治生日。您于 ${c.joined_at} 加入中国共产党，已走过 ${years} 年。不忘初心，牢记使命！`,
        link: '/m/',
        dedupeKey: `birthday:${year}:${c.member_id}`,
      });
      if (created) {
        result.created++;
        result.birthdays++;
      }
    }
  }

  // New reminders go to the group robot once: sent_at marks them.
  if (ctx.config.webhook) {
    const pending = await repo.unsentReminders(ctx.db, 200);
    if (pending.length) {
      const text = pending.map((n) => `- **${n.title}** ${n.body}`).join('\n');
      if (await sendRobot(ctx.config.webhook, `组织生活提醒（${day}）`, text)) {
        await repo.markSent(
          ctx.db,
          pending.map((p) => p.id),
          ctx.clock().toISOString(),
        );
        result.webhookSent = pending.length;
      }
    }
  }
  await repo.finishRun(ctx.db, runKey, ctx.clock().toISOString(), result);
  return result;
}
