/**
 * The incomes module's tables (area economy, issue 14): yearly collective income of villages (村集体经济). An entry
 * lies on its village's path; amounts are integer fen; `status` is the township's review (only `accepted` counts).
 */
import type { Migration } from './index.js';
import { createIndex, createTable, optional, required, scopedKeys, stamps } from '../migration-kit.js';

export const incomes038: Migration = {
  name: '038_incomes',
  async up(db, dialect) {
    await createTable(db, dialect, 'income_entries', [
      scopedKeys,
      required('integer', 'year', 'amount_fen'),
      required('text', 'source', 'status'),
      optional('text', 'note', 'evidence', 'return_reason', 'reviewed_on'),
      optional('integer', 'reviewed_by', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'income_entries_scope', 'income_entries', ['tenant_id', 'org_path']);
    await createIndex(db, 'income_entries_year', 'income_entries', ['tenant_id', 'year', 'status']);
  },
};
