/**
 * Rules as data, once (issue 9): one override table for every rule set, keyed by tenant, rule set, key and year.
 * An override applies to its year and the later years until a later override of the same key; `value` null is a
 * reset (the default again from that year). The meetings' overrides (by year, each for its own year only) and the
 * residents' (no year) move here, and the two old tables go.
 */
import { sql } from 'kysely';
import type { Migration } from './index.js';
import { createIndex, createTable, id, optional, required } from '../migration-kit.js';

const CST_MS = 8 * 3_600_000;

/** The China year of an ISO timestamp, or of now when it does not parse. */
function chinaYear(iso: string | null): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return new Date((Number.isFinite(t) ? t : Date.now()) + CST_MS).getUTCFullYear();
}

interface MeetingRow {
  tenant_id: number;
  year: number;
  kind: string;
  rule: string | null;
  updated_at: string;
  updated_by: number | null;
}
interface ResidentsRow {
  tenant_id: number;
  rule: string;
  value: string;
  updated_at: string;
  updated_by: number | null;
}

export const rules011: Migration = {
  name: '011_rules',
  async up(db, dialect) {
    await createTable(db, dialect, 'rule_overrides', [
      id,
      required('integer', 'tenant_id'),
      required('text', 'rule_set', 'key'),
      required('integer', 'year'),
      // JSON text of the value (the JSON `null` is a value: a meeting kind not required); SQL null: reset to default.
      optional('text', 'value', 'reason'),
      required('text', 'updated_at'),
      optional('integer', 'updated_by'),
    ]);
    await createIndex(db, 'rule_overrides_unique', 'rule_overrides', ['tenant_id', 'rule_set', 'key', 'year'], {
      unique: true,
    });

    const rows: Record<string, unknown>[] = [];
    const meetings = (
      await sql<MeetingRow>`select tenant_id, year, kind, rule, updated_at, updated_by
      from meeting_rule_overrides`.execute(db)
    ).rows;
    const has = new Set(meetings.map((m) => `${m.tenant_id}|${m.kind}|${m.year}`));
    for (const m of meetings) {
      const base = { tenant_id: m.tenant_id, rule_set: 'meetings', key: m.kind, updated_by: m.updated_by };
      rows.push({ ...base, year: m.year, value: m.rule ?? 'null', reason: null, updated_at: m.updated_at });
      // An old override held for its own year only: the next year goes back to the default, so no result changes.
      if (!has.has(`${m.tenant_id}|${m.kind}|${m.year + 1}`))
        rows.push({
          ...base,
          year: m.year + 1,
          value: null,
          reason: '迁移：原调整只适用于当年 (migration 011: the old override held for its year only)',
          updated_at: m.updated_at,
        });
    }
    const residents = (
      await sql<ResidentsRow>`select tenant_id, rule, value, updated_at, updated_by
      from residents_rule_overrides`.execute(db)
    ).rows;
    for (const r of residents)
      rows.push({
        tenant_id: r.tenant_id,
        rule_set: 'residents',
        key: r.rule,
        // Without a year of its own, an override holds from the year it was set in.
        year: chinaYear(r.updated_at),
        value: r.value,
        reason: null,
        updated_at: r.updated_at,
        updated_by: r.updated_by,
      });
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('rule_overrides')
        .values(rows.slice(i, i + 200))
        .execute();

    await db.schema.dropTable('meeting_rule_overrides').execute();
    await db.schema.dropTable('residents_rule_overrides').execute();
  },
};
