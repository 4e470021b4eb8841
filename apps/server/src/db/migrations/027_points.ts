/**
 * The points module's tables (area assessment, issue 12): member points as an append-only ledger (积分制).
 * `point_entries` lies on the member's branch path; one row per (tenant, member, event, source_ref) — the unique
 * key makes every harvest idempotent (`ON CONFLICT DO NOTHING`). Points are never updated: a correction is a
 * reversing row (`reverses_id`, source_ref suffixed `:rev`). `point_months` holds a branch's published months
 * (公示, frozen from then on); `point_disputes` a member's disputes of entries before publication.
 */
import type { Migration } from './index.js';
import { createIndex, createTable, optional, ref, required, scopedKeys, stamps } from '../migration-kit.js';

export const points027: Migration = {
  name: '027_points',
  async up(db, dialect) {
    await createTable(db, dialect, 'point_entries', [
      scopedKeys,
      ref('member_id', 'members.id'),
      required('text', 'event', 'occurred_on', 'month', 'source_ref', 'status'),
      required('integer', 'points', 'year'),
      optional('integer', 'reverses_id'),
      optional('text', 'kind', 'note', 'evidence', 'reject_reason'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'point_entries_key', 'point_entries', ['tenant_id', 'member_id', 'event', 'source_ref'], {
      unique: true,
    });
    await createIndex(db, 'point_entries_scope', 'point_entries', ['tenant_id', 'org_path', 'year', 'month']);
    await createIndex(db, 'point_entries_member', 'point_entries', ['member_id', 'year']);
    // The ledger list, newest first: walked in order and stopped at the page's end (org_path checked in the index).
    await createIndex(db, 'point_entries_recent', 'point_entries', ['tenant_id', 'occurred_on', 'id', 'org_path'], {
      whereNull: 'deleted_at',
    });
    // Whether an entry is reversed (the list's flag, the harvest's reversal of gone sources): one probe per entry.
    await createIndex(db, 'point_entries_reverses', 'point_entries', ['reverses_id']);
    await createTable(db, dialect, 'point_months', [
      scopedKeys,
      required('text', 'month', 'published_at'),
      optional('integer', 'published_by'),
      stamps,
    ]);
    await createIndex(db, 'point_months_key', 'point_months', ['org_id', 'month'], { unique: true });
    await createIndex(db, 'point_months_scope', 'point_months', ['tenant_id', 'org_path']);
    await createTable(db, dialect, 'point_disputes', [
      scopedKeys,
      ref('entry_id', 'point_entries.id'),
      ref('member_id', 'members.id'),
      required('text', 'status', 'reason'),
      optional('text', 'answer', 'answered_at'),
      optional('integer', 'answered_by', 'reversal_id', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'point_disputes_scope', 'point_disputes', ['tenant_id', 'org_path']);
    await createIndex(db, 'point_disputes_entry', 'point_disputes', ['entry_id', 'status']);
  },
};
