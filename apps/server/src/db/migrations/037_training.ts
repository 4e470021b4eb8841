/**
 * The training module's tables (area life, issue 14): rotation training classes and the hours members earn by
 * attending (三分五统, 学时). A class lies on the path of its organizer (the county or a township), and so do its
 * sessions, attendees and attendance rows: the organizer's subtree sees them. A member's hours are read from the
 * attendance rows joined to the members of a subtree, so a village sees its members' hours of a county class. Hours
 * in tenths, money in fen.
 */
import type { Migration } from './index.js';
import { createIndex, createTable, optional, ref, required, scopedKeys, stamps } from '../migration-kit.js';

export const training037: Migration = {
  name: '037_training',
  async up(db, dialect) {
    await createTable(db, dialect, 'training_classes', [
      scopedKeys,
      required('integer', 'year', 'budget_fen', 'spent_fen'),
      required('text', 'title', 'kind', 'status', 'start_on', 'end_on', 'place', 'target', 'teachers'),
      optional('text', 'return_reason', 'summary'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'training_classes_scope', 'training_classes', ['tenant_id', 'org_path', 'start_on']);
    await createTable(db, dialect, 'training_sessions', [
      scopedKeys,
      ref('class_id', 'training_classes.id'),
      required('text', 'held_on', 'topic', 'teacher'),
      required('integer', 'hours_tenths'),
      stamps,
    ]);
    await createIndex(db, 'training_sessions_scope', 'training_sessions', ['tenant_id', 'org_path']);
    await createIndex(db, 'training_sessions_class', 'training_sessions', ['class_id', 'held_on']);
    await createTable(db, dialect, 'training_attendees', [
      scopedKeys,
      ref('class_id', 'training_classes.id'),
      ref('member_id', 'members.id'),
      optional('text', 'result'),
      stamps,
    ]);
    await createIndex(db, 'training_attendees_scope', 'training_attendees', ['tenant_id', 'org_path']);
    await createIndex(db, 'training_attendees_class', 'training_attendees', ['class_id', 'member_id'], {
      unique: true,
    });
    await createIndex(db, 'training_attendees_member', 'training_attendees', ['member_id']);
    await createTable(db, dialect, 'training_attendance', [
      scopedKeys,
      ref('class_id', 'training_classes.id'),
      ref('session_id', 'training_sessions.id'),
      ref('member_id', 'members.id'),
      required('integer', 'present'),
      stamps,
    ]);
    await createIndex(db, 'training_attendance_scope', 'training_attendance', ['tenant_id', 'org_path']);
    await createIndex(db, 'training_attendance_session', 'training_attendance', ['session_id', 'member_id'], {
      unique: true,
    });
    await createIndex(db, 'training_attendance_member', 'training_attendance', ['member_id', 'present']);
  },
};
