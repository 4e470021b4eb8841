/**
 * The demo's bulk writer on both databases: rows in a caller's transaction go through it (they roll back with it),
 * the load-wide SQLite settings are put back as they were, and on PostgreSQL the foreign keys dropped for a load come
 * back checked.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnv, dialects, type TestEnv } from '../../test/harness.js';
import { Bulk } from './bulk.js';

const COLS = ['tenant_id', 'rule_set', 'key', 'year', 'value', 'reason', 'updated_at', 'updated_by'];
const row = (year: number) => [1, 'bulk-test', 'k', year, '1', 'test', '2026-01-01T00:00:00.000Z', null];

describe.each(dialects())('the demo bulk writer on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createEnv(dialect);
  });
  afterAll(() => env?.close());

  const count = async () =>
    Number(
      (
        await env.ctx.db
          .selectFrom('rule_overrides')
          .select((e) => e.fn.countAll().as('n'))
          .where('rule_set', '=', 'bulk-test')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes inside the caller transaction, so its rows roll back with it', async () => {
    const bulk = new Bulk(env.ctx);
    await expect(
      env.ctx.db.transaction().execute(async (trx) => {
        await bulk.insert('rule_overrides', COLS, [row(2001), row(2002)], trx);
        const seen = await trx
          .selectFrom('rule_overrides')
          .select('year')
          .where('rule_set', '=', 'bulk-test')
          .execute();
        expect(seen.map((r) => r.year).sort()).toEqual([2001, 2002]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await count()).toBe(0);
    await bulk.insert('rule_overrides', COLS, [row(2003)]);
    expect(await count()).toBe(1);
  });

  it('keeps hostile text exactly as written: tabs, newlines, backslashes, quotes, emoji, null, empty', async () => {
    const texts = [
      'a\tb',
      'line 1\nline 2\r\nline 3',
      'C:\\dir\\file \\N \\t',
      '\\N',
      `"double" 'single' \\'`,
      '党建 🇨🇳👍🏽 emoji',
      '',
      null,
      '\t\n\\',
    ];
    const rows = texts.map((t, i) => [1, 'bulk-hostile', 'k', 3000 + i, t, i % 2 ? null : `${t}|reason`, 'x', null]);
    await new Bulk(env.ctx).insert('rule_overrides', COLS, rows);
    const back = await env.ctx.db
      .selectFrom('rule_overrides')
      .select(['year', 'value', 'reason'])
      .where('rule_set', '=', 'bulk-hostile')
      .orderBy('year')
      .execute();
    expect(back.map((r) => r.value)).toEqual(texts);
    expect(back.map((r) => r.reason)).toEqual(texts.map((t, i) => (i % 2 ? null : `${t}|reason`)));
  });

  it('drops the foreign keys for a load and adds them back checked; a failed load keeps its error', async () => {
    if (dialect !== 'postgres') return;
    const db = env.ctx.db;
    const keys = async () =>
      (
        await sql<{ name: string; def: string; valid: boolean }>`
          select conname as name, pg_get_constraintdef(oid) as def, convalidated as valid from pg_constraint
          where conrelid = 'residents'::regclass and contype = 'f' order by conname`.execute(db)
      ).rows;
    const before = await keys();
    expect(before.map((k) => k.name)).toEqual(expect.arrayContaining([expect.stringMatching(/household/)]));
    const bulk = new Bulk(env.ctx);
    await bulk.withoutIndexes(['residents'], async () => {
      expect(await keys()).toEqual([]);
    });
    expect(await keys()).toEqual(before);
    expect(before.every((k) => k.valid)).toBe(true);

    // A row whose household and organization do not exist, written while the keys are away.
    const orphan = () =>
      sql`insert into residents (tenant_id, org_id, org_path, household_id, name, relation, created_at, updated_at)
        values (1, 999999, '/999999/', 999999, '无户', 'self', 'x', 'x')`.execute(db);
    const mend = async () => {
      await sql`delete from residents where household_id = 999999`.execute(db);
      const now = new Set((await keys()).map((k) => k.name));
      for (const k of before.filter((k) => !now.has(k.name)))
        await sql.raw(`alter table residents add constraint ${k.name} ${k.def}`).execute(db);
      expect(await keys()).toEqual(before);
    };
    // The load itself succeeded: the key that comes back refuses the row, and says so.
    await expect(bulk.withoutIndexes(['residents'], orphan)).rejects.toThrow(/foreign key/);
    await mend();
    // The load failed: its own error is reported, not the key's.
    await expect(
      bulk.withoutIndexes(['residents'], async () => {
        await orphan();
        throw new Error('县 3 的写入失败');
      }),
    ).rejects.toThrow('县 3 的写入失败');
    await mend();
  });

  it('builds the dropped indexes again and puts the sorter settings back, also after a failed load', async () => {
    const sqlite = env.ctx.database.sqlite;
    if (!sqlite) return;
    const indexes = () =>
      (
        sqlite
          .prepare(
            "select name from sqlite_master where type = 'index' and tbl_name = 'residents' and sql is not null " +
              'order by name',
          )
          .all() as { name: string }[]
      ).map((r) => r.name);
    const settings = () => ['cache_size', 'threads'].map((n) => sqlite.pragma(n, { simple: true }));
    const before = indexes();
    expect(before.length).toBeGreaterThan(0);
    const harness = sqlite.pragma('cache_size', { simple: true });
    sqlite.pragma('cache_size = -4000');
    const own = settings();
    const bulk = new Bulk(env.ctx);
    await bulk.withoutIndexes(['residents'], async () => {
      expect(indexes()).toEqual([]);
    });
    expect(indexes()).toEqual(before);
    expect(settings()).toEqual(own);
    await expect(
      bulk.withoutIndexes(['residents'], async () => {
        throw new Error('县 2 的写入失败');
      }),
    ).rejects.toThrow('县 2 的写入失败');
    expect(indexes()).toEqual(before);
    expect(settings()).toEqual(own);
    // The other tests of the file run on the harness's own cache.
    sqlite.pragma(`cache_size = ${harness}`);
  });

  it('puts the connection settings back after the load-wide bulk settings', () => {
    const sqlite = env.ctx.database.sqlite;
    if (!sqlite) return;
    const read = () => ['journal_mode', 'synchronous', 'cache_size'].map((n) => sqlite.pragma(n, { simple: true }));
    const before = read();
    const restore = new Bulk(env.ctx).fast();
    expect(read()).toEqual(['delete', 0, -524288]);
    restore();
    expect(read()).toEqual(before);
  });
});
