/**
 * Counters of the public routes' rate limits (hits, and distinct values per key), shared by every server process on PostgreSQL (issue 16: with N processes
 * behind one proxy, counters in each process's memory let an address through N times the limit).
 */
import type { Migration } from './index.js';
import { column, createIndex, createTable, required } from '../migration-kit.js';

export const rateCounters041: Migration = {
  name: '041_rate_counters',
  async up(db, dialect) {
    await createTable(db, dialect, 'rate_counters', [
      column('key', 'text', (c) => c.primaryKey()),
      required('integer', 'hits'),
      required('text', 'window_start'),
    ]);
    await createIndex(db, 'rate_counters_window', 'rate_counters', ['window_start']);
    // The different values (e.g. phone numbers) one key (an address) used, with when each was last seen.
    await createTable(db, dialect, 'rate_values', [required('text', 'key', 'value', 'seen_at')]);
    await createIndex(db, 'rate_values_key_value', 'rate_values', ['key', 'value'], { unique: true });
    await createIndex(db, 'rate_values_seen', 'rate_values', ['seen_at']);
  },
};
