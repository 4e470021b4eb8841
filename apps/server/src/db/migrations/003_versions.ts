/** Data versions (for caches that must never serve a stale figure) and an index of live members for counts. */
import { sql } from 'kysely';
import type { Migration } from './index.js';
import { pathType } from '../dialect.js';

export const versions003: Migration = {
  name: '003_versions',
  async up(db, dialect) {
    await db.schema
      .createTable('data_versions')
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('domain', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('data_versions_pk', ['tenant_id', 'domain'])
      .execute();
    // Counting the live members of a subtree reads this index alone (no row lookups for deleted_at).
    await db.schema
      .createIndex('members_live')
      .on('members')
      .columns(['tenant_id', 'org_path'])
      .where(sql.ref('deleted_at'), 'is', null)
      .execute();
    void pathType(dialect);
  },
};
