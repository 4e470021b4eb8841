/**
 * Versioned caches: a figure is cached under the version of the data it was computed from, and every
 * write bumps that version in its own transaction, so a cache never answers with a stale figure —
 * also across several server processes, since the version lives in the database.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { memo } from '../memo.js';

/**
 * The data a cache may depend on: the roster covers organizations and members; residents covers households, requests,
 * wishes and the rest of serving residents.
 */
export type Domain =
  | 'roster'
  | 'meetings'
  | 'residents'
  | 'households'
  | 'visits'
  | 'development'
  | 'transfers'
  | 'dues'
  | 'mobility'
  | 'tasks'
  | 'inspections'
  | 'problems'
  | 'weakOrgs'
  | 'accountability'
  | 'bulletins'
  | 'ratings'
  | 'points'
  | 'pledges'
  | 'reports'
  | 'selections'
  | 'retraining'
  | 'cadres'
  | 'dispatches'
  | 'contactPoints'
  | 'posts'
  | 'learning'
  | 'training'
  | 'incomes'
  | 'projects'
  | 'funds'
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

/**
 * Answers from the cache when the domain's version is unchanged since the value was computed,
 * else computes and stores it (one cache per database handle). Figures use the figures kit
 * (platform/figures.ts), which reads all their versions at once; this serves single-domain counts.
 */
export async function cached<T>(
  db: Kysely<DB>,
  tenantId: number,
  domain: Domain,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const version = await readVersion(db, tenantId, domain);
  return memo(db, `${tenantId}|${domain}|${version}|${key}`, compute);
}
