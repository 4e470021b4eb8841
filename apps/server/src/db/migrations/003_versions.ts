/** Data versions (for caches that must never serve a stale figure) and an index of live members for counts. */
import type { Migration } from './index.js';
import { createIndex, createTable, required } from '../migration-kit.js';

export const versions003: Migration = {
  name: '003_versions',
  async up(db, dialect) {
    await createTable(
      db,
      dialect,
      'data_versions',
      [required('integer', 'tenant_id'), required('text', 'domain'), required('integer', 'version')],
      (t) => t.addPrimaryKeyConstraint('data_versions_pk', ['tenant_id', 'domain']),
    );
    // Counting the live members of a subtree reads this index alone (no row lookups for deleted_at).
    await createIndex(db, 'members_live', 'members', ['tenant_id', 'org_path'], { whereNull: 'deleted_at' });
  },
};
