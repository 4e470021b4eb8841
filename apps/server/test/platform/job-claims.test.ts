/**
 * The claim of a daily run (platform/data/jobRuns.ts, platform/daily.ts): of concurrent claims one wins, a finished
 * run is never run again, a claim left unfinished by a dead process is taken over once it is stale, and a failed run
 * gives its claim back. On a real database of each dialect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyJobs } from '../../src/platform/daily.js';
import { claimRun, finishClaimedRun, STALE_CLAIM_MS } from '../../src/platform/data/jobRuns.js';
import type { DailyJob } from '../../src/platform/manifest.js';
import { createEnv, dialects, type TestEnv } from '../harness.js';

const T0 = new Date('2026-06-01T00:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe.each(dialects())('job claims on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createEnv(dialect);
  });
  afterAll(async () => env?.close());

  const rowsOf = (key: string) => env.ctx.db.selectFrom('job_runs').selectAll().where('run_key', '=', key).execute();

  it('lets one of eight concurrent claims win, and keeps one row', async () => {
    const won = await Promise.all(Array.from({ length: 8 }, () => claimRun(env.ctx.db, 'a', 'k:race', T0)));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await rowsOf('k:race')).toHaveLength(1);
  });

  it('does not take over a fresh unfinished claim, nor a finished one however old', async () => {
    expect(await claimRun(env.ctx.db, 'b', 'k:fresh', T0)).toBe(true);
    expect(await claimRun(env.ctx.db, 'b', 'k:fresh', later(STALE_CLAIM_MS - 1000))).toBe(false);
    expect(await claimRun(env.ctx.db, 'b', 'k:done', T0)).toBe(true);
    await finishClaimedRun(env.ctx.db, 'k:done', later(1000), { n: 1 });
    expect(await claimRun(env.ctx.db, 'b', 'k:done', later(10 * STALE_CLAIM_MS))).toBe(false);
  });

  it('hands a stale unfinished claim (its process died) to exactly one of the processes that try', async () => {
    expect(await claimRun(env.ctx.db, 'c', 'k:stale', T0)).toBe(true);
    const at = later(STALE_CLAIM_MS + 1000);
    const won = await Promise.all(Array.from({ length: 6 }, () => claimRun(env.ctx.db, 'c', 'k:stale', at)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const [row] = await rowsOf('k:stale');
    expect(row?.started_at).toBe(at.toISOString());
    expect(row?.finished_at).toBeNull();
  });

  it('runs each daily job once for rounds started together, and again the next day', async () => {
    const counts = { x: 0, y: 0 };
    const jobs: DailyJob[] = [
      { name: 'count x', run: async () => ({ n: ++counts.x }) },
      { name: 'count y', run: async () => ({ n: ++counts.y }) },
    ];
    const at = { now: T0, today: '2026-06-01' };
    const rounds = await Promise.all([1, 2, 3].map(() => runDailyJobs(env.ctx, jobs, at, () => {})));
    expect(counts).toEqual({ x: 1, y: 1 });
    expect(rounds.flatMap((r) => r.ran).sort()).toEqual(['count x', 'count y']);
    expect(rounds.flatMap((r) => r.skipped)).toHaveLength(4);
    const [row] = await rowsOf('daily:count x:2026-06-01');
    expect(JSON.parse(row?.result ?? 'null')).toEqual({ n: 1 });
    expect(row?.finished_at).not.toBeNull();
    await runDailyJobs(env.ctx, jobs, { now: later(86_400_000), today: '2026-06-02' }, () => {});
    expect(counts).toEqual({ x: 2, y: 2 });
  });

  it('gives the claim of a failed run back, so the next round tries again', async () => {
    let tries = 0;
    const flaky: DailyJob = {
      name: 'flaky',
      run: async () => {
        if (++tries === 1) throw new Error('first try fails');
        return { tries };
      },
    };
    const at = { now: T0, today: '2026-06-01' };
    const first = await runDailyJobs(env.ctx, [flaky], at, () => {});
    expect(first.failed).toEqual(['flaky']);
    expect(await rowsOf('daily:flaky:2026-06-01')).toHaveLength(0);
    const second = await runDailyJobs(env.ctx, [flaky], at, () => {});
    expect(second.ran).toEqual(['flaky']);
    expect(tries).toBe(2);
  });
});
