/** Organizational life: meetings, attendance, motions, reviews, photos, rule overrides; notifications and job runs. */
import type { Migration } from './index.js';
import { column, createIndex, createTable, id, optional, ref, required, scopedKeys, stamps } from '../migration-kit.js';

export const meetings002: Migration = {
  name: '002_meetings',
  async up(db, dialect) {
    await createTable(db, dialect, 'meetings', [
      scopedKeys,
      required('text', 'kind', 'topic', 'held_on', 'start_time'),
      optional('text', 'end_time', 'place', 'host_name', 'recorder_name'),
      optional('integer', 'lecturer_member_id'),
      optional('text', 'lecturer_role', 'minutes', 'decisions', 'checkin_code', 'checkin_from', 'checkin_to'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'meetings_scope', 'meetings', ['tenant_id', 'org_path', 'held_on']);
    await createIndex(db, 'meetings_org_kind', 'meetings', ['org_id', 'kind', 'held_on']);
    await createIndex(db, 'meetings_tenant_held', 'meetings', ['tenant_id', 'held_on']);
    await createIndex(db, 'meetings_checkin', 'meetings', ['checkin_code']);

    await createTable(db, dialect, 'meeting_attendance', [
      id,
      ref('meeting_id', 'meetings.id'),
      ref('member_id', 'members.id'),
      required('text', 'status'),
      optional('text', 'leave_reason', 'checked_in_at', 'method'),
    ]);
    await createIndex(db, 'attendance_meeting_member', 'meeting_attendance', ['meeting_id', 'member_id'], {
      unique: true,
    });
    await createIndex(db, 'attendance_member', 'meeting_attendance', ['member_id']);

    await createTable(db, dialect, 'meeting_motions', [
      id,
      ref('meeting_id', 'meetings.id'),
      required('text', 'title'),
      required('integer', 'yes', 'no', 'abstain', 'entitled', 'present_voting', 'quorum_met', 'passed'),
    ]);
    await createIndex(db, 'motions_meeting', 'meeting_motions', ['meeting_id']);

    await createTable(db, dialect, 'meeting_reviews', [
      id,
      ref('meeting_id', 'meetings.id'),
      ref('member_id', 'members.id'),
      required('text', 'grade'),
    ]);
    await createIndex(db, 'reviews_meeting_member', 'meeting_reviews', ['meeting_id', 'member_id'], { unique: true });

    await createTable(db, dialect, 'meeting_photos', [
      id,
      ref('meeting_id', 'meetings.id'),
      required('text', 'file_hash', 'mime'),
      required('integer', 'bytes'),
      required('text', 'created_at'),
      optional('text', 'deleted_at'),
    ]);
    await createIndex(db, 'photos_meeting', 'meeting_photos', ['meeting_id']);

    await createTable(db, dialect, 'meeting_rule_overrides', [
      id,
      required('integer', 'tenant_id', 'year'),
      required('text', 'kind'),
      optional('text', 'rule'), // JSON FrequencyRule, or null: not required that year
      required('text', 'updated_at'),
      optional('integer', 'updated_by'),
    ]);
    await createIndex(db, 'rule_overrides_key', 'meeting_rule_overrides', ['tenant_id', 'year', 'kind'], {
      unique: true,
    });

    await createTable(db, dialect, 'notifications', [
      id,
      optional('integer', 'tenant_id'),
      ref('user_id', 'users.id'),
      required('text', 'kind', 'title', 'body'),
      optional('text', 'link'),
      column('dedupe_key', 'text', (c) => c.notNull().unique()),
      required('text', 'created_at'),
      optional('text', 'read_at', 'sent_at'),
    ]);
    await createIndex(db, 'notifications_user', 'notifications', ['user_id', 'read_at']);

    await createTable(db, dialect, 'job_runs', [
      id,
      required('text', 'job'),
      column('run_key', 'text', (c) => c.notNull().unique()),
      required('text', 'started_at'),
      optional('text', 'finished_at', 'result'),
    ]);
  },
};
