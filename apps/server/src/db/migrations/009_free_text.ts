/**
 * Masks phone and ID numbers typed into free text before the free-text guard existed (issue 10): every
 * free-text column of the business tables passes the one detector once. The append-only audit_log is left
 * as it is — rewriting it would break its SM3 chain; writes from now on are masked on their way in.
 */
import type { Kysely } from 'kysely';
import { maskPersonalText } from '../../platform/personalText.js';
import type { Migration } from './index.js';

/** Tables (with an integer id) and their free-text columns. */
export const FREE_TEXT_COLUMNS: Record<string, string[]> = {
  meetings: ['topic', 'place', 'minutes', 'decisions'],
  meeting_attendance: ['leave_reason'],
  meeting_motions: ['title'],
  notifications: ['title', 'body'],
  households: ['address', 'note'],
  zones: ['area'],
  visits: ['found', 'promised'],
  requests: ['description', 'result', 'department'],
  service_evaluations: ['comments'],
  wishes: ['title', 'description', 'fulfil_note'],
  errands: ['title', 'description', 'result', 'card_no'],
  service_events: ['note'],
};

const BATCH = 2000;
const DIGIT = /[0-9\uff10-\uff19]/;

/** Masks the free text of every table in id order, a batch at a time; returns the number of rows changed. */
export async function maskStoredFreeText(db: Kysely<any>, tables = FREE_TEXT_COLUMNS): Promise<number> {
  let changed = 0;
  for (const [table, columns] of Object.entries(tables)) {
    let lastId = 0;
    for (;;) {
      const rows = (await db
        .selectFrom(table)
        .select(['id', ...columns])
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(BATCH)
        .execute()) as Record<string, unknown>[];
      for (const r of rows) {
        const set: Record<string, string> = {};
        for (const c of columns) {
          const v = r[c];
          if (typeof v !== 'string' || !DIGIT.test(v)) continue;
          const m = maskPersonalText(v);
          if (m !== v) set[c] = m;
        }
        if (Object.keys(set).length) {
          await db
            .updateTable(table)
            .set(set)
            .where('id', '=', r.id as number)
            .execute();
          changed++;
        }
      }
      if (rows.length < BATCH) break;
      lastId = rows[rows.length - 1]!.id as number;
    }
  }
  return changed;
}

export const freeText009: Migration = {
  name: '009_free_text',
  async up(db) {
    await maskStoredFreeText(db);
  },
};
