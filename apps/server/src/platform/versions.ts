/**
 * Versioned caches: a figure is cached under the version of the data it was computed from, and every
 * write bumps that version in its own transaction, so a cache never answers with a stale figure —
 * also across several server processes, since the version lives in the database.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

/** The data a cache may depend on: the roster covers organizations and members; residents covers households, requests, wishes and the rest of serving residents. */
export type Domain =
  | 'roster'
  | 'meetings'
  | 'residents'
  | 'households'
  | 'visits'
  | `requests:${string}`
  | `rules:${string}`;

/** Bumps a domain's version inside the writing transaction. */
export async function bumpVersion(trx: Kysely<DB> | Transaction<DB>, tenantId: number, domain: Domain): Promise<void> {
  await trx
    .insertInto('data_versions')
    .values({ tenant_id: tenantId, domain, version: 1 })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'domain']).doUpdateSet((eb) => ({ version: eb('data_versions.version', '+', 1) })),
    )
    .execute();
}

/** The current version of a domain (0 before the first write). */
export async function readVersion(db: Kysely<DB> | Transaction<DB>, tenantId: number, domain: Domain): Promise<number> {
  const row = await db
    .selectFrom('data_versions')
    .select('version')
    .where('tenant_id', '=', tenantId)
    .where('domain', '=', domain)
    .executeTakeFirst();
  return row?.version ?? 0;
}

/** A small least-recently-used map. */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
  }
}

const caches = new WeakMap<object, Lru<unknown>>();

/**
 * Answers from the cache when the domain's version is unchanged since the value was computed,
 * else computes and stores it. `owner` scopes the cache (one per database handle).
 */
export async function cached<T>(
  db: Kysely<DB>,
  tenantId: number,
  domain: Domain,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  let lru = caches.get(db) as Lru<T> | undefined;
  if (!lru) caches.set(db, (lru = new Lru<T>(5000)) as Lru<unknown>);
  const version = await readVersion(db, tenantId, domain);
  const full = `${tenantId}|${domain}|${version}|${key}`;
  const hit = lru.get(full);
  if (hit !== undefined) return hit;
  // Concurrent misses of one key share one computation: a burst of requests after a write would
  // otherwise run the same heavy count once per request, one after another on SQLite's connection.
  let inflight = running_.get(db);
  if (!inflight) running_.set(db, (inflight = new Map()));
  const running = inflight.get(full) as Promise<T> | undefined;
  if (running) return running;
  const p = compute().then(
    (value) => {
      lru!.set(full, value);
      inflight!.delete(full);
      return value;
    },
    (err: unknown) => {
      inflight!.delete(full);
      throw err;
    },
  );
  inflight.set(full, p);
  return p;
}

/** Computations under way, per database handle. */
const running_ = new WeakMap<object, Map<string, Promise<unknown>>>();
