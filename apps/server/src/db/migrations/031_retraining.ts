/**
 * The retraining module's tables (area assessment, issue 12): retraining of incompetent cadres (淬火整训). A file
 * (`retraining_files`) lies on the path of the cadre's organization, and so do its classes, so a village's scope
 * reaches its own cadres' files and nothing of a sibling's. Reasons are JSON text; the score is kept in tenths and
 * the hours in tenths (exact comparisons on both engines).
 */
import type { Migration } from './index.js';
import { createIndex, createTable, optional, ref, required, scopedKeys, stamps } from '../migration-kit.js';

export const retraining031: Migration = {
  name: '031_retraining',
  async up(db, dialect) {
    await createTable(db, dialect, 'retraining_files', [
      scopedKeys,
      ref('member_id', 'members.id'),
      required('integer', 'year'),
      required('text', 'post', 'status', 'reasons', 'evidence', 'suspended_by', 'suspended_on', 'due_on'),
      optional('text', 'post_text', 'reason_text', 'tested_on', 'assessment', 'decided_on', 'decided_by'),
      optional('text', 'decision_reason'),
      optional('integer', 'test_score_tenths', 'test_passed', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'retraining_files_scope', 'retraining_files', [
      'tenant_id',
      'org_path',
      'deleted_at',
      'suspended_on',
    ]);
    await createIndex(db, 'retraining_files_member', 'retraining_files', ['member_id', 'status']);
    await createTable(db, dialect, 'retraining_classes', [
      scopedKeys,
      ref('file_id', 'retraining_files.id'),
      required('text', 'held_on', 'topic'),
      required('integer', 'hours_tenths', 'present'),
      optional('text', 'note'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'retraining_classes_scope', 'retraining_classes', ['tenant_id', 'org_path']);
    await createIndex(db, 'retraining_classes_file', 'retraining_classes', ['file_id', 'held_on']);
  },
};
