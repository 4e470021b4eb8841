/** The daily jobs of `serve`, each run once per China day however many server processes try. */
import type { Ctx } from './context.js';
import { claimRun, finishClaimedRun, releaseClaim } from './data/jobRuns.js';
import type { DailyJob } from './manifest.js';
import { loopYielder } from './yielder.js';

/** What one round of the daily jobs did in this process. */
export interface DailyRound {
  ran: string[];
  /** Claimed by another process (running or done today). */
  skipped: string[];
  failed: string[];
}

/** The `job_runs` key of a daily job's run on a day. */
export function dailyRunKey(name: string, today: string): string {
  return `daily:${name}:${today}`;
}

/**
 * Runs each job whose claim for `at.today` this process wins, one after another; one failing does not stop the others,
 * and its claim is released so that the next start (or another process) tries again.
 */
export async function runDailyJobs(
  ctx: Ctx,
  jobs: readonly DailyJob[],
  at: { now: Date; today: string },
  log: (line: string, err?: unknown) => void = (line, err) => console.error(line, err ?? ''),
): Promise<DailyRound> {
  const round: DailyRound = { ran: [], skipped: [], failed: [] };
  const pause = loopYielder();
  for (const job of jobs) {
    await pause();
    const key = dailyRunKey(job.name, at.today);
    try {
      if (!(await claimRun(ctx.db, job.name, key, ctx.clock()))) {
        round.skipped.push(job.name);
        continue;
      }
    } catch (err) {
      log(`${job.name}: the run could not be claimed`, err);
      round.failed.push(job.name);
      continue;
    }
    try {
      const result = await job.run(ctx, at);
      await finishClaimedRun(ctx.db, key, ctx.clock(), result);
      round.ran.push(job.name);
    } catch (err) {
      log(`${job.name} failed:`, err);
      round.failed.push(job.name);
      await releaseClaim(ctx.db, key).catch((e) => log(`${job.name}: its claim could not be released`, e));
    }
  }
  return round;
}
