/**
 * The problems module's tables (area supervision, issue 13): problems and their rectification (问题整改).
 * `problems` holds one lifecycle for problems of any source (`source_ref` names the record it came from);
 * `problem_measures` its measures (措施清单); `problem_categories` a county's own list of categories (none
 * stored: the four defaults); `problem_numbers` each county's and year's last notice number (交办〔2026〕3号).
 */
import type { Migration } from './index.js';
import {
  createIndex,
  createTable,
  optional,
  ref,
  required,
  scopedKeys,
  stamps,
  withDefault,
} from '../migration-kit.js';

export const problems022: Migration = {
  name: '022_problems',
  async up(db, dialect) {
    await createTable(db, dialect, 'problems', [
      scopedKeys,
      required('text', 'source'),
      optional('text', 'source_ref'),
      required('text', 'category', 'title'),
      optional('text', 'description'),
      required('text', 'found_on'),
      optional('text', 'found_by'),
      optional('text', 'due_on', 'responsible_name'),
      optional('integer', 'responsible_member_id'),
      required('text', 'status'),
      optional('text', 'notice_no', 'notice_note', 'assigned_on'),
      optional('integer', 'assigned_by'),
      optional('text', 'claimed_at', 'claim_note', 'claimed_by_name'),
      optional('integer', 'claimed_by'),
      optional('text', 'closed_on', 'verified_by_name', 'reject_reason'),
      optional('integer', 'verified_by'),
      optional('text', 'follow_up_due', 'followed_up_on', 'follow_up_result'),
      withDefault('reopened', 'integer', 0),
      optional('text', 'reminded_on', 'escalated_on'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'problems_scope', 'problems', ['tenant_id', 'org_path', 'deleted_at', 'found_on']);
    await createIndex(db, 'problems_status', 'problems', ['tenant_id', 'status', 'due_on']);
    await createIndex(db, 'problems_source', 'problems', ['tenant_id', 'source_ref']);
    await createTable(db, dialect, 'problem_measures', [
      scopedKeys,
      ref('problem_id', 'problems.id'),
      required('text', 'content', 'owner_name'),
      optional('integer', 'owner_member_id'),
      optional('text', 'due_on', 'done_on'),
      stamps,
    ]);
    await createIndex(db, 'problem_measures_problem', 'problem_measures', ['problem_id', 'deleted_at']);
    await createIndex(db, 'problem_measures_scope', 'problem_measures', ['tenant_id', 'org_path']);
    await createTable(
      db,
      dialect,
      'problem_categories',
      [
        required('integer', 'tenant_id', 'sort'),
        required('text', 'key', 'name_zh', 'name_en'),
        withDefault('active', 'integer', 1),
        required('text', 'updated_at'),
      ],
      (t) => t.addPrimaryKeyConstraint('problem_categories_pk', ['tenant_id', 'key']),
    );
    await createTable(db, dialect, 'problem_numbers', [required('integer', 'tenant_id', 'year', 'last_no')], (t) =>
      t.addPrimaryKeyConstraint('problem_numbers_pk', ['tenant_id', 'year']),
    );
  },
};
