/**
 * A store of `@fastify/rate-limit` in the database (`rate_counters`), so that a limit holds across every server process
 * that shares it. One statement a hit: an upsert that starts a new window when the old one has run out and answers
 * the count, correct under concurrent hits from several processes (the row lock orders them).
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema/index.js';

type Incr = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** Hits a store lets pass between two sweeps of expired counters. */
const SWEEP_EVERY = 1000;
/** Counters whose window started longer ago than this are deleted by a sweep (longer than any limit's window). */
const SWEEP_AFTER_MS = 24 * 60 * 60 * 1000;

/** Counts one hit of `key` in a window of `windowMs` at `now`; answers the hits in the window and its time left. */
export async function countHit(
  db: Kysely<DB>,
  key: string,
  windowMs: number,
  now: Date,
): Promise<{ current: number; ttl: number }> {
  const at = now.toISOString();
  const expired = sql<boolean>`rate_counters.window_start <= ${new Date(now.getTime() - windowMs).toISOString()}`;
  const row = await db
    .insertInto('rate_counters')
    .values({ key, hits: 1, window_start: at })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when ${expired} then 1 else rate_counters.hits + 1 end`,
        window_start: sql<string>`case when ${expired} then ${at} else rate_counters.window_start end`,
      }),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  const ttl = Math.max(0, Date.parse(row.window_start) + windowMs - now.getTime());
  return { current: Number(row.hits), ttl };
}

/** A window of a distinct-values limit: at most `max` different values per key within `ms`. */
export interface DistinctWindow {
  ms: number;
  max: number;
}

/**
 * Records `value` under `key` at `now` and answers null, or the seconds to wait when it would exceed a window's max
 * (as `DistinctLimiter` in memory). PostgreSQL only: a transaction-level advisory lock on the key orders the check
 * and the write of concurrent takes from every process (and holds behind pgbouncer in transaction mode).
 */
export async function takeDistinct(
  db: Kysely<DB>,
  key: string,
  value: string,
  windows: readonly DistinctWindow[],
  now: Date,
): Promise<number | null> {
  const t = now.getTime();
  const longest = Math.max(...windows.map((w) => w.ms));
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`rate_values:${key}`}))`.execute(trx);
    const seen = await trx
      .selectFrom('rate_values')
      .select(['value', 'seen_at'])
      .where('key', '=', key)
      .where('value', '<>', value)
      .where('seen_at', '>', new Date(t - longest).toISOString())
      .execute();
    for (const w of windows) {
      const times = seen.map((r) => Date.parse(r.seen_at)).filter((at) => at > t - w.ms);
      if (times.length >= w.max) return Math.ceil((Math.min(...times) + w.ms - t) / 1000);
    }
    const at = now.toISOString();
    await trx
      .insertInto('rate_values')
      .values({ key, value, seen_at: at })
      .onConflict((oc) => oc.columns(['key', 'value']).doUpdateSet({ seen_at: at }))
      .execute();
    return null;
  });
}

/** Deletes the distinct values last seen before `before`. */
export async function sweepValues(db: Kysely<DB>, before: Date): Promise<void> {
  await db.deleteFrom('rate_values').where('seen_at', '<', before.toISOString()).execute();
}

/** Deletes the counters whose window started before `before`. */
export async function sweepCounters(db: Kysely<DB>, before: Date): Promise<void> {
  await db.deleteFrom('rate_counters').where('window_start', '<', before.toISOString()).execute();
}

/**
 * The store's class for `@fastify/rate-limit` (it constructs the store itself), bound to a database and a clock. A
 * route's child store prefixes its keys with the route, as the plugin's Redis store does.
 */
export function databaseRateStore(db: Kysely<DB>, clock: () => Date) {
  let hits = 0;
  class DatabaseStore {
    constructor(private readonly prefix = '') {}
    incr(key: string, cb: Incr, timeWindow: number): void {
      const now = clock();
      if (++hits % SWEEP_EVERY === 0)
        sweepCounters(db, new Date(now.getTime() - SWEEP_AFTER_MS)).catch((err: unknown) =>
          console.warn(`rate limits: expired counters not swept (${(err as Error).message})`),
        );
      countHit(db, `${this.prefix}${key}`, timeWindow, now).then(
        (res) => cb(null, res),
        (err: Error) => cb(err),
      );
    }
    child(opts: { routeInfo?: { method?: unknown; url?: string } }): DatabaseStore {
      const route = opts.routeInfo;
      return new DatabaseStore(route?.url ? `${String(route.method)} ${route.url}|` : this.prefix);
    }
  }
  return DatabaseStore;
}
