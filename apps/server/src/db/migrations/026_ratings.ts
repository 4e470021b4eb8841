/**
 * The ratings module's tables (area assessment, issue 12): star ratings of organizations and assessments of cadres
 * by indicator schemes (星级评定, 5+1, 年终考评).
 *
 * A scheme (`rating_schemes`) lies on the path of the organization that defined it (the county, or a township for a
 * scheme of its own), its indicator tree and thresholds JSON text, frozen once published. A result (`ratings`) lies
 * on its subject's organization (a cadre's: the member's organization), keeps its own copy of the scheme's tree and
 * thresholds (`snapshot`), the self-scores and the assessor's scores apart (JSON by indicator code), the record values
 * frozen at publication, and totals in tenths so thresholds compare exactly on both engines. Objections lie on the
 * result's path. A target (`rating_targets`) is one per county and scheme family.
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

export const ratings026: Migration = {
  name: '026_ratings',
  async up(db, dialect) {
    await createTable(db, dialect, 'rating_schemes', [
      scopedKeys,
      required('integer', 'year', 'max_stars'),
      required('text', 'name', 'family', 'subject', 'mode', 'status', 'groups', 'thresholds'),
      withDefault('version', 'integer', 1),
      optional('integer', 'previous_id', 'created_by'),
      optional('text', 'description', 'published_at'),
      stamps,
    ]);
    await createIndex(db, 'rating_schemes_scope', 'rating_schemes', ['tenant_id', 'org_path']);
    await createIndex(db, 'rating_schemes_year', 'rating_schemes', ['tenant_id', 'year']);
    await createTable(db, dialect, 'ratings', [
      scopedKeys,
      ref('scheme_id', 'rating_schemes.id'),
      required('integer', 'year'),
      required('text', 'subject', 'status', 'snapshot'),
      optional('integer', 'member_id'),
      optional('text', 'post', 'self_scores', 'assessor_scores', 'record_values', 'note'),
      optional('integer', 'self_total_tenths', 'total_tenths', 'stars'),
      optional('text', 'grade'),
      withDefault('outcome', 'text', 'none'),
      optional('text', 'published_on', 'objection_until', 'final_on'),
      optional('integer', 'problem_id', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'ratings_scope', 'ratings', ['tenant_id', 'org_path']);
    await createIndex(db, 'ratings_scheme', 'ratings', ['scheme_id', 'org_id']);
    await createIndex(db, 'ratings_year', 'ratings', ['tenant_id', 'year', 'status']);
    // The record measure `services_done` (requests closed in a year, by handling path) reads this index alone: the
    // scope index would fetch every request of the county (millions) to test its status and closing day.
    await createIndex(db, 'requests_closed_by_path', 'requests', [
      'tenant_id',
      'status',
      'closed_at',
      'org_path',
      'deleted_at',
    ]);
    await createTable(db, dialect, 'rating_objections', [
      scopedKeys,
      ref('rating_id', 'ratings.id'),
      required('text', 'reason', 'status'),
      optional('integer', 'raised_by', 'answered_by'),
      optional('text', 'raised_by_name', 'reply', 'answered_by_name', 'answered_at'),
      stamps,
    ]);
    await createIndex(db, 'rating_objections_scope', 'rating_objections', ['tenant_id', 'org_path']);
    await createIndex(db, 'rating_objections_rating', 'rating_objections', ['rating_id', 'status']);
    await createTable(db, dialect, 'rating_targets', [
      scopedKeys,
      required('text', 'family'),
      required('integer', 'min_stars', 'share_permille', 'start_year', 'by_year'),
      optional('text', 'note'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'rating_targets_scope', 'rating_targets', ['tenant_id', 'org_path']);
    await createIndex(db, 'rating_targets_family', 'rating_targets', ['tenant_id', 'family']);
  },
};
