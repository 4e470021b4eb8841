/**
 * Serving residents: households and residents, household groups, pairings, visits, requests with their
 * events and evaluations, micro-wishes, proxy errands, responsibility zones, photos, and the one-time
 * codes and outbox of residents' phone sign-in.
 */
import { sql } from 'kysely';
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Migration } from './index.js';
import type { DialectName } from '../database.js';
import { idType, pathType } from '../dialect.js';

/** The columns every org-owned table starts with: id, tenant and the owning organization's path. */
function scoped(db: Kysely<any>, dialect: DialectName, table: string) {
  return db.schema
    .createTable(table)
    .addColumn('id', idType(dialect), (c) => c.primaryKey())
    .addColumn('tenant_id', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', pathType(dialect), (c) => c.notNull());
}

/** Encrypted, hashed and masked columns of one personal number (see platform/crypto.ts). */
function guarded<T extends { addColumn: (...a: any[]) => T }>(t: T, name: string): T {
  return t.addColumn(`${name}_enc`, 'text').addColumn(`${name}_hash`, 'text').addColumn(`${name}_masked`, 'text');
}

export const service004: Migration = {
  name: '004_service',
  async up(db, dialect) {
    // Households (户) of a village or community; tags is a JSON array, is_poor derived from it for figures.
    let t: any = scoped(db, dialect, 'households')
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('head_name', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('is_poor', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('people', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('group_id', 'integer')
      .addColumn('note', 'text');
    t = guarded(t, 'phone');
    await t
      .addColumn('created_at', 'text', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('updated_at', 'text', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('households_scope').on('households').columns(['tenant_id', 'org_path', 'id']).execute();
    await db.schema.createIndex('households_group').on('households').columns(['group_id']).execute();
    await db.schema.createIndex('households_head').on('households').columns(['tenant_id', 'head_name']).execute();

    // Residents (居民): the people of a household.
    t = scoped(db, dialect, 'residents')
      .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('relation', 'text', (c) => c.notNull())
      .addColumn('gender', 'text')
      .addColumn('birth_date', 'text');
    t = guarded(guarded(t, 'id_number'), 'phone');
    await t
      .addColumn('created_at', 'text', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('updated_at', 'text', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('residents_household').on('residents').columns(['household_id']).execute();
    await db.schema.createIndex('residents_scope').on('residents').columns(['tenant_id', 'org_path']).execute();
    await db.schema.createIndex('residents_id_hash').on('residents').columns(['tenant_id', 'id_number_hash']).execute();
    await db.schema.createIndex('residents_phone_hash').on('residents').columns(['tenant_id', 'phone_hash']).execute();

    // Household groups (联户组, 三带五联).
    t = scoped(db, dialect, 'household_groups')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('leader_kind', 'text', (c) => c.notNull())
      .addColumn('leader_name', 'text', (c) => c.notNull())
      .addColumn('leader_member_id', 'integer')
      .addColumn('leader_household_id', 'integer');
    t = guarded(t, 'leader_phone');
    await t
      .addColumn('created_at', 'text', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('updated_at', 'text', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema
      .createIndex('household_groups_scope')
      .on('household_groups')
      .columns(['tenant_id', 'org_path'])
      .execute();

    // Pairing (结对帮扶): a cadre (a member of any organization of the county) with a poor household.
    await scoped(db, dialect, 'pairings')
      .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
      .addColumn('cadre_member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('started_on', 'text', (c) => c.notNull())
      .addColumn('ended_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('pairings_scope').on('pairings').columns(['tenant_id', 'org_path']).execute();
    await db.schema.createIndex('pairings_household').on('pairings').columns(['household_id']).execute();
    await db.schema.createIndex('pairings_cadre').on('pairings').columns(['cadre_member_id']).execute();

    // Visits (走访): a cadre's visit to a household of a village.
    await scoped(db, dialect, 'visits')
      .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
      .addColumn('visitor_member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('visited_on', 'text', (c) => c.notNull())
      .addColumn('found', 'text', (c) => c.notNull())
      .addColumn('promised', 'text')
      .addColumn('request_id', 'integer')
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('visits_scope').on('visits').columns(['tenant_id', 'org_path', 'visited_on']).execute();
    await db.schema.createIndex('visits_visitor').on('visits').columns(['visitor_member_id', 'visited_on']).execute();
    await db.schema.createIndex('visits_household').on('visits').columns(['household_id']).execute();

    // Requests (民情诉求). org_* is the organization handling it now; origin_* the one that accepted it.
    t = scoped(db, dialect, 'requests')
      .addColumn('origin_org_id', 'integer', (c) => c.notNull())
      .addColumn('origin_path', pathType(dialect), (c) => c.notNull())
      .addColumn('household_id', 'integer')
      .addColumn('resident_name', 'text')
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text')
      .addColumn('owner_member_id', 'integer')
      .addColumn('owner_name', 'text')
      .addColumn('department', 'text')
      .addColumn('escalations', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('escalated_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('result', 'text')
      .addColumn('rating', 'text')
      .addColumn('rated_at', 'text')
      .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0));
    t = guarded(t, 'phone');
    await t
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('updated_at', 'text', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    // Covers the list's filters, so the total of a township's hundreds of thousands of requests is counted
    // from the index alone rather than by as many row look-ups.
    await db.schema
      .createIndex('requests_scope')
      .on('requests')
      .columns([
        'tenant_id',
        'org_path',
        'deleted_at',
        'level',
        'channel',
        'category',
        'status',
        'rating',
        'accepted_at',
      ])
      .execute();
    await db.schema
      .createIndex('requests_origin')
      .on('requests')
      .columns(['tenant_id', 'origin_path', 'accepted_at'])
      .execute();
    // Open requests are a few hundred of a county's millions: lists of open or overdue ones and the escalation job read only these.
    await db.schema
      .createIndex('requests_open_due')
      .on('requests')
      .columns(['tenant_id', 'org_path', 'due_at', 'accepted_at'])
      .where(sql.ref('closed_at'), 'is', null)
      .execute();
    await db.schema.createIndex('requests_household').on('requests').columns(['household_id']).execute();
    await db.schema.createIndex('requests_phone').on('requests').columns(['tenant_id', 'phone_hash']).execute();

    // Evaluations (三评): monthly leader review, half-year residents' evaluation, year-end organization evaluation.
    await scoped(db, dialect, 'service_evaluations')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('grade', 'text')
      .addColumn('satisfied', 'integer')
      .addColumn('fairly_satisfied', 'integer')
      .addColumn('dissatisfied', 'integer')
      .addColumn('comments', 'text')
      .addColumn('evaluator_name', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema
      .createIndex('evaluations_scope')
      .on('service_evaluations')
      .columns(['tenant_id', 'org_path', 'period'])
      .execute();

    // Micro-wishes and micro-suggestions (微心愿、微建议).
    t = scoped(db, dialect, 'wishes')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('household_id', 'integer')
      .addColumn('resident_name', 'text')
      .addColumn('posted_via', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('claimed_by_member_id', 'integer')
      .addColumn('claimed_at', 'text')
      .addColumn('claim_due_at', 'text')
      .addColumn('fulfilled_at', 'text')
      .addColumn('fulfil_note', 'text')
      .addColumn('confirmed_at', 'text');
    t = guarded(t, 'phone');
    await t
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('updated_at', 'text', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('wishes_scope').on('wishes').columns(['tenant_id', 'org_path', 'created_at']).execute();
    await db.schema.createIndex('wishes_status').on('wishes').columns(['tenant_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('wishes_claimer').on('wishes').columns(['claimed_by_member_id']).execute();
    await db.schema.createIndex('wishes_phone').on('wishes').columns(['tenant_id', 'phone_hash']).execute();

    // Proxy errands (党员代办, 红色暖心卡).
    t = scoped(db, dialect, 'errands')
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('household_id', 'integer')
      .addColumn('resident_name', 'text', (c) => c.notNull())
      .addColumn('card_no', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('taken_at', 'text', (c) => c.notNull())
      .addColumn('done_at', 'text')
      .addColumn('result', 'text');
    t = guarded(t, 'phone');
    await t
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('updated_at', 'text', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('errands_scope').on('errands').columns(['tenant_id', 'org_path', 'taken_at']).execute();
    await db.schema.createIndex('errands_member').on('errands').columns(['member_id', 'taken_at']).execute();

    // Member responsibility zones (党员责任区) of a community grid, and the members assigned to each.
    await scoped(db, dialect, 'zones')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('area', 'text')
      .addColumn('households', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('zones_scope').on('zones').columns(['tenant_id', 'org_path']).execute();
    await db.schema
      .createTable('zone_members')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('zone_id', 'integer', (c) => c.notNull().references('zones.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('assigned_on', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('zone_members_key')
      .on('zone_members')
      .columns(['zone_id', 'member_id'])
      .unique()
      .execute();
    await db.schema.createIndex('zone_members_member').on('zone_members').columns(['member_id']).execute();

    // The timeline of requests, wishes and errands: acceptance, assignment, transfer, escalation, steps, ratings.
    await db.schema
      .createTable('service_events')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text')
      .addColumn('from_org_id', 'integer')
      .addColumn('to_org_id', 'integer')
      .addColumn('note', 'text')
      .execute();
    await db.schema
      .createIndex('service_events_entity')
      .on('service_events')
      .columns(['entity_type', 'entity_id', 'at'])
      .execute();

    // Photos of visits, wishes and errands (content-addressed files, as meeting photos).
    await db.schema
      .createTable('service_photos')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'integer', (c) => c.notNull())
      .addColumn('file_hash', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema
      .createIndex('service_photos_entity')
      .on('service_photos')
      .columns(['entity_type', 'entity_id'])
      .execute();

    // Residents' phone sign-in: one-time codes (hashed) and their sessions; the outbox of sent messages.
    await db.schema
      .createTable('resident_codes')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('phone_hash', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createIndex('resident_codes_phone')
      .on('resident_codes')
      .columns(['phone_hash', 'created_at'])
      .execute();
    await db.schema
      .createTable('resident_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('phone_hash', 'text', (c) => c.notNull())
      .addColumn('phone_enc', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .execute();
    await db.schema
      .createTable('message_outbox')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('to_masked', 'text', (c) => c.notNull())
      .addColumn('to_hash', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();

    // County rules of service work (sizes, loads, deadlines, quotas) overriding the national defaults.
    await db.schema
      .createTable('service_rule_overrides')
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer')
      .addPrimaryKeyConstraint('service_rule_overrides_pk', ['tenant_id', 'rule'])
      .execute();
  },
};
