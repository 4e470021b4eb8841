/**
 * `tenant_id` leads the keys, so that a province's database could later be distributed by county (docs/SCALE.md).
 * Read from the migrated schema of both engines: every table has a `tenant_id` column and every unique key holds it,
 * except the debts listed in tenant-keys-debt.json with their reasons. A new table or unique key without the tenant
 * fails; a debt that was paid must leave the list, so the list only shrinks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnv, dialects, type TestEnv } from '../harness.js';

const DEBT_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tenant-keys-debt.json');
const debt = JSON.parse(fs.readFileSync(DEBT_FILE, 'utf8')) as {
  tablesWithoutTenant: Record<string, string>;
  uniqueKeysWithoutTenant: Record<string, string>;
};

interface Shape {
  /** Table name → its columns. */
  columns: Map<string, string[]>;
  /** Unique keys other than the primary key, as `table(col,col)`. */
  uniqueKeys: { table: string; columns: string[] }[];
}

async function readShape(env: TestEnv): Promise<Shape> {
  const db = env.ctx.db;
  const columns = new Map<string, string[]>();
  const uniqueKeys: Shape['uniqueKeys'] = [];
  if (env.dialect === 'postgres') {
    const cols = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' order by table_name, ordinal_position`.execute(db);
    for (const r of cols.rows) columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
    const uniques = await sql<{ table_name: string; cols: string[] }>`
      select t.relname as table_name,
             array(select a.attname from unnest(i.indkey) with ordinality k(n, o)
                   join pg_attribute a on a.attrelid = t.oid and a.attnum = k.n order by k.o)::text[] as cols
      from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace s on s.oid = t.relnamespace
      where s.nspname = 'public' and i.indisunique and not i.indisprimary`.execute(db);
    for (const r of uniques.rows) uniqueKeys.push({ table: r.table_name, columns: r.cols });
    return { columns, uniqueKeys };
  }
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  for (const { name } of tables.rows) {
    const info = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name})`.execute(db);
    columns.set(
      name,
      info.rows.map((c) => c.name),
    );
    const indexes = await sql<{ name: string; unique: number; origin: string }>`
      select name, "unique", origin from pragma_index_list(${name})`.execute(db);
    for (const ix of indexes.rows) {
      if (!ix.unique || ix.origin === 'pk') continue;
      const cols = await sql<{ name: string }>`select name from pragma_index_info(${ix.name}) order by seqno`.execute(
        db,
      );
      uniqueKeys.push({ table: name, columns: cols.rows.map((c) => c.name) });
    }
  }
  return { columns, uniqueKeys };
}

for (const dialect of dialects()) {
  describe(`tenant keys on ${dialect}`, () => {
    let env: TestEnv;
    let shape: Shape;
    beforeAll(async () => {
      env = await createEnv(dialect);
      shape = await readShape(env);
    });
    afterAll(() => env.close());

    it('every table carries tenant_id, but for the listed debts', () => {
      const without = [...shape.columns]
        .filter(([, cols]) => !cols.includes('tenant_id'))
        .map(([t]) => t)
        .sort();
      expect(without).toEqual(Object.keys(debt.tablesWithoutTenant).sort());
      expect(shape.columns.size).toBeGreaterThan(100);
    });

    it('every unique key holds tenant_id, but for the listed debts', () => {
      const without = shape.uniqueKeys
        .filter((k) => shape.columns.get(k.table)?.includes('tenant_id') && !k.columns.includes('tenant_id'))
        .map((k) => `${k.table}(${k.columns.join(',')})`);
      expect([...new Set(without)].sort()).toEqual(Object.keys(debt.uniqueKeysWithoutTenant).sort());
    });

    it('every debt gives its reason', () => {
      for (const reason of [...Object.values(debt.tablesWithoutTenant), ...Object.values(debt.uniqueKeysWithoutTenant)])
        expect(reason.length).toBeGreaterThan(10);
    });
  });
}
