/**
 * Bulk writes of the demo (residents, dues, meetings' attendance): chunked prepared statements of the raw
 * better-sqlite3 handle on SQLite, COPY FROM STDIN on PostgreSQL; the load-wide SQLite settings.
 */
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema/index.js';
import type { Ctx } from '../platform/context.js';
import { copyRows } from './copy.js';
import { demoTick } from './progress.js';

export type Row = unknown[];

/** The big tables of the residents demo, written with their indexes dropped and rebuilt once at the end. */
export const BIG_TABLES = [
  'households',
  'residents',
  'household_groups',
  'pairings',
  'visits',
  'requests',
  'timeline_events',
  'wishes',
  'errands',
];

/** The big tables as people call them, for the progress lines of the start log. */
const TABLE_LABELS: Record<string, string> = {
  households: '住户 households',
  residents: '居民 residents',
  household_groups: '联户 groups',
  pairings: '结对 pairings',
  visits: '走访 visits',
  requests: '诉求 requests',
  timeline_events: '诉求进程 request events',
  wishes: '微心愿 wishes',
  errands: '代办 errands',
  dues_profiles: '党费档案 dues profiles',
  dues_bills: '党费账单 dues bills',
  dues_payments: '党费缴纳 dues payments',
  dues_payment_bills: '缴纳明细 payment lines',
  meeting_attendance: '出席 attendance',
};
// A table without a label is named by its rows rather than by its code: a start log is read by people.
const tableLabel = (t: string) => TABLE_LABELS[t] ?? '记录 records';

/** The first columns of an org-owned table: id, tenant, the owning organization and its path. */
export const SCOPED_COLUMNS = ['id', 'tenant_id', 'org_id', 'org_path'];
/** The encrypted, hashed and masked columns of a personal number. */
export const guardedColumns = (name: string) => [`${name}_enc`, `${name}_hash`, `${name}_masked`];
/** The last columns of most tables: created, updated, deleted. */
export const STAMP_COLUMNS = ['created_at', 'updated_at', 'deleted_at'];
/** The values of the stamp columns of a row written at `at` and not deleted. */
export const stampValues = (at: string) => [at, at, null];
/** The values of the phone columns of a row, from a household or a resident. */
export const phoneValues = (p: { phoneEnc: unknown; phoneHash: unknown; phoneMasked: unknown }) => [
  p.phoneEnc,
  p.phoneHash,
  p.phoneMasked,
];

/**
 * Inserts rows into a table of a raw SQLite connection, in transactions of 50,000 rows; `tick` after each with the
 * rows written so far. Also used by the demo's second thread, on a connection of its own.
 */
export function sqliteInsert(
  sqlite: SQLite.Database,
  table: string,
  cols: readonly string[],
  rows: Row[],
  tick: (written: number) => void = () => {},
): void {
  // One row per call: measured against 7-row statements on the requests' rows, binding a flattened array of
  // several rows cost ~50% more CPU than the single-row statement saves.
  const stmt = sqlite.prepare(`insert into ${table} (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`);
  const CHUNK = 50_000;
  const write = sqlite.transaction((chunk: Row[]) => {
    for (const r of chunk) stmt.run(r);
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    write(rows.slice(i, i + CHUNK));
    tick(Math.min(i + CHUNK, rows.length));
  }
}

/**
 * Writes rows with explicit ids: prepared statements in chunked transactions on SQLite, COPY on PostgreSQL.
 */
export class Bulk {
  constructor(private readonly ctx: Ctx) {}

  /** The next free id of a table (demo tables may already hold another county's rows). */
  async nextId(table: string): Promise<number> {
    const r = (await (this.ctx.db as any)
      .selectFrom(table)
      .select((e: any) => e.fn.max('id').as('m'))
      .executeTakeFirst()) as { m: number | null } | undefined;
    return Number(r?.m ?? 0) + 1;
  }

  /** CPU milliseconds spent writing, for the load log. */
  writeMs = 0;

  /**
   * Inserts rows (arrays in `cols` order). Inside a caller's transaction pass it as `trx`: on PostgreSQL the rows
   * go through it (another connection would not see the rows they refer to); on SQLite, one connection, they nest.
   */
  async insert(table: string, cols: readonly string[], rows: Row[], trx?: Kysely<DB>): Promise<void> {
    if (!rows.length) return;
    const c0 = process.cpuUsage();
    try {
      await this.write(table, cols, rows, trx);
    } finally {
      const u = process.cpuUsage(c0);
      this.writeMs += (u.user + u.system) / 1000;
    }
  }

  private async write(table: string, cols: readonly string[], rows: Row[], via?: Kysely<DB>): Promise<void> {
    const sqlite = this.ctx.database.sqlite;
    if (sqlite) {
      // Synchronous writes starve timers: the progress line is written from here.
      sqliteInsert(sqlite, table, cols, rows, (n) =>
        demoTick(() => `${tableLabel(table)} ${n}/${rows.length} 行 rows`),
      );
      return;
    }
    // PostgreSQL: COPY on the transaction's own client (the rows may refer to rows it has not committed), or on a
    // pooled client in a transaction of its own.
    const { client, release } = await this.ctx.database.pgClient!(via);
    try {
      if (!via) await client.query('begin');
      await copyRows(client, table, cols, rows, (n) =>
        demoTick(() => `${tableLabel(table)} ${n}/${rows.length} 行 rows`),
      );
      if (!via) await client.query('commit');
    } catch (e) {
      if (!via) await client.query('rollback').catch(() => {});
      throw e;
    } finally {
      release();
    }
  }

  /**
   * Runs `fn` with the secondary indexes of `tables` dropped and builds them again after: one sort per index is
   * several times faster than keeping them up to date row by row over millions of rows (both databases; primary
   * keys and constraints stay). On PostgreSQL the tables' foreign keys are dropped too and added back (validated)
   * after the indexes: a key checked row by row locks its parent row, and that check cost more CPU than storing the
   * row, where adding the key back checks every row in one join. Tables whose indexes and keys are already dropped by
   * an outer call are left alone.
   */
  async withoutIndexes<T>(tables: readonly string[], fn: () => Promise<T>): Promise<T> {
    const list = await this.secondaryIndexes(tables);
    const keys = await this.foreignKeys(tables);
    for (const k of keys) await this.exec(`alter table ${k.table} drop constraint ${k.name}`);
    for (const i of list) await this.exec(`drop index ${i.name}`);
    let failed = false;
    try {
      return await fn();
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      const restore = this.sorterSettings();
      try {
        for (const [n, i] of list.entries()) {
          demoTick(() => `建索引 building indexes ${n + 1}/${list.length}`);
          await this.exec(i.sql);
        }
      } finally {
        restore();
      }
      for (const [n, k] of keys.entries()) {
        demoTick(() => `检查外键 checking foreign keys ${n + 1}/${keys.length}`);
        // After a failed load a half-written county may break a key: the load's own error is the one to report.
        await this.exec(`alter table ${k.table} add constraint ${k.name} ${k.def}`).catch((e) => {
          if (!failed) throw e;
        });
      }
    }
  }

  /**
   * On SQLite, the settings under which an index is built fastest; returns what puts the connection's own back. The
   * sorter keeps keys in memory up to the page cache's size: with the load's 512 MB cache it sorted each index in one
   * piece on one thread. With an 8 MB cache it sorts pieces of 8 MB, on two threads, and merges them: the 31 indexes
   * of the county demo's big tables took 15 s instead of 24 s, in 80 MB instead of 850 MB (`threads = 2` alone gained
   * nothing, smaller caches down to 2 MB the same).
   */
  private sorterSettings(): () => void {
    const sqlite = this.ctx.database.sqlite;
    if (!sqlite) return () => {};
    const before = (['cache_size', 'threads'] as const).map((n) => [n, sqlite.pragma(n, { simple: true })] as const);
    sqlite.pragma('cache_size = -8192');
    sqlite.pragma('threads = 2');
    return () => {
      for (const [n, v] of before) sqlite.pragma(`${n} = ${v}`);
    };
  }

  /** The foreign keys of `tables` on PostgreSQL with their definitions; none on SQLite (its keys cannot be dropped). */
  private async foreignKeys(tables: readonly string[]): Promise<{ table: string; name: string; def: string }[]> {
    if (this.ctx.database.sqlite) return [];
    const { sql } = await import('kysely');
    const { rows } = await sql<{ table: string; name: string; def: string }>`
      select quote_ident(t.relname) as table, quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as def
      from pg_constraint c join pg_class t on t.oid = c.conrelid
      where c.contype = 'f' and t.relnamespace = current_schema()::regnamespace
        and t.relname in (${sql.join([...tables])})
      order by t.relname, c.conname`.execute(this.ctx.db);
    return rows;
  }

  /** The secondary indexes of `tables` with the statements that create them. */
  private async secondaryIndexes(tables: readonly string[]): Promise<{ name: string; sql: string }[]> {
    const sqlite = this.ctx.database.sqlite;
    if (sqlite)
      return sqlite
        .prepare(
          `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ` +
            `(${tables.map(() => '?').join(',')})`,
        )
        .all(...tables) as { name: string; sql: string }[];
    const { sql } = await import('kysely');
    const { rows } = await sql<{ name: string; sql: string }>`
      select quote_ident(i.relname) as name, pg_get_indexdef(x.indexrelid) as sql
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relnamespace = current_schema()::regnamespace and t.relname in (${sql.join([...tables])})
        and not x.indisprimary and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
      order by i.relname`.execute(this.ctx.db);
    return rows;
  }

  /** Runs one statement outside any transaction. */
  private async exec(statement: string): Promise<void> {
    const sqlite = this.ctx.database.sqlite;
    if (sqlite) sqlite.exec(statement);
    else {
      const { sql } = await import('kysely');
      await sql.raw(statement).execute(this.ctx.db);
    }
  }

  /**
   * On SQLite, bulk-load settings for the whole demo load; returns what puts the connection's own settings back.
   * No fsync and a rollback journal instead of the WAL: each page is written once, not to the WAL and again at the
   * checkpoint (measured ~20% less CPU for the inserts and the index builds), and a killed load still rolls back
   * cleanly. A big page cache for the writes (64 MB measured the same, in one run); the index builds after a load
   * take their own settings (`sorterSettings`). In-memory temp storage and mmap measured no better.
   */
  fast(): () => void {
    const sqlite = this.ctx.database.sqlite;
    if (!sqlite) return () => {};
    const names = ['journal_mode', 'synchronous', 'cache_size'] as const;
    const before = names.map((n) => [n, sqlite.pragma(n, { simple: true })] as const);
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -524288');
    return () => {
      for (const [n, v] of before) sqlite.pragma(`${n} = ${v}`);
    };
  }

  /** After explicit ids on PostgreSQL, moves the identity sequence past them. */
  async fixSequences(tables: readonly string[]): Promise<void> {
    if (this.ctx.dialect !== 'postgres') return;
    const { sql } = await import('kysely');
    for (const t of tables)
      await sql`select setval(pg_get_serial_sequence(${t}, 'id'),
        coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(this.ctx.db);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The contributor
