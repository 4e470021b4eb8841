/** Organizations, members, accounts, sessions and the audit trail. */
import { sql } from 'kysely';
import type { Migration } from './index.js';
import {
  column,
  createIndex,
  createTable,
  guarded,
  id,
  optional,
  ref,
  required,
  scopedKeys,
  stamps,
  withDefault,
} from '../migration-kit.js';

export const core001: Migration = {
  name: '001_core',
  async up(db, dialect) {
    await createTable(db, dialect, 'orgs', [
      id,
      required('integer', 'tenant_id'),
      ref('parent_id', 'orgs.id', 'nullable'),
      required('path', 'org_path'),
      required('integer', 'depth'),
      required('text', 'name', 'type'),
      optional('text', 'field', 'term_start', 'term_end'),
      optional('integer', 'secretary_member_id'),
      withDefault('committee', 'text', '[]'),
      withDefault('sort_order', 'integer', 0),
      stamps,
    ]);
    await createIndex(db, 'orgs_scope', 'orgs', ['tenant_id', 'org_path']);
    await createIndex(db, 'orgs_parent', 'orgs', ['parent_id', 'sort_order']);
    await createIndex(db, 'orgs_term_end', 'orgs', ['tenant_id', 'term_end']);

    await createTable(db, dialect, 'members', [
      scopedKeys,
      required('text', 'name', 'name_pinyin', 'name_initials', 'gender'),
      required('text', 'id_number_enc', 'id_number_hash', 'id_number_masked'),
      guarded('phone'),
      required('text', 'birth_date'),
      optional('text', 'ethnicity', 'education', 'category'),
      required('text', 'joined_at'),
      optional('text', 'full_member_at'),
      required('text', 'status'),
      stamps,
    ]);
    await createIndex(db, 'members_scope', 'members', ['tenant_id', 'org_path', 'name_pinyin']);
    await createIndex(db, 'members_org', 'members', ['org_id']);
    await createIndex(db, 'members_tenant_name', 'members', ['tenant_id', 'name']);
    // One live member per ID number in a county; a deleted one may be re-entered.
    await createIndex(db, 'members_id_number', 'members', ['tenant_id', 'id_number_hash'], {
      unique: true,
      whereNull: 'deleted_at',
    });
    await createIndex(db, 'members_phone', 'members', ['phone_hash']);

    await createTable(db, dialect, 'users', [
      id,
      optional('integer', 'tenant_id'),
      column('username', 'text', (c) => c.notNull().unique()),
      required('text', 'display_name', 'password_hash', 'role'),
      ref('org_id', 'orgs.id', 'nullable'),
      optional('path', 'org_path'),
      ref('member_id', 'members.id', 'nullable'),
      withDefault('status', 'text', 'active'),
      withDefault('locale', 'text', 'zh-CN'),
      optional('text', 'last_login_at'),
      required('text', 'password_changed_at'),
      stamps,
    ]);
    await createIndex(db, 'users_scope', 'users', ['tenant_id', 'org_path']);

    await createTable(db, dialect, 'login_attempts', [
      column('username', 'text', (c) => c.primaryKey()),
      withDefault('failed_count', 'integer', 0),
      optional('text', 'locked_until', 'last_failed_at'),
    ]);

    await createTable(db, dialect, 'sessions', [
      column('token_hash', 'text', (c) => c.primaryKey()),
      ref('user_id', 'users.id'),
      required('text', 'csrf_token', 'created_at', 'last_seen_at'),
      optional('text', 'ip', 'user_agent', 'ended_at'),
    ]);
    await createIndex(db, 'sessions_user', 'sessions', ['user_id']);

    await createTable(db, dialect, 'audit_log', [
      id,
      required('text', 'at'),
      optional('integer', 'tenant_id', 'actor_id'),
      optional('text', 'actor_name', 'role', 'ip'),
      required('text', 'action'),
      optional('text', 'entity_type', 'entity_id', 'changes'),
      required('integer', 'success'),
      optional('text', 'detail'),
      required('text', 'prev_hash', 'hash'),
    ]);
    await createIndex(db, 'audit_at', 'audit_log', ['at']);
    await createIndex(db, 'audit_entity', 'audit_log', ['entity_type', 'entity_id']);
    await createIndex(db, 'audit_actor', 'audit_log', ['actor_name']);

    await createTable(db, dialect, 'audit_head', [
      column('id', 'integer', (c) => c.primaryKey()),
      required('integer', 'last_id', 'count'),
      required('text', 'last_hash'),
    ]);

    // The audit trail is append-only for the application's own connection too.
    if (dialect === 'postgres') {
      await sql`create function audit_log_immutable() returns trigger language plpgsql as $$
        begin raise exception 'audit_log is append-only'; end $$`.execute(db);
      await sql`create trigger audit_log_no_update before update or delete on audit_log
        for each row execute function audit_log_immutable()`.execute(db);
    } else {
      await sql`create trigger audit_log_no_update before update on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      await sql`create trigger audit_log_no_delete before delete on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    }
  },
};
