/**
 * The funds module's tables (area economy, issue 14): grassroots funds and pay as yearly money records of a village
 * (operating, service, first secretaries' work funds, secretaries' pay …), amounts in integer fen.
 */
import type { Migration } from './index.js';
import { createIndex, createTable, optional, required, scopedKeys, stamps } from '../migration-kit.js';

export const funds040: Migration = {
  name: '040_funds',
  async up(db, dialect) {
    await createTable(db, dialect, 'fund_records', [
      scopedKeys,
      required('integer', 'year', 'amount_fen'),
      required('text', 'kind', 'source'),
      optional('text', 'note'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'fund_records_scope', 'fund_records', ['tenant_id', 'org_path']);
    await createIndex(db, 'fund_records_year', 'fund_records', ['tenant_id', 'year', 'kind']);
  },
};
