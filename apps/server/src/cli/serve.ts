/** `dangjian serve`: migrate, load the demo into an empty database, serve HTTP, run the daily jobs. */
import cluster from 'node:cluster';
import { CHINA_TIME_ZONE, chinaToday } from '@dangjian/contracts';
import { Cron } from 'croner';
import { buildApp } from '../app.js';
import { dailyJobs } from '../areas/index.js';
import { overview } from '../areas/core/stats/stats.service.js';
import { compliance, stats as meetingStats } from '../areas/life/meetings/meetings.figures.js';
import { residentsStats } from '../areas/residents/common/residents.figures.js';
import { workersOf, type Config } from '../config.js';
import { loadDemo } from '../demo/load.js';
import { systemActor } from '../platform/actor.js';
import type { Ctx } from '../platform/context.js';
import { existingUsernames, hasAnyOrg, rootOrgs } from './cli.repository.js';
import { openUrl, startBanner } from './banner.js';
import { DEMO_ACCOUNTS } from '../demo/load.js';
import { runDailyJobs } from '../platform/daily.js';
import { startInterval, type IntervalJob } from '../platform/interval.js';
import { loopYielder } from '../platform/yielder.js';
import { refreshChanged } from '../areas/core/regions/rollups.refresh.js';
import { runPrimary } from './cluster.js';
import { flag, open, UsageError } from './shared.js';

/**
 * Why several processes need PostgreSQL: on SQLite a second process's write waits on the file lock inside a
 * synchronous call (its whole event loop stops, up to busy_timeout), and a transaction that read before writing fails
 * with SQLITE_BUSY when another process wrote in between — errors a single process never meets.
 */
export const SQLITE_ONE_PROCESS =
  '多个服务进程（--workers 大于 1）需要 PostgreSQL（DATABASE_URL）；SQLite 只支持一个服务进程 ' +
  'Several server processes (--workers above 1) need PostgreSQL (DATABASE_URL); SQLite serves from one process';

/** The settings with `--workers N` of the command line applied over DJ_WORKERS. */
export function withWorkers(config: Config, args: string[]): Config {
  const raw = flag(args, 'workers');
  return raw === undefined ? config : { ...config, workers: workersOf(raw, '--workers') };
}

/** How long after listening a SQLite server begins its start-up work (see serve). */
const SQLITE_STARTUP_DELAY_MS = 2000;

/** Serves: one process, or with `workers` above 1 a primary that prepares the database and forks the servers. */
export async function serve(config: Config) {
  if (config.workers > 1 && !config.databaseUrl) throw new UsageError(SQLITE_ONE_PROCESS);
  const started = Date.now();
  // A worker finds the database migrated and loaded by its primary, before the fork.
  const ctx = await open(config, { migrate: !cluster.isWorker });
  if (!cluster.isWorker && process.env.DJ_DEMO !== 'off' && !(await hasAnyOrg(ctx.db))) {
    console.log('数据库为空，正在载入演示县 Empty database: loading the demo county (a few minutes) …');
    await loadDemo(ctx, { log: (l) => console.log(l) });
  }
  if (config.workers > 1 && cluster.isPrimary) {
    await ctx.database.close();
    console.log(`正在启动 ${config.workers} 个服务进程 Starting ${config.workers} server processes`);
    runPrimary(config.workers);
    return;
  }
  const app = await buildApp(ctx, { logger: config.logLevel !== 'silent' });
  // A stop asked for while the server is still starting ends the start quietly (the supervisor's SIGTERM).
  let closing = false;
  let rollups: IntervalJob | null = null;
  const close = async () => {
    // A second signal while closing is ignored, not fatal: under systemd (KillMode=control-group) or a terminal's
    // Ctrl-C a worker hears the stop from the group and again from its primary.
    if (closing) return;
    closing = true;
    await rollups?.stop();
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  // Under the supervisor (bin/supervise.mjs): if it dies, so does this server, rather than live on unwatched.
  if (process.env.DJ_SUPERVISED === '1' && process.send) process.once('disconnect', close);
  await app.listen({ port: config.port, host: config.host });
  // The start-up work: the home figures, the daily jobs a stopped server missed, the rollups' interval.
  const startup: (() => Promise<void>)[] = [() => warmUp(ctx, config.warmCounties)];
  if (config.jobs) {
    // Daily at 07:00 China time, and once at start so a server that was down catches up. Every process schedules
    // them; a claim in job_runs lets one process run each job once a day (platform/daily.ts).
    const job = async () => {
      const at = { now: new Date(), today: chinaToday() };
      const r = await runDailyJobs(ctx, dailyJobs(), at);
      console.log(
        `每日任务 daily jobs ${at.today}: ran ${r.ran.length}, claimed elsewhere ${r.skipped.length}, ` +
          `failed ${r.failed.length}`,
      );
    };
    new Cron('0 7 * * *', { timezone: CHINA_TIME_ZONE, protect: true }, job);
    // The rollups of the region dashboards: every DJ_ROLLUP_SECONDS, the counties whose data changed (one process
    // refreshes a county at a time: rollups.repository.ts). Only a round that did something is logged.
    const startRollups = async () => {
      rollups = startInterval('rollups', config.rollupSeconds, async () => {
        const r = await refreshChanged(ctx, { log: (line, err) => console.error(line, err ?? '') });
        if (r.refreshed || r.failed)
          console.log(
            `汇总 rollups: refreshed ${r.refreshed}, unchanged ${r.current}, ` +
              `refreshing elsewhere ${r.skipped}, failed ${r.failed}`,
          );
      });
    };
    startup.push(job, startRollups);
  }
  // On SQLite every query runs on this thread: the pieces run one after another, each pausing between its steps, so
  // requests are answered in between (run together, their steps left the event loop no gap for ~2.5 s after start).
  // They begin a moment after the server listens: a request needs a few turns of the event loop, and single
  // statements of the warm-up take up to a second, so a health check or first page at start would wait behind them.
  // On PostgreSQL they run together at once: the database works while this thread answers.
  if (ctx.dialect === 'sqlite')
    setTimeout(async () => {
      for (const piece of startup)
        if (!closing) await piece().catch((err) => console.error('start-up work failed:', err));
    }, SQLITE_STARTUP_DELAY_MS).unref();
  else for (const piece of startup) void piece().catch((err) => console.error('start-up work failed:', err));
  const ready = `${ctx.dialect}，${((Date.now() - started) / 1000).toFixed(1)} 秒 s`;
  const demoUsers = await existingUsernames(
    ctx.db,
    DEMO_ACCOUNTS.map((a) => a.username),
  ).catch((err) => {
    if (closing) return null;
    throw err;
  });
  // One banner: from the single server, or from the first worker.
  if (!demoUsers || (cluster.isWorker && cluster.worker?.id !== 1)) return;
  for (const line of startBanner(openUrl(config.host, config.port, config.publicUrl), demoUsers, ready))
    console.log(line);
}

/**
 * Computes the home figures of the first `limit` counties once after start, so their first visitor does not wait;
 * the counties past it compute theirs at their first visit (a province reads its rollups, not these).
 */
async function warmUp(ctx: Ctx, limit: number): Promise<void> {
  try {
    const day = chinaToday();
    const roots = await rootOrgs(ctx.db);
    // Requests come first: on SQLite each figure holds the event loop while it is computed.
    const pause = loopYielder();
    for (const r of roots.slice(0, limit)) {
      const actor = systemActor(r.tenant_id, r.org_path, r.id);
      await pause();
      await overview(ctx, actor);
      await pause();
      await compliance(ctx, actor, { period: day.slice(0, 7) });
      await pause();
      await meetingStats(ctx, actor, { period: day.slice(0, 4) });
      await pause();
      await residentsStats(ctx, actor, {});
    }
  } catch (err) {
    console.error('warm-up failed:', err);
  }
}
