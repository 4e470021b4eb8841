/**
 * The batch compute's writes of star ratings: the computed totals of many results at once, in chunks (never one
 * statement per result).
 */
import { sql } from 'kysely';
import type { Q } from '../../../platform/data/scoped.js';

/** The computed totals of a result (the batch compute writes them). */
export interface StoredScore {
  self_total_tenths: number;
  total_tenths: number;
  stars: number;
  grade: string | null;
}

/** Writes computed totals of many results: one UPDATE per 200 results (a CASE by id per column). */
export async function updateScores(db: Q, rows: { id: number; set: StoredScore }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    // The casts give PostgreSQL the type of the CASE's parameters.
    const caseOf = (col: keyof StoredScore, type: 'integer' | 'text') =>
      sql<never>`CASE id ${sql.join(
        chunk.map((r) => sql`WHEN ${r.id} THEN CAST(${r.set[col]} AS ${sql.raw(type)})`),
        sql` `,
      )} END`;
    await db
      .updateTable('ratings')
      .set({
        self_total_tenths: caseOf('self_total_tenths', 'integer'),
        total_tenths: caseOf('total_tenths', 'integer'),
        stars: caseOf('stars', 'integer'),
        grade: caseOf('grade', 'text'),
      })
      .where(
        'id',
        'in',
        chunk.map((r) => r.id),
      )
      .execute();
  }
}
