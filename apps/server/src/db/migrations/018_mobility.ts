/**
 * The mobility module's tables (area people, issue 11): `member_mobility`, one row per absence of a member (away
 * or out of contact, until its return). The member's state is read from its open row, so the member list
 * filters on it through the index on (member_id, status) and `members` keeps its shape.
 */
import { createIndex, createTable, optional, ref, required, scopedKeys, stamps } from '../migration-kit.js';
import type { Migration } from './index.js';

export const mobility018: Migration = {
  name: '018_mobility',
  async up(db, dialect) {
    await createTable(db, dialect, 'member_mobility', [
      scopedKeys,
      ref('member_id', 'members.id'),
      required('text', 'status', 'since'),
      optional('text', 'destination', 'unit', 'flow_org_name'),
      ref('contact_member_id', 'members.id', 'nullable'),
      optional('text', 'expected_return', 'lost_on', 'returned_on', 'note'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'member_mobility_scope', 'member_mobility', ['tenant_id', 'org_path', 'since']);
    await createIndex(db, 'member_mobility_member', 'member_mobility', ['member_id', 'status']);
    await createIndex(db, 'member_mobility_status', 'member_mobility', ['tenant_id', 'status', 'org_path']);
  },
};
