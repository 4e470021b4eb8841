/**
 * Claims of job runs in `job_runs`: however many server processes (workers of one `serve`, or servers on several
 * hosts) start a run of the same key, one claim wins. A claim is one statement, so it holds behind pgbouncer in
 * transaction mode (a session-level advisory lock would not), and it works alike on SQLite.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

/** How long a claim may stay unfinished before another process takes it over (its holder is taken for dead). */
export const STALE_CLAIM_MS = 2 * 60 * 60 * 1000;

/**
 * Claims the run `runKey` of `job` at `now`: true when this process is to run it — no one had claimed it, or the claim
 * is older than `staleMs` and never finished (its process died). A finished run is never claimed again.
 */
export async function claimRun(
  db: Kysely<DB>,
  job: string,
  runKey: string,
  now: Date,
  staleMs = STALE_CLAIM_MS,
): Promise<boolean> {
  const at = now.toISOString();
  const inserted = await db
    .insertInto('job_runs')
    .values({ job, run_key: runKey, started_at: at, finished_at: null, result: null })
    .onConflict((oc) => oc.column('run_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return true;
  // One conditional update: of two processes taking over the same stale claim, the second finds `started_at` moved
  // (PostgreSQL re-checks the row after the first commits; SQLite has one writer) and updates nothing.
  const taken = await db
    .updateTable('job_runs')
    .set({ started_at: at, result: null })
    .where('run_key', '=', runKey)
    .where('finished_at', 'is', null)
    .where('started_at', '<', new Date(now.getTime() - staleMs).toISOString())
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) > 0;
}

/** Marks a claimed run finished with its result (JSON). */
export async function finishClaimedRun(db: Kysely<DB>, runKey: string, now: Date, result: unknown): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ finished_at: now.toISOString(), result: JSON.stringify(result ?? null) })
    .where('run_key', '=', runKey)
    .execute();
}

/** Gives up an unfinished claim (its run failed), so that the next start or the next process may try again. */
export async function releaseClaim(db: Kysely<DB>, runKey: string): Promise<void> {
  await db.deleteFrom('job_runs').where('run_key', '=', runKey).where('finished_at', 'is', null).execute();
}
