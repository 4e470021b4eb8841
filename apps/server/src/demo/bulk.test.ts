/**
 * The demo's bulk writer on both databases: rows in a caller's transaction go through it (they roll back with it),
 * and the load-wide SQLite settings are put back as they were.
 */
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
