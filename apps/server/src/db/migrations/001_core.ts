/** Organizations, members, accounts, sessions and the audit trail. */
import { sql } from 'kysely';
import type { Migration } from './index.js';
import { idType, pathType } from '../dialect.js';

export const core001: Migration = {
  name: '001_core',
  async up(db, dialect) {
    await db.schema
      .createTable('orgs')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('parent_id', 'integer', (c) => c.references('orgs.id'))
      .addColumn('org_path', pathType(dialect), (c) => c.notNull())
      .addColumn('depth', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('term_start', 'text')
      .addColumn('term_end', 'text')
      .addColumn('secretary_member_id', 'integer')
      .addColumn('committee', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('orgs_scope').on('orgs').columns(['tenant_id', 'org_path']).execute();
    await db.schema.createIndex('orgs_parent').on('orgs').columns(['parent_id', 'sort_order']).execute();
    await db.schema.createIndex('orgs_term_end').on('orgs').columns(['tenant_id', 'term_end']).execute();

    await db.schema
      .createTable('members')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('org_path', pathType(dialect), (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_pinyin', 'text', (c) => c.notNull())
      .addColumn('name_initials', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull())
      .addColumn('id_number_enc', 'text', (c) => c.notNull())
      .addColumn('id_number_hash', 'text', (c) => c.notNull())
      .addColumn('id_number_masked', 'text', (c) => c.notNull())
      .addColumn('phone_enc', 'text')
      .addColumn('phone_hash', 'text')
      .addColumn('phone_masked', 'text')
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addColumn('ethnicity', 'text')
      .addColumn('education', 'text')
      .addColumn('category', 'text')
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .addColumn('full_member_at', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema
      .createIndex('members_scope')
      .on('members')
      .columns(['tenant_id', 'org_path', 'name_pinyin'])
      .execute();
    await db.schema.createIndex('members_org').on('members').columns(['org_id']).execute();
    await db.schema.createIndex('members_tenant_name').on('members').columns(['tenant_id', 'name']).execute();
    // One live member per ID number in a county; a deleted one may be re-entered.
    await db.schema
      .createIndex('members_id_number')
      .on('members')
      .columns(['tenant_id', 'id_number_hash'])
      .unique()
      .where(sql.ref('deleted_at'), 'is', null)
      .execute();
    await db.schema.createIndex('members_phone').on('members').columns(['phone_hash']).execute();

    await db.schema
      .createTable('users')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('tenant_id', 'integer')
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.references('orgs.id'))
      .addColumn('org_path', pathType(dialect))
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
      .addColumn('last_login_at', 'text')
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('users_scope').on('users').columns(['tenant_id', 'org_path']).execute();

    await db.schema
      .createTable('login_attempts')
      .addColumn('username', 'text', (c) => c.primaryKey())
      .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('last_failed_at', 'text')
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('ended_at', 'text')
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('tenant_id', 'integer')
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text')
      .addColumn('role', 'text')
      .addColumn('ip', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text')
      .addColumn('entity_id', 'text')
      .addColumn('changes', 'text')
      .addColumn('success', 'integer', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_at').on('audit_log').columns(['at']).execute();
    await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();
    await db.schema.createIndex('audit_actor').on('audit_log').columns(['actor_name']).execute();

    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('last_id', 'integer', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('last_hash', 'text', (c) => c.notNull())
      .execute();

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
