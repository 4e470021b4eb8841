/**
 * The inspections module's tables (area supervision, issue 13): inspections (季督查, 半年督查, 随机暗访, 现场观摩).
 * An inspection lies under its issuing organization; each visit and finding under the visited organization, so a
 * scoped query on the visits answers what a visited subtree may see, and an org move re-paths each side.
 * The team, the checklist and a visit's results are small JSON arrays kept with their row.
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

export const inspections021: Migration = {
  name: '021_inspections',
  async up(db, dialect) {
    await createTable(db, dialect, 'inspections', [
      scopedKeys,
      required('text', 'kind', 'status', 'title', 'starts_on', 'ends_on', 'team', 'checklist'),
      withDefault('unannounced', 'integer', 0),
      optional('text', 'note', 'completed_on', 'cancel_reason'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'inspections_scope', 'inspections', ['tenant_id', 'org_path', 'deleted_at', 'starts_on']);

    await createTable(db, dialect, 'inspection_visits', [
      scopedKeys,
      ref('inspection_id', 'inspections.id'),
      optional('text', 'visited_on'),
      optional('integer', 'score'),
      required('text', 'results'),
      optional('text', 'note'),
      stamps,
    ]);
    await createIndex(db, 'inspection_visits_scope', 'inspection_visits', ['tenant_id', 'org_path']);
    await createIndex(db, 'inspection_visits_inspection', 'inspection_visits', ['inspection_id', 'org_id']);

    await createTable(db, dialect, 'inspection_findings', [
      scopedKeys,
      ref('inspection_id', 'inspections.id'),
      ref('visit_id', 'inspection_visits.id'),
      required('text', 'text', 'category', 'severity'),
      optional('integer', 'problem_id', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'inspection_findings_scope', 'inspection_findings', ['tenant_id', 'org_path']);
    await createIndex(db, 'inspection_findings_visit', 'inspection_findings', ['visit_id']);
    await createIndex(db, 'inspection_findings_inspection', 'inspection_findings', ['inspection_id']);
  },
};
