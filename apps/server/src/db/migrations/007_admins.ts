/**
 * Three administrators apart (三员分立): accounts whose password was set by an administrator must change it at
 * their first sign-in, and every grant of an administrator role is a proposal that a second person decides.
 */
import type { Migration } from './index.js';
import { createIndex, createTable, optional, ref, required, scopedKeys, withDefault } from '../migration-kit.js';

export const admins007: Migration = {
  name: '007_admins',
  async up(db, dialect) {
    // 1 while the account holds a one-time password: its session may only change the password.
    await db.schema
      .alterTable('users')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    // A proposed grant of an administrator role, to a new account (user_id null until approved) or an existing one.
    await createTable(db, dialect, 'role_grants', [
      scopedKeys,
      ref('user_id', 'users.id', 'nullable'),
      required('text', 'username', 'display_name', 'role'),
      optional('text', 'previous_role'),
      withDefault('status', 'text', 'pending'),
      ref('proposed_by', 'users.id'),
      required('text', 'proposed_at'),
      ref('decided_by', 'users.id', 'nullable'),
      optional('text', 'decided_at', 'note'),
    ]);
    await createIndex(db, 'role_grants_scope', 'role_grants', ['tenant_id', 'status', 'org_path']);
  },
};
