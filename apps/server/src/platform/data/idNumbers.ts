/**
 * Uniqueness of ID numbers within a county: whether a live record already holds a number (a write), and which
 * numbers of a file are held (an import), both by the (tenant_id, id_number_hash) index.
 */
import type { SelectQueryBuilder } from 'kysely';
import { foundAmong, type Q } from './scoped.js';

/** The records that hold ID numbers: their live rows of a county, and their id and hash columns. */
export interface IdHolders {
  rows: (db: Q, tenantId: number) => SelectQueryBuilder<any, any, any>;
  id: string;
  hash: string;
}

/** Whether a holder other than `exceptId` has this ID-number hash. */
export async function idNumberHeld(
  db: Q,
  holders: IdHolders,
  tenantId: number,
  hash: string,
  exceptId?: number,
): Promise<boolean> {
  let q = holders.rows(db, tenantId).select(holders.id).where(holders.hash, '=', hash);
  if (exceptId) q = q.where(holders.id, '!=', exceptId);
  return Boolean(await q.executeTakeFirst());
}

/**
 * Which of `hashes` holders have: looked up 500 at a time, pausing between lookups, rather than reading the
 * whole county (half a million rows would hold the event loop for a second).
 */
export function idHashesHeld(
  db: Q,
  holders: IdHolders,
  tenantId: number,
  hashes: string[],
  pause: () => Promise<void>,
): Promise<Set<string>> {
  return foundAmong(hashes, pause, async (chunk) => {
    const rows = await holders
      .rows(db, tenantId)
      .select(`${holders.hash} as h`)
      .where(holders.hash, 'in', chunk)
      .execute();
    return rows.map((r) => r.h as string | null);
  });
}
