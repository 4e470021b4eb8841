/** `dangjian serve`: migrate, load the demo into an empty database, serve HTTP, run the daily jobs. */
import { CHINA_TIME_ZONE, chinaToday } from '@dangjian/contracts';
import { Cron } from 'croner';
import { buildApp } from '../app.js';
import { dailyJobs } from '../areas/index.js';
import { overview } from '../areas/core/stats/stats.service.js';
import { compliance, stats as meetingStats } from '../areas/life/meetings/meetings.figures.js';
import { residentsStats } from '../areas/residents/common/residents.figures.js';
import type { Config } from '../config.js';
import { loadDemo } from '../demo/load.js';
import { systemActor } from '../platform/actor.js';
import type { Ctx } from '../platform/context.js';
import { existingUsernames, hasAnyOrg, rootOrgs } from './cli.repository.js';
import { openUrl, startBanner } from './banner.js';
import { DEMO_ACCOUNTS } from '../demo/load.js';
import { open } from './shared.js';

export async function serve(config: Config) {
  const started = Date.now();
  const ctx = await open(config);
  if (process.env.DJ_DEMO !== 'off' && !(await hasAnyOrg(ctx.db))) {
    console.log('数据库为空，正在载入演示县 Empty database: loading the demo county (a few minutes) …');
    await loadDemo(ctx, { log: (l) => console.log(l) });
  }
  const app = await buildApp(ctx, { logger: config.logLevel !== 'silent' });
  // A stop asked for while the server is still starting ends the start quietly (the supervisor's SIGTERM).
  let closing = false;
  const close = async () => {
    closing = true;
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  // Under the supervisor (bin/supervise.mjs): if it dies, so does this server, rather than live on unwatched.
  if (process.env.DJ_SUPERVISED === '1' && process.send) process.once('disconnect', close);
  await app.listen({ port: config.port, host: config.host });
  void warmUp(ctx);
  if (config.jobs) {
    // Daily at 07:00 China time, and once at start so a server that was down catches up (the job is idempotent).
    // The jobs of every module manifest, one after another; one failing does not stop the others.
    const job = async () => {
      const at = { now: new Date(), today: chinaToday() };
      for (const daily of dailyJobs())
        await daily.run(ctx, at).catch((err) => console.error(`${daily.name} failed:`, err));
    };
    new Cron('0 7 * * *', { timezone: CHINA_TIME_ZONE, protect: true }, job);
    void job();
  }
  const ready = `${ctx.dialect}，${((Date.now() - started) / 1000).toFixed(1)} 秒 s`;
  const demoUsers = await existingUsernames(
    ctx.db,
    DEMO_ACCOUNTS.map((a) => a.username),
  ).catch((err) => {
    if (closing) return null;
    throw err;
  });
  if (!demoUsers) return;
  for (const line of startBanner(openUrl(config.host, config.port, config.publicUrl), demoUsers, ready))
    console.log(line);
}

/** Computes each county's home figures once after start, so the first visitor does not wait for them. */
async function warmUp(ctx: Ctx): Promise<void> {
  try {
    const day = chinaToday();
    const roots = await rootOrgs(ctx.db);
    for (const r of roots) {
      const actor = systemActor(r.tenant_id, r.org_path, r.id);
      await overview(ctx, actor);
      await compliance(ctx, actor, { period: day.slice(0, 7) });
      await meetingStats(ctx, actor, { period: day.slice(0, 4) });
      await residentsStats(ctx, actor, {});
    }
  } catch (err) {
    console.error('warm-up failed:', err);
  }
}
