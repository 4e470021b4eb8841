/**
 * The transfers module's tables (area people, issue 11). A transfer lies in two subtrees: `org_path` is the side
 * that owns it (the sending organization; the receiving one for a letter from outside) and `to_path` the
 * receiving organization's (null when it goes outside), so a scoped query on either answers each side's list.
 * `transfer_numbers` keeps each county's and year's last letter number (one atomic upsert takes the next).
 */
import type { Migration } from './index.js';
import { createIndex, createTable, guarded, optional, required, scopedKeys, stamps } from '../migration-kit.js';

export const transfers016: Migration = {
  name: '016_transfers',
  async up(db, dialect) {
    await createTable(db, dialect, 'transfers', [
      scopedKeys,
      required('text', 'kind', 'status'),
      optional('integer', 'member_id'),
      required('text', 'name', 'gender'),
      guarded('id_number'),
      guarded('phone'),
      optional('text', 'joined_at', 'member_status'),
      optional('integer', 'from_org_id'),
      required('text', 'from_org_name'),
      optional('integer', 'to_org_id'),
      optional('path', 'to_path'),
      required('text', 'to_org_name'),
      optional('text', 'to_address', 'reason'),
      required('text', 'applied_on'),
      optional('text', 'letter_no', 'issued_on', 'valid_until', 'dues_paid_to', 'approved_at'),
      optional('text', 'accepted_on', 'receipt_on', 'return_reason', 'closed_at'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'transfers_scope', 'transfers', ['tenant_id', 'org_path', 'deleted_at', 'applied_on']);
    await createIndex(db, 'transfers_to', 'transfers', ['tenant_id', 'to_path', 'deleted_at', 'applied_on']);
    await createIndex(db, 'transfers_member', 'transfers', ['member_id', 'status']);
    await createIndex(db, 'transfers_letter', 'transfers', ['tenant_id', 'letter_no']);
    await createTable(db, dialect, 'transfer_numbers', [required('integer', 'tenant_id', 'year', 'last_no')], (t) =>
      t.addPrimaryKeyConstraint('transfer_numbers_pk', ['tenant_id', 'year']),
    );
  },
};
