/**
 * The dues module's tables (area people, issue 11): rule versions per county (version 1, the national rules, lives
 * in the contracts and is not stored), members' dues profiles, monthly bills, payments and the bills each pays.
 * Money is integer fen. Bills carry the organization the member belonged to in that month, so the figures of a
 * subtree and month are one indexed range over `(tenant_id, org_path, month)`.
 */
import type { Migration } from './index.js';
import {
  createIndex,
  createTable,
  id,
  optional,
  ref,
  required,
  scopedKeys,
  stamps,
  withDefault,
} from '../migration-kit.js';

export const dues017: Migration = {
  name: '017_dues',
  async up(db, dialect) {
    await createTable(db, dialect, 'dues_rules', [
      id,
      required('integer', 'tenant_id', 'version'),
      // valid_from: the first month (YYYY-MM); scales: JSON of the contracts' DuesScales.
      required('text', 'valid_from', 'scales'),
      optional('text', 'note'),
      required('text', 'created_at'),
      optional('integer', 'created_by'),
    ]);
    await createIndex(db, 'dues_rules_version', 'dues_rules', ['tenant_id', 'version'], { unique: true });
    await createIndex(db, 'dues_rules_from', 'dues_rules', ['tenant_id', 'valid_from'], { unique: true });

    // One profile per member; scoped through the member's own organization (it follows the member when it moves).
    await createTable(db, dialect, 'dues_profiles', [
      id,
      required('integer', 'tenant_id'),
      ref('member_id', 'members.id'),
      // category null: a row holding only an arrears reason (the category then follows from the member record).
      optional('text', 'category'),
      optional('integer', 'income_fen', 'fixed_fen'),
      withDefault('exempt', 'integer', 0),
      optional('text', 'exempt_reason', 'arrears_reason', 'arrears_reason_at'),
      optional('integer', 'updated_by'),
      required('text', 'created_at', 'updated_at'),
    ]);
    await createIndex(db, 'dues_profiles_member', 'dues_profiles', ['member_id'], { unique: true });

    await createTable(db, dialect, 'dues_bills', [
      scopedKeys,
      ref('member_id', 'members.id'),
      required('text', 'month', 'category'),
      optional('integer', 'base_fen'),
      required('integer', 'amount_fen', 'rule_version'),
      withDefault('paid_fen', 'integer', 0),
      required('text', 'status'),
      stamps,
    ]);
    await createIndex(db, 'dues_bills_member_month', 'dues_bills', ['tenant_id', 'member_id', 'month'], {
      unique: true,
    });
    // The figures read only this index (covering): a county's year is one range scan, no table lookups.
    await createIndex(db, 'dues_bills_scope', 'dues_bills', [
      'tenant_id',
      'org_path',
      'month',
      'org_id',
      'status',
      'amount_fen',
      'paid_fen',
    ]);
    // The list walks it from the newest month (org_path in it filters without reading the rows).
    await createIndex(db, 'dues_bills_month', 'dues_bills', ['tenant_id', 'month', 'org_path']);
    await createIndex(db, 'dues_bills_version', 'dues_bills', ['tenant_id', 'rule_version']);

    await createTable(db, dialect, 'dues_payments', [
      scopedKeys,
      ref('member_id', 'members.id'),
      required('text', 'paid_on'),
      required('integer', 'amount_fen'),
      required('text', 'method', 'status'),
      optional('text', 'reference', 'note'),
      withDefault('back_payment', 'integer', 0),
      optional('integer', 'recorded_by', 'reviewed_by'),
      optional('text', 'reviewed_at', 'review_note'),
      stamps,
    ]);
    await createIndex(db, 'dues_payments_scope', 'dues_payments', ['tenant_id', 'org_path', 'paid_on']);
    await createIndex(db, 'dues_payments_day', 'dues_payments', ['tenant_id', 'paid_on', 'org_path']);
    await createIndex(db, 'dues_payments_member', 'dues_payments', ['member_id', 'paid_on']);
    await createIndex(db, 'dues_payments_status', 'dues_payments', ['tenant_id', 'status']);

    await createTable(db, dialect, 'dues_payment_bills', [
      id,
      ref('payment_id', 'dues_payments.id'),
      ref('bill_id', 'dues_bills.id'),
      required('integer', 'amount_fen'),
    ]);
    await createIndex(db, 'dues_payment_bills_payment', 'dues_payment_bills', ['payment_id']);
    await createIndex(db, 'dues_payment_bills_bill', 'dues_payment_bills', ['bill_id']);
  },
};
