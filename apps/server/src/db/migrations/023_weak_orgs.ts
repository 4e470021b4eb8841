/**
 * The weakOrgs module's tables (area supervision, issue 13): weak and lax organizations (软弱涣散). A file
 * (`weak_orgs`) lies on the flagged organization's path, and so do its monthly check-ups and acceptances, so a
 * branch's scope reaches its own file and nothing of a sibling's. Reasons, measures and a check-up's topics are
 * JSON text (read and written whole with their file); the score is kept in tenths (69.9 is 699) so the pass mark
 * compares exactly on both engines.
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

export const weakOrgs023: Migration = {
  name: '023_weak_orgs',
  async up(db, dialect) {
    await createTable(db, dialect, 'weak_orgs', [
      scopedKeys,
      required('integer', 'year'),
      required('text', 'status', 'reasons', 'flagged_on', 'leader_name', 'leader_post'),
      withDefault('listed', 'integer', 0),
      optional('text', 'reason_text', 'plan', 'measures', 'released_on'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'weak_orgs_scope', 'weak_orgs', ['tenant_id', 'org_path', 'deleted_at', 'flagged_on']);
    await createIndex(db, 'weak_orgs_org', 'weak_orgs', ['org_id', 'status']);
    await createTable(db, dialect, 'weak_org_checkups', [
      scopedKeys,
      ref('weak_org_id', 'weak_orgs.id'),
      required('text', 'month', 'checked_by', 'items'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'weak_org_checkups_scope', 'weak_org_checkups', ['tenant_id', 'org_path']);
    await createIndex(db, 'weak_org_checkups_file', 'weak_org_checkups', ['weak_org_id', 'month']);
    await createTable(db, dialect, 'weak_org_acceptances', [
      scopedKeys,
      ref('weak_org_id', 'weak_orgs.id'),
      required('text', 'accepted_on'),
      required('integer', 'panel_size', 'panel_dissatisfied', 'score_tenths', 'passed'),
      optional('integer', 'residents_asked', 'residents_dissatisfied'),
      optional('text', 'failures', 'note'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'weak_org_acceptances_scope', 'weak_org_acceptances', ['tenant_id', 'org_path']);
    await createIndex(db, 'weak_org_acceptances_file', 'weak_org_acceptances', ['weak_org_id', 'accepted_on']);
  },
};
