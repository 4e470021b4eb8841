/**
 * The annual guiding plan of member development (指导性发展计划): one quota per organization and year, and the
 * marks supervision gives an organization that develops badly (its award eligibility lost for the year, its
 * secretary called in). An undone mark keeps its row (`undone_at`, with the reason): the history stays.
 */
import type { Migration } from './index.js';
import { createIndex, createTable, optional, required, scopedKeys, stamps } from '../migration-kit.js';

export const developmentPlans019: Migration = {
  name: '019_development_plans',
  async up(db, dialect) {
    await createTable(db, dialect, 'development_plans', [
      scopedKeys,
      required('integer', 'year', 'quota'),
      optional('text', 'note'),
      optional('integer', 'set_by'),
      stamps,
    ]);
    await createIndex(db, 'development_plans_scope', 'development_plans', ['tenant_id', 'org_path', 'year']);
    await createIndex(db, 'development_plans_org_year', 'development_plans', ['org_id', 'year'], {
      unique: true,
      whereNull: 'deleted_at',
    });

    await createTable(db, dialect, 'development_marks', [
      scopedKeys,
      required('integer', 'year'),
      required('text', 'reason'),
      optional('integer', 'secretary_member_id'),
      optional('text', 'secretary_name'),
      required('text', 'marked_by_name'),
      optional('integer', 'marked_by'),
      optional('text', 'undone_at', 'undo_reason'),
      optional('integer', 'undone_by'),
      stamps,
    ]);
    await createIndex(db, 'development_marks_scope', 'development_marks', ['tenant_id', 'org_path', 'year']);
  },
};
