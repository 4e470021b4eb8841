/**
 * Three administrators apart (三员分立): accounts whose password was set by an administrator must change it at
 * their first sign-in, and every grant of an administrator role is a proposal that a second person decides.
 */
import type { Migration } from './index.js';
import { idType, pathType } from '../dialect.js';

export const admins007: Migration = {
  name: '007_admins',
  async up(db, dialect) {
    // 1 while the account holds a one-time password: its session may only change the password.
    await db.schema
      .alterTable('users')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    // A proposed grant of an administrator role, to a new account (user_id null until approved) or an existing one.
    await db.schema
      .createTable('role_grants')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('org_path', pathType(dialect), (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('previous_role', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('proposed_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('proposed_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('decided_at', 'text')
      .addColumn('note', 'text')
      .execute();
    await db.schema
      .createIndex('role_grants_scope')
      .on('role_grants')
      .columns(['tenant_id', 'status', 'org_path'])
      .execute();
  },
};
