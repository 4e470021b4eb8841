/** `dangjian audit verify`, `dangjian jobs run reminders|wishes|escalations` and `dangjian rollups refresh`. */
import { chinaToday } from '@dangjian/contracts';
import { runReminders } from '../areas/life/meetings/meetings.reminders.js';
import { escalateOverdue } from '../areas/residents/requests/requests.escalation.js';
import { releaseExpiredClaims } from '../areas/residents/wishes/wishes.service.js';
import type { Config } from '../config.js';
import { verifyAudit } from '../platform/data/audit.js';
import { flag, open, UsageError } from './shared.js';
import { refreshAll } from '../areas/core/regions/rollups.refresh.js';

/** `dangjian rollups refresh`: recomputes every county's rollups now (after a load, or to check a refresh's time). */
export async function rollupsCommand(config: Config, args: string[]) {
  if (args[0] !== 'refresh') throw new UsageError('rollups refresh');
  const ctx = await open(config);
  const started = Date.now();
  const r = await refreshAll(ctx, (line, err) => console.error(line, err ?? ''));
  await ctx.database.close();
  console.log(
    `rollups: ${r.refreshed} counties refreshed in ${Date.now() - started} ms, ` +
      `${r.skipped} refreshing elsewhere, ${r.failed} failed`,
  );
  if (r.failed) process.exitCode = 1;
}

export async function auditCommand(config: Config, args: string[]) {
  if (args[0] !== 'verify') throw new UsageError('audit verify');
  const ctx = await open(config);
  const r = await verifyAudit(ctx, (n) => n % 50_000 === 0 && n > 0 && console.log(`checked ${n}`));
  await ctx.database.close();
  if (r.ok) console.log(`audit chain intact: ${r.checked} records`);
  else {
    const broken = r.firstBroken!;
    console.error(
      `audit chain BROKEN at record ${broken.id}: ${broken.reason} (${r.checked} records intact before it)`,
    );
    process.exitCode = 1;
  }
}

export async function jobsCommand(config: Config, args: string[]) {
  if (args[0] === 'run' && args[1] === 'wishes') {
    const ctx = await open(config);
    const r = await releaseExpiredClaims(ctx);
    await ctx.database.close();
    console.log(`wishes: ${r.released} claims past their deadline released`);
    return;
  }
  if (args[0] === 'run' && args[1] === 'escalations') {
    const ctx = await open(config);
    const r = await escalateOverdue(ctx, new Date());
    await ctx.database.close();
    console.log(`escalations: ${r.escalated} overdue requests moved up, ${r.notified} notifications`);
    return;
  }
  if (args[0] !== 'run' || args[1] !== 'reminders') throw new UsageError('jobs run reminders [--date YYYY-MM-DD]');
  const day = flag(args, 'date') ?? chinaToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError('--date must be YYYY-MM-DD');
  const ctx = await open(config);
  const r = await runReminders(ctx, day);
  await ctx.database.close();
  console.log(
    `reminders for ${day}: ${r.created} new (${r.fixedDay} before the fixed day, ` +
      `${r.periodClosing} period closing, ${r.birthdays} political birthdays), ${r.webhookSent} sent to the webhook`,
  );
}
