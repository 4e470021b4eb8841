/** Opens the database chosen by the configuration: embedded SQLite by default, PostgreSQL by DATABASE_URL. */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DB } from './schema/index.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** SQLite file path (null on PostgreSQL). */
  file: string | null;
  /** Raw better-sqlite3 handle for backup and bulk loads (null on PostgreSQL). */
  sqlite: SQLite.Database | null;
  /**
   * On PostgreSQL, the raw client under a transaction of `db` (for COPY), or a client checked out of the pool for
   * the caller to release when no transaction is given; null on SQLite.
   */
  pgClient: ((trx?: Kysely<DB>) => Promise<{ client: pg.PoolClient; release: () => void }>) | null;
  close(): Promise<void>;
}

// PostgreSQL answers count(*) and bigint as strings; our ids and counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/** How long a SQLite connection waits for another process's write lock before it fails with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** Opens (creating if needed) the SQLite file or connects to PostgreSQL. */
export function openDatabase(opts: { dataDir: string; databaseUrl: string | null; poolSize?: number }): Database {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle client whose connection the server ends (restart, failover, pg_terminate_backend) emits 'error' on
    // the pool; unheard, it kills the process. The pool drops that client and the next query opens a new one.
    pool.on('error', (err) => console.warn(`database: an idle connection was closed (${err.message})`));
    // A client checked out between two statements (inside a transaction) emits it on itself instead: its statement
    // fails (503 to the caller) and the pool discards it on release, so the event only needs hearing.
    // The clients by backend pid: a Kysely transaction hides its client, and COPY needs it (demo/bulk.ts).
    const byPid = new Map<number, pg.PoolClient>();
    pool.on('connect', (client) => {
      client.on('error', () => {});
      const pid = (client as unknown as { processID: number }).processID;
      byPid.set(pid, client);
      client.on('end', () => byPid.delete(pid));
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const pgClient = async (trx?: Kysely<DB>) => {
      if (!trx) {
        const client = await pool.connect();
        return { client, release: () => client.release() };
      }
      // The transaction holds its client until it ends, so the pid it answers names the client to use.
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      const client = byPid.get(rows[0].pid);
      if (!client) throw new Error(`no pooled client for backend ${rows[0].pid}`);
      return { client, release: () => {} };
    };
    return { db, dialect: 'postgres', file: null, sqlite: null, pgClient, close: () => db.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'dangjian.sqlite');
  const sqlite = new SQLite(file);
  // WAL keeps readers off the writer's back; NORMAL is durable against a killed process
  // (the OS still holds the pages), which is the failure the crash test proves.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // 16 MB of SQLite's own page cache: the operating system keeps the file's pages too, so a bigger cache mostly
  // doubled them in the server's resident memory (64 MB of it after the county bench; issue 16).
  sqlite.pragma('cache_size = -16384');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    file,
    sqlite,
    pgClient: null,
    close: async () => {
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs more than running a small query.
 * The same SQL text always means the same statement, and better-sqlite3 runs statements
 * synchronously, so a prepared statement can be reused safely.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (source: string) => {
          let stmt = cache.get(source);
          if (!stmt) {
            stmt = prepare(source);
            if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
            cache.set(source, stmt);
          }
          return stmt;
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
