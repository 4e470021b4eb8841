/**
 * The learning module's tables (area life, issue 14): monthly learning lists and how branches hold them (夜学). An
 * item (`learning_items`) lies on its setter's path (county or township); a holding (`learning_holds`) on the path
 * of the branch that held it, linking a meeting of organizational life or standing as a study session whose
 * attendees are in `learning_attendance`. No study time or views are kept anywhere.
 */
import type { Migration } from './index.js';
import { createIndex, createTable, id, optional, ref, required, scopedKeys, stamps } from '../migration-kit.js';

export const learning036: Migration = {
  name: '036_learning',
  async up(db, dialect) {
    await createTable(db, dialect, 'learning_items', [
      scopedKeys,
      required('integer', 'year', 'month'),
      required('text', 'topic', 'material', 'kind'),
      optional('text', 'link'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'learning_items_scope', 'learning_items', ['tenant_id', 'org_path']);
    await createIndex(db, 'learning_items_month', 'learning_items', ['tenant_id', 'year', 'month']);
    await createTable(db, dialect, 'learning_holds', [
      scopedKeys,
      ref('item_id', 'learning_items.id'),
      required('text', 'mode', 'held_on'),
      ref('meeting_id', 'meetings.id', 'nullable'),
      optional('text', 'place', 'note'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'learning_holds_scope', 'learning_holds', ['tenant_id', 'org_path']);
    await createIndex(db, 'learning_holds_item', 'learning_holds', ['item_id', 'org_id']);
    await createTable(db, dialect, 'learning_attendance', [
      id,
      ref('hold_id', 'learning_holds.id'),
      ref('member_id', 'members.id'),
    ]);
    await createIndex(db, 'learning_attendance_hold', 'learning_attendance', ['hold_id', 'member_id'], {
      unique: true,
    });
  },
};
