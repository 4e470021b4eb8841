/** Runs the pending migrations of either dialect. */
import { sql } from 'kysely';
import type { Database } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

/** Applies every migration not yet recorded; returns the names applied. */
export async function migrate(database: Database, log: (line: string) => void = () => {}): Promise<string[]> {
  const { db, dialect } = database;
  await sql`create table if not exists schema_migrations (name text primary key, applied_at text not null)`.execute(db);
  const done = new Set(
    (await sql<{ name: string }>`select name from schema_migrations`.execute(db)).rows.map((r) => r.name),
  );
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.name)) continue;
    log(`migrating ${m.name}`);
    await db.transaction().execute(async (trx) => {
      await m.up(trx, dialect);
      const appliedAt = new Date().toISOString();
      await sql`insert into schema_migrations (name, applied_at) values (${m.name}, ${appliedAt})`.execute(trx);
    });
    applied.push(m.name);
  }
  return applied;
}
