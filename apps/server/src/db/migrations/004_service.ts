/**
 * Serving residents: households and residents, household groups, pairings, visits, requests with their
 * events and evaluations, micro-wishes, proxy errands, responsibility zones, photos, and the one-time
 * codes and outbox of residents' phone sign-in.
 */
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

const createdBy = optional('integer', 'created_by');

export const service004: Migration = {
  name: '004_service',
  async up(db, dialect) {
    // Households (户) of a village or community; tags is a JSON array, is_poor derived from it for figures.
    await createTable(db, dialect, 'households', [
      scopedKeys,
      required('text', 'address', 'head_name'),
      withDefault('tags', 'text', '[]'),
      withDefault('is_poor', 'integer', 0),
      withDefault('people', 'integer', 0),
      optional('integer', 'group_id'),
      optional('text', 'note'),
      guarded('phone'),
      stamps,
    ]);
    await createIndex(db, 'households_scope', 'households', ['tenant_id', 'org_path', 'id']);
    await createIndex(db, 'households_group', 'households', ['group_id']);
    await createIndex(db, 'households_head', 'households', ['tenant_id', 'head_name']);

    // Residents (居民): the people of a household.
    await createTable(db, dialect, 'residents', [
      scopedKeys,
      ref('household_id', 'households.id'),
      required('text', 'name', 'relation'),
      optional('text', 'gender', 'birth_date'),
      guarded('id_number'),
      guarded('phone'),
      stamps,
    ]);
    await createIndex(db, 'residents_household', 'residents', ['household_id']);
    await createIndex(db, 'residents_scope', 'residents', ['tenant_id', 'org_path']);
    await createIndex(db, 'residents_id_hash', 'residents', ['tenant_id', 'id_number_hash']);
    await createIndex(db, 'residents_phone_hash', 'residents', ['tenant_id', 'phone_hash']);

    // Household groups (联户组, 三带五联).
    await createTable(db, dialect, 'household_groups', [
      scopedKeys,
      required('text', 'name', 'leader_kind', 'leader_name'),
      optional('integer', 'leader_member_id', 'leader_household_id'),
      guarded('leader_phone'),
      stamps,
    ]);
    await createIndex(db, 'household_groups_scope', 'household_groups', ['tenant_id', 'org_path']);

    // Pairing (结对帮扶): a cadre (a member of any organization of the county) with a poor household.
    await createTable(db, dialect, 'pairings', [
      scopedKeys,
      ref('household_id', 'households.id'),
      ref('cadre_member_id', 'members.id'),
      required('text', 'started_on'),
      optional('text', 'ended_on'),
      stamps,
    ]);
    await createIndex(db, 'pairings_scope', 'pairings', ['tenant_id', 'org_path']);
    await createIndex(db, 'pairings_household', 'pairings', ['household_id']);
    await createIndex(db, 'pairings_cadre', 'pairings', ['cadre_member_id']);

    // Visits (走访): a cadre's visit to a household of a village.
    await createTable(db, dialect, 'visits', [
      scopedKeys,
      ref('household_id', 'households.id'),
      ref('visitor_member_id', 'members.id'),
      required('text', 'visited_on', 'found'),
      optional('text', 'promised'),
      optional('integer', 'request_id'),
      createdBy,
      stamps,
    ]);
    await createIndex(db, 'visits_scope', 'visits', ['tenant_id', 'org_path', 'visited_on']);
    await createIndex(db, 'visits_visitor', 'visits', ['visitor_member_id', 'visited_on']);
    await createIndex(db, 'visits_household', 'visits', ['household_id']);

    // Requests (民情诉求). org_* is the organization handling it now; origin_* the one that accepted it.
    await createTable(db, dialect, 'requests', [
      scopedKeys,
      required('integer', 'origin_org_id'),
      required('path', 'origin_path'),
      optional('integer', 'household_id'),
      optional('text', 'resident_name'),
      required('text', 'channel', 'category', 'description', 'level', 'status', 'accepted_at'),
      optional('text', 'due_at'),
      optional('integer', 'owner_member_id'),
      optional('text', 'owner_name', 'department'),
      withDefault('escalations', 'integer', 0),
      optional('text', 'escalated_at', 'closed_at', 'result', 'rating', 'rated_at'),
      withDefault('reopened', 'integer', 0),
      guarded('phone'),
      createdBy,
      stamps,
    ]);
    // Covers the list's filters, so the total of a township's hundreds of thousands of requests is counted
    // from the index alone rather than by as many row look-ups.
    const listFilters = ['deleted_at', 'level', 'channel', 'category', 'status', 'rating', 'accepted_at'];
    await createIndex(db, 'requests_scope', 'requests', ['tenant_id', 'org_path', ...listFilters]);
    await createIndex(db, 'requests_origin', 'requests', ['tenant_id', 'origin_path', 'accepted_at']);
    // Open requests are a few hundred of a county's millions: lists of open or overdue ones and the escalation job
    // read only these.
    await createIndex(db, 'requests_open_due', 'requests', ['tenant_id', 'org_path', 'due_at', 'accepted_at'], {
      whereNull: 'closed_at',
    });
    await createIndex(db, 'requests_household', 'requests', ['household_id']);
    await createIndex(db, 'requests_phone', 'requests', ['tenant_id', 'phone_hash']);

    // Evaluations (三评): monthly leader review, half-year residents' evaluation, year-end organization evaluation.
    await createTable(db, dialect, 'service_evaluations', [
      scopedKeys,
      required('text', 'kind', 'period'),
      optional('text', 'grade'),
      optional('integer', 'satisfied', 'fairly_satisfied', 'dissatisfied'),
      optional('text', 'comments'),
      required('text', 'evaluator_name'),
      createdBy,
      stamps,
    ]);
    await createIndex(db, 'evaluations_scope', 'service_evaluations', ['tenant_id', 'org_path', 'period']);

    // Micro-wishes and micro-suggestions (微心愿、微建议).
    await createTable(db, dialect, 'wishes', [
      scopedKeys,
      required('text', 'kind', 'title', 'description'),
      optional('integer', 'household_id'),
      optional('text', 'resident_name'),
      required('text', 'posted_via', 'status'),
      optional('integer', 'claimed_by_member_id'),
      optional('text', 'claimed_at', 'claim_due_at', 'fulfilled_at', 'fulfil_note', 'confirmed_at'),
      guarded('phone'),
      createdBy,
      stamps,
    ]);
    await createIndex(db, 'wishes_scope', 'wishes', ['tenant_id', 'org_path', 'created_at']);
    await createIndex(db, 'wishes_status', 'wishes', ['tenant_id', 'status', 'created_at']);
    await createIndex(db, 'wishes_claimer', 'wishes', ['claimed_by_member_id']);
    await createIndex(db, 'wishes_phone', 'wishes', ['tenant_id', 'phone_hash']);

    // Proxy errands (党员代办, 红色暖心卡).
    await createTable(db, dialect, 'errands', [
      scopedKeys,
      ref('member_id', 'members.id'),
      optional('integer', 'household_id'),
      required('text', 'resident_name'),
      optional('text', 'card_no'),
      required('text', 'title'),
      optional('text', 'description'),
      required('text', 'status', 'taken_at'),
      optional('text', 'done_at', 'result'),
      guarded('phone'),
      createdBy,
      stamps,
    ]);
    await createIndex(db, 'errands_scope', 'errands', ['tenant_id', 'org_path', 'taken_at']);
    await createIndex(db, 'errands_member', 'errands', ['member_id', 'taken_at']);

    // Member responsibility zones (党员责任区) of a community grid, and the members assigned to each.
    await createTable(db, dialect, 'zones', [
      scopedKeys,
      required('text', 'name'),
      optional('text', 'area'),
      withDefault('households', 'integer', 0),
      stamps,
    ]);
    await createIndex(db, 'zones_scope', 'zones', ['tenant_id', 'org_path']);
    await createTable(db, dialect, 'zone_members', [
      id,
      ref('zone_id', 'zones.id'),
      ref('member_id', 'members.id'),
      required('text', 'assigned_on'),
    ]);
    await createIndex(db, 'zone_members_key', 'zone_members', ['zone_id', 'member_id'], { unique: true });
    await createIndex(db, 'zone_members_member', 'zone_members', ['member_id']);

    // The timeline of requests, wishes and errands: acceptance, assignment, transfer, escalation, steps, ratings.
    await createTable(db, dialect, 'service_events', [
      id,
      required('integer', 'tenant_id'),
      required('text', 'entity_type'),
      required('integer', 'entity_id'),
      required('text', 'kind', 'at'),
      optional('integer', 'actor_id'),
      optional('text', 'actor_name'),
      optional('integer', 'from_org_id', 'to_org_id'),
      optional('text', 'note'),
    ]);
    await createIndex(db, 'service_events_entity', 'service_events', ['entity_type', 'entity_id', 'at']);

    // Photos of visits, wishes and errands (content-addressed files, as meeting photos).
    await createTable(db, dialect, 'service_photos', [
      id,
      required('integer', 'tenant_id'),
      required('text', 'entity_type'),
      required('integer', 'entity_id'),
      required('text', 'file_hash', 'mime'),
      required('integer', 'bytes'),
      required('text', 'created_at'),
      optional('text', 'deleted_at'),
    ]);
    await createIndex(db, 'service_photos_entity', 'service_photos', ['entity_type', 'entity_id']);

    // Residents' phone sign-in: one-time codes (hashed) and their sessions; the outbox of sent messages.
    await createTable(db, dialect, 'resident_codes', [
      id,
      required('text', 'phone_hash', 'code_hash', 'created_at', 'expires_at'),
      withDefault('attempts', 'integer', 0),
      optional('text', 'used_at'),
    ]);
    await createIndex(db, 'resident_codes_phone', 'resident_codes', ['phone_hash', 'created_at']);
    await createTable(db, dialect, 'resident_sessions', [
      column('token_hash', 'text', (c) => c.primaryKey()),
      required('text', 'phone_hash', 'phone_enc', 'created_at', 'expires_at'),
      optional('text', 'ended_at'),
    ]);
    await createTable(db, dialect, 'message_outbox', [
      id,
      required('text', 'channel', 'to_masked', 'to_hash', 'body', 'created_at'),
      optional('text', 'sent_at'),
    ]);

    // County rules of service work (sizes, loads, deadlines, quotas) overriding the national defaults.
    await createTable(
      db,
      dialect,
      'service_rule_overrides',
      [
        required('integer', 'tenant_id'),
        required('text', 'rule', 'value', 'updated_at'),
        optional('integer', 'updated_by'),
      ],
      (t) => t.addPrimaryKeyConstraint('service_rule_overrides_pk', ['tenant_id', 'rule']),
    );
  },
};
