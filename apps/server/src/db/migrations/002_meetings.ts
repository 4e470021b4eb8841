/** Organizational life: meetings, attendance, motions, reviews, photos, rule overrides; notifications and job runs. */
import { sql } from 'kysely';
import type { Migration } from './index.js';
import { idType, pathType } from '../dialect.js';

export const meetings002: Migration = {
  name: '002_meetings',
  async up(db, dialect) {
    await db.schema
      .createTable('meetings')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('org_path', pathType(dialect), (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('start_time', 'text', (c) => c.notNull())
      .addColumn('end_time', 'text')
      .addColumn('place', 'text')
      .addColumn('host_name', 'text')
      .addColumn('recorder_name', 'text')
      .addColumn('lecturer_member_id', 'integer')
      .addColumn('lecturer_role', 'text')
      .addColumn('minutes', 'text')
      .addColumn('decisions', 'text')
      .addColumn('checkin_code', 'text')
      .addColumn('checkin_from', 'text')
      .addColumn('checkin_to', 'text')
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema
      .createIndex('meetings_scope')
      .on('meetings')
      .columns(['tenant_id', 'org_path', 'held_on'])
      .execute();
    await db.schema.createIndex('meetings_org_kind').on('meetings').columns(['org_id', 'kind', 'held_on']).execute();
    await db.schema.createIndex('meetings_tenant_held').on('meetings').columns(['tenant_id', 'held_on']).execute();
    await db.schema.createIndex('meetings_checkin').on('meetings').columns(['checkin_code']).execute();

    await db.schema
      .createTable('meeting_attendance')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('leave_reason', 'text')
      .addColumn('checked_in_at', 'text')
      .addColumn('method', 'text')
      .execute();
    await db.schema
      .createIndex('attendance_meeting_member')
      .on('meeting_attendance')
      .columns(['meeting_id', 'member_id'])
      .unique()
      .execute();
    await db.schema.createIndex('attendance_member').on('meeting_attendance').columns(['member_id']).execute();

    await db.schema
      .createTable('meeting_motions')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('yes', 'integer', (c) => c.notNull())
      .addColumn('no', 'integer', (c) => c.notNull())
      .addColumn('abstain', 'integer', (c) => c.notNull())
      .addColumn('entitled', 'integer', (c) => c.notNull())
      .addColumn('present_voting', 'integer', (c) => c.notNull())
      .addColumn('quorum_met', 'integer', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('motions_meeting').on('meeting_motions').columns(['meeting_id']).execute();

    await db.schema
      .createTable('meeting_reviews')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('grade', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('reviews_meeting_member')
      .on('meeting_reviews')
      .columns(['meeting_id', 'member_id'])
      .unique()
      .execute();

    await db.schema
      .createTable('meeting_photos')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('file_hash', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('photos_meeting').on('meeting_photos').columns(['meeting_id']).execute();

    await db.schema
      .createTable('meeting_rule_overrides')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('rule', 'text') // JSON FrequencyRule, or null: not required that year
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer')
      .execute();
    await db.schema
      .createIndex('rule_overrides_key')
      .on('meeting_rule_overrides')
      .columns(['tenant_id', 'year', 'kind'])
      .unique()
      .execute();

    await db.schema
      .createTable('notifications')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('tenant_id', 'integer')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at']).execute();

    await db.schema
      .createTable('job_runs')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('job', 'text', (c) => c.notNull())
      .addColumn('run_key', 'text', (c) => c.notNull().unique())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('result', 'text')
      .execute();
    void sql;
  },
};
