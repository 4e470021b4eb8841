/** The development module's tables (area people, issue 11): candidates, their recorded steps and the scans of their materials. */
import {
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
import type { Migration } from './index.js';

export const development015: Migration = {
  name: '015_development',
  async up(db, dialect) {
    await createTable(db, dialect, 'development_candidates', [
      scopedKeys,
      required('text', 'name', 'gender', 'id_number_enc', 'id_number_hash', 'id_number_masked'),
      guarded('phone'),
      required('text', 'birth_date'),
      optional('text', 'ethnicity', 'education', 'category'),
      required('text', 'status', 'stage_since', 'applied_on'),
      optional('text', 'activist_on', 'target_on', 'admitted_on', 'probation_end'),
      withDefault('extended_months', 'integer', 0),
      optional('text', 'converted_on', 'closed_on', 'close_reason'),
      withDefault('contacts', 'text', '[]'),
      withDefault('introducers', 'text', '[]'),
      optional('text', 'talker_name'),
      required('integer', 'plan_year'),
      withDefault('outside_plan', 'integer', 0),
      ref('member_id', 'members.id', 'nullable'),
      optional('text', 'next_step', 'next_opens_on', 'next_due_on'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'development_candidates_scope', 'development_candidates', ['tenant_id', 'org_path']);
    await createIndex(db, 'development_candidates_stage', 'development_candidates', [
      'tenant_id',
      'status',
      'next_due_on',
    ]);
    await createIndex(db, 'development_candidates_id_hash', 'development_candidates', ['tenant_id', 'id_number_hash']);
    await createIndex(db, 'development_candidates_member', 'development_candidates', ['member_id']);

    await createTable(db, dialect, 'development_steps', [
      id,
      required('integer', 'tenant_id'),
      ref('candidate_id', 'development_candidates.id'),
      required('text', 'step'),
      required('integer', 'step_no'),
      required('text', 'done_on'),
      withDefault('people', 'text', '[]'),
      optional('text', 'vote'),
      optional('integer', 'training_days', 'training_hours', 'months'),
      withDefault('materials', 'text', '[]'),
      optional('integer', 'meeting_id'),
      optional('text', 'note', 'override_reason'),
      optional('integer', 'recorded_by'),
      optional('text', 'recorded_by_name'),
      required('text', 'created_at'),
    ]);
    await createIndex(db, 'development_steps_candidate', 'development_steps', ['candidate_id', 'step_no']);
    await createIndex(db, 'development_steps_done', 'development_steps', ['tenant_id', 'step', 'done_on']);

    await createTable(db, dialect, 'development_files', [
      id,
      required('integer', 'tenant_id'),
      ref('candidate_id', 'development_candidates.id'),
      optional('text', 'step', 'material'),
      required('text', 'file_hash', 'mime'),
      required('integer', 'bytes'),
      optional('integer', 'created_by'),
      required('text', 'created_at'),
      optional('text', 'deleted_at'),
    ]);
    await createIndex(db, 'development_files_candidate', 'development_files', ['candidate_id']);
  },
};
