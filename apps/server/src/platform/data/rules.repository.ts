/** Queries of the rule overrides (`rule_overrides`): one table for every rule set, keyed by tenant, set, key, year. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema/index.js';

/** A handle the rules are read through: the database, or the caller's transaction. */
export type RulesDb = Kysely<DB> | Transaction<DB>;

/** One stored override; `reset`: the default again from `year` on (then `value` is undefined). */
export interface OverrideRow {
  key: string;
  year: number;
  reset: boolean;
  value: unknown;
  reason: string | null;
  updatedAt: string;
  updatedBy: number | null;
}

/** Whether the handle is a transaction (reads inside it must go through it, and bypass the shared cache). */
export function inTransaction(db: RulesDb): boolean {
  return db.isTransaction;
}

/** Every override of a rule set for a tenant, by key and year. */
export async function listOverrides(db: RulesDb, tenantId: number, set: string): Promise<OverrideRow[]> {
  const rows = await db
    .selectFrom('rule_overrides')
    .select(['key', 'year', 'value', 'reason', 'updated_at', 'updated_by'])
    .where('tenant_id', '=', tenantId)
    .where('rule_set', '=', set)
    .orderBy('key')
    .orderBy('year')
    .execute();
  return rows.map((r) => ({
    key: r.key,
    year: r.year,
    reset: r.value == null,
    value: r.value == null ? undefined : JSON.parse(r.value),
    reason: r.reason,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

/** Writes (inserts or replaces) the override of one key for one year; `value` null stores a reset. */
export async function putOverride(
  trx: RulesDb,
  o: {
    tenantId: number;
    set: string;
    key: string;
    year: number;
    value: string | null;
    reason: string | null;
    at: string;
    by: number | null;
  },
): Promise<void> {
  const row = { value: o.value, reason: o.reason, updated_at: o.at, updated_by: o.by };
  await trx
    .insertInto('rule_overrides')
    .values({ tenant_id: o.tenantId, rule_set: o.set, key: o.key, year: o.year, ...row })
    .onConflict((oc) => oc.columns(['tenant_id', 'rule_set', 'key', 'year']).doUpdateSet(row))
    .execute();
}

/** Removes the override of one key for one year (earlier years' overrides carry forward again). */
export async function deleteOverride(trx: RulesDb, tenantId: number, set: string, key: string, year: number) {
  await trx
    .deleteFrom('rule_overrides')
    .where('tenant_id', '=', tenantId)
    .where('rule_set', '=', set)
    .where('key', '=', key)
    .where('year', '=', year)
    .execute();
}
