/**
 * The accountability module's tables (area supervision, issue 13): accountability (问责). A record lies under the
 * organization it counts under (the target organization, or the person's); its link (a problem, a development
 * mark or an inspection) is one of three nullable ids.
 */
import type { Migration } from './index.js';
import { createIndex, createTable, optional, required, scopedKeys, stamps } from '../migration-kit.js';

export const accountability024: Migration = {
  name: '024_accountability',
  async up(db, dialect) {
    await createTable(db, dialect, 'accountability_records', [
      scopedKeys,
      required('text', 'kind', 'target_kind', 'reason', 'decided_on'),
      optional('text', 'sub_kind'),
      optional('integer', 'target_org_id', 'member_id'),
      optional('text', 'person_name', 'person_post'),
      optional('integer', 'problem_id', 'mark_id', 'inspection_id'),
      required('integer', 'decided_by_org_id'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'accountability_scope', 'accountability_records', [
      'tenant_id',
      'org_path',
      'deleted_at',
      'decided_on',
    ]);
    await createIndex(db, 'accountability_problem', 'accountability_records', ['problem_id']);
  },
};
