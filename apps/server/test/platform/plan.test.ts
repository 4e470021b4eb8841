/**
 * The subtree filter (tenant_id = ? and org_path >= ? and org_path < ?) must be answered by an index
 * on both engines, for the literal query shape and for the queries the repositories really send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql, type QueryResult } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DB } from '../../src/db/schema/index.js';
import { subtreeRange } from '../../src/db/dialect.js';
import * as membersRepo from '../../src/areas/core/members/members.repository.js';
import * as orgsRepo from '../../src/areas/core/orgs/orgs.repository.js';
import * as meetingsRepo from '../../src/areas/life/meetings/meetings.repository.js';
import { dialects, type Fixture, type TestEnv, openFixture } from '../harness.js';

describe.each(dialects())('subtree query plans on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let townAPath: string;
  beforeAll(async () => {
    ({ env, fx } = await openFixture(dialect));
    townAPath = (
      await env.ctx.db.selectFrom('orgs').select('org_path').where('id', '=', fx.townA).executeTakeFirstOrThrow()
    ).org_path;
    await grow();
    // Statistics, as a running database has them (without them PostgreSQL ties every index on tenant_id).
    await sql`analyze`.execute(env.ctx.db);
  });
  afterAll(() => env.close());

  /**
   * A county's proportions: the fixture's townA stays small while townB gets 60 villages and 1,800
   * members, so that a township's subtree is a small slice of the tenant, as in the real county.
   */
  async function grow() {
    const { db } = env.ctx;
    const townB = await db.selectFrom('orgs').selectAll().where('id', '=', fx.townB).executeTakeFirstOrThrow();
    const template = await db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', fx.memberIn.villageB1)
      .executeTakeFirstOrThrow();
    const { id: _id, ...memberCols } = template;
    for (let v = 0; v < 60; v++) {
      const { id: _o, ...orgCols } = townB;
      const { id } = await db
        .insertInto('orgs')
        .values({
          ...orgCols,
          parent_id: townB.id,
          org_path: `${townB.org_path}new/`,
          depth: townB.depth + 1,
          name: `村${v}`,
          type: 'branch',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const orgPath = `${townB.org_path}${id}/`;
      await db.updateTable('orgs').set({ org_path: orgPath }).where('id', '=', id).execute();
      const rows = Array.from({ length: 30 }, (_, i) => ({
        ...memberCols,
        org_id: id,
        org_path: orgPath,
        name: `成员${v}-${i}`,
        name_pinyin: `chengyuan${v}x${i}`,
        id_number_hash: `h-${v}-${i}`,
        phone_hash: `p-${v}-${i}`,
      }));
      await db.insertInto('members').values(rows).execute();
    }
  }

  /**
   * The plan of one statement as text lines, on a connection that avoids sequential scans on PostgreSQL (the tables are
   * tiny).
   */
  async function plan(query: CompiledQuery): Promise<string[]> {
    if (dialect === 'sqlite') {
      const rows = env.ctx.database
        .sqlite!.prepare(`explain query plan ${query.sql}`)
        .all(...(query.parameters as unknown[])) as { detail: string }[];
      return rows.map((r) => r.detail);
    }
    return env.ctx.db.connection().execute(async (c) => {
      await sql`set enable_seqscan = off`.execute(c);
      try {
        const res = (await c.executeQuery(
          CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
        )) as QueryResult<{ 'QUERY PLAN': string }>;
        return res.rows.map((r) => r['QUERY PLAN']);
      } finally {
        await sql`reset enable_seqscan`.execute(c);
      }
    });
  }

  /** The index the plan uses to reach `table`: the SQLite SEARCH line or the PostgreSQL index scan node. */
  function expectIndexed(lines: string[], table: 'members' | 'orgs', alias: string, label: string) {
    const text = lines.join('\n');
    // Members have two subtree indexes: the ordered one for pages and the partial one of live rows for counts.
    const idx = table === 'members' ? '(?:members_scope|members_live)' : `${table}_scope`;
    if (dialect === 'sqlite') {
      const onTable = lines.filter((l) => new RegExp(`^(SCAN|SEARCH) (${alias}|${table})\\b`).test(l));
      expect(onTable.length, `${label}: no access to ${table} in\n${text}`).toBeGreaterThan(0);
      for (const l of onTable) {
        // A full SCAN of the table (no index) fails; so does a SEARCH that uses anything but the scope index.
        expect(l, `${label}: ${table} is not searched through its scope index in\n${text}`).toMatch(
          new RegExp(`^SEARCH .*USING (COVERING )?INDEX ${idx} \\(tenant_id=\\? AND org_path>\\? AND org_path<\\?\\)`),
        );
      }
    } else {
      expect(text, `${label}: sequential scan of ${table} in\n${text}`).not.toMatch(
        new RegExp(`Seq Scan on ${table}\\b`),
      );
      expect(text, `${label}: ${table}_scope not used in\n${text}`).toMatch(
        new RegExp(`Index (Only )?Scan (using|on) ${idx}\\b`),
      );
      // The range must be an index condition on the scope index, not a filter applied after the fact.
      const cond = lines.findIndex((l) => new RegExp(`Index (Only )?Scan (using|on) ${idx}\\b`).test(l));
      const block = lines.slice(cond, cond + 3).join('\n');
      expect(block, `${label}: org_path is not an index condition in\n${text}`).toMatch(
        /Index Cond: .*org_path >=.*org_path </s,
      );
    }
  }

  /** A Kysely over the same database that records the SQL the repositories send. */
  function recorder(): { db: Kysely<DB>; queries: CompiledQuery[]; close(): Promise<void> } {
    const queries: CompiledQuery[] = [];
    const log = (e: { level: string; query: CompiledQuery }) => void (e.level === 'query' && queries.push(e.query));
    if (dialect === 'sqlite') {
      const conn = new SQLite(env.ctx.database.file!, { readonly: true });
      const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: conn }), log });
      return { db, queries, close: () => db.destroy() };
    }
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: env.databaseUrl!, max: 1 }) }),
      log,
    });
    return { db, queries, close: () => db.destroy() };
  }

  it('finds members of a subtree through members_scope (the literal query shape)', async () => {
    const [lo, hi] = subtreeRange(townAPath);
    const q = env.ctx.db
      .selectFrom('members')
      .select(['id', 'name'])
      .where('tenant_id', '=', fx.county)
      .where('org_path', '>=', lo)
      .where('org_path', '<', hi)
      .compile();
    expect(q.sql).toMatch(/"org_path" >= .* and "org_path" < /);
    expectIndexed(await plan(q), 'members', 'members', 'members shape');
    // The plan is of a query that really answers the subtree: townA's subtree holds 3 members (townA, A1, A2); townB's
    // are outside.
    const rows = await env.ctx.db.executeQuery(q);
    expect(rows.rows.length).toBe(3);
  });

  it('finds orgs of a subtree through orgs_scope (the literal query shape)', async () => {
    const [lo, hi] = subtreeRange(townAPath);
    const q = env.ctx.db
      .selectFrom('orgs')
      .select(['id', 'name'])
      .where('tenant_id', '=', fx.county)
      .where('org_path', '>=', lo)
      .where('org_path', '<', hi)
      .compile();
    expectIndexed(await plan(q), 'orgs', 'orgs', 'orgs shape');
    const rows = (await env.ctx.db.executeQuery(q)).rows as { id: number }[];
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      [fx.townA, fx.villageA1, fx.villageA2, fx.groupA1].sort((a, b) => a - b),
    );
  });

  it('the member list the API runs (count and page) uses members_scope', async () => {
    const rec = recorder();
    try {
      const { total } = await membersRepo.listMembers(
        rec.db,
        fx.system,
        { underPath: townAPath, today: '2026-06-15' },
        { sort: 'org', order: 'asc', page: 1, pageSize: 20 },
      );
      expect(total).toBe(3);
    } finally {
      await rec.close();
    }
    const onMembers = rec.queries.filter((q) => /from "members"/.test(q.sql));
    expect(onMembers.length).toBe(2);
    for (const [i, q] of onMembers.entries())
      expectIndexed(await plan(q), 'members', 'm', `member list query ${i + 1}`);
  });

  it('the org search the API runs uses orgs_scope, and its member counts use members_scope', async () => {
    const rec = recorder();
    try {
      const { total } = await orgsRepo.search(rec.db, fx.system, { underPath: townAPath, page: 1, pageSize: 20 });
      expect(total).toBe(4);
    } finally {
      await rec.close();
    }
    // count(*) and the page of ids filter the subtree of orgs; the node query counts members per org with a correlated
    // range.
    const [count, ids, nodes] = rec.queries;
    expect(rec.queries.length).toBe(3);
    expectIndexed(await plan(count), 'orgs', 'o', 'org count');
    expectIndexed(await plan(ids), 'orgs', 'o', 'org page');
    const nodePlan = await plan(nodes);
    const text = nodePlan.join('\n');
    if (dialect === 'sqlite') {
      expect(text, `member count subquery in\n${text}`).toMatch(
        /SEARCH m USING (COVERING )?INDEX members_(scope|live) \(tenant_id=\? AND org_path>\? AND org_path<\?\)/,
      );
      expect(text).not.toMatch(/^SCAN m\b/m);
    } else {
      expect(text).not.toMatch(/Seq Scan on members\b/);
      expect(text).toMatch(/Index (Only )?Scan (using|on) members_(scope|live)\b/);
    }
  });

  it('a long county-wide meeting list by kind reads its page along meetings_kind_order, not a sort', async () => {
    const { db } = env.ctx;
    const b1 = await db.selectFrom('orgs').selectAll().where('id', '=', fx.villageB1).executeTakeFirstOrThrow();
    const now = '2026-06-15T00:00:00.000Z';
    const rows = Array.from({ length: 900 }, (_, i) => ({
      tenant_id: fx.county,
      org_id: b1.id,
      org_path: b1.org_path,
      kind: i % 3 ? 'theme_day' : 'committee_meeting',
      topic: `会议${i}`,
      held_on: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      start_time: '09:00',
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto('meetings')
        .values(rows.slice(i, i + 100))
        .execute();
    await sql`analyze`.execute(db);
    const rec = recorder();
    try {
      const { total } = await meetingsRepo.listMeetings(rec.db, fx.system, { kind: 'theme_day' }, 1, 20);
      expect(total).toBe(600); // past the 500 from which the list walks the order index
    } finally {
      await rec.close();
    }
    const page = rec.queries.find((q) => /from "meetings".*order by/s.test(q.sql))!;
    const text = (await plan(page)).join('\n');
    expect(text, `meeting page in\n${text}`).toMatch(/meetings_kind_order/);
    if (dialect === 'sqlite') expect(text).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    else expect(text).not.toMatch(/Seq Scan on meetings\b/);
  });

  it('the check itself fails on a plan without the index (the assertion can fail)', async () => {
    const [lo, hi] = subtreeRange(townAPath);
    // Wrapping the column in an expression defeats the index: the helper must refuse this plan.
    const q = CompiledQuery.raw(
      dialect === 'sqlite'
        ? "select id from members where tenant_id + 0 = ? and (org_path || '') >= ? and (org_path || '') < ?"
        : "select id from members where tenant_id + 0 = $1 and (org_path || '') >= $2 and (org_path || '') < $3",
      [fx.county, lo, hi],
    );
    const lines = await plan(q);
    expect(() => expectIndexed(lines, 'members', 'members', 'defeated')).toThrow();
  });
});
