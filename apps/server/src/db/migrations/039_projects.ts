/**
 * The projects module's tables (area economy, issue 14): "Party branch +" industry projects (党支部+). A project
 * (`projects`) lies on the path of its lead village's organization, and so do its yearly records
 * (`project_years`, one a project and year), so a village's scope reaches the projects it leads and nothing of a
 * sibling's. Models, partner villages, cooperatives and the funds by source are JSON text; money in fen.
 */
import type { Migration } from './index.js';
import { createIndex, createTable, optional, ref, required, scopedKeys, stamps } from '../migration-kit.js';

export const projects039: Migration = {
  name: '039_projects',
  async up(db, dialect) {
    await createTable(db, dialect, 'projects', [
      scopedKeys,
      required('text', 'name', 'industry', 'models', 'partners', 'cooperatives', 'status'),
      required('integer', 'start_year'),
      optional('text', 'industry_text', 'stop_reason', 'note'),
      optional('integer', 'stopped_year', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'projects_scope', 'projects', ['tenant_id', 'org_path', 'deleted_at']);
    await createTable(db, dialect, 'project_years', [
      scopedKeys,
      ref('project_id', 'projects.id'),
      required('integer', 'year'),
      required('text', 'funds'),
      required('integer', 'given_fen', 'leveraged_fen', 'households', 'households_poor', 'households_monitored'),
      required('integer', 'household_income_fen', 'collective_income_fen'),
      optional('text', 'note'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'project_years_scope', 'project_years', ['tenant_id', 'org_path', 'year']);
    await createIndex(db, 'project_years_one', 'project_years', ['project_id', 'year'], { unique: true });
  },
};
