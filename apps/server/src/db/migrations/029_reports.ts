/**
 * The reports module's tables (area assessment, issue 12): secretaries' annual reports and their grading
 * (书记述职评议). A round (`report_rounds`) lies on the organizing committee's path; its panel members
 * (`report_panelists`) on it too; each report (`reports`) on the reporting organization's path, so a branch
 * reaches its own report and the township all of its villages'; a panel member's grade (`report_grades`) lies on
 * the report's path, one per panelist and report. Residents' paper ballots are counts on the report; the score
 * is kept in tenths so the thresholds compare exactly on both engines.
 */
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
import type { Migration } from './index.js';

export const reports029: Migration = {
  name: '029_reports',
  async up(db, dialect) {
    await createTable(db, dialect, 'report_rounds', [
      scopedKeys,
      required('integer', 'year'),
      required('text', 'title', 'deadline', 'status'),
      optional('text', 'notes'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'report_rounds_scope', 'report_rounds', ['tenant_id', 'org_path']);
    await createIndex(db, 'report_rounds_org_year', 'report_rounds', ['org_id', 'year']);
    await createTable(db, dialect, 'report_panelists', [
      scopedKeys,
      ref('round_id', 'report_rounds.id'),
      ref('member_id', 'members.id'),
      required('text', 'name'),
      stamps,
    ]);
    await createIndex(db, 'report_panelists_scope', 'report_panelists', ['tenant_id', 'org_path']);
    await createIndex(db, 'report_panelists_round', 'report_panelists', ['round_id', 'member_id'], { unique: true });
    await createTable(db, dialect, 'reports', [
      scopedKeys,
      ref('round_id', 'report_rounds.id'),
      required('integer', 'year'),
      required('text', 'status'),
      optional('integer', 'secretary_member_id'),
      optional('text', 'secretary_name', 'content', 'attachments', 'submitted_on'),
      optional('text', 'committee_grade', 'committee_note', 'final_grade', 'graded_on', 'published_on'),
      withDefault('residents_good', 'integer', 0),
      withDefault('residents_fair_good', 'integer', 0),
      withDefault('residents_average', 'integer', 0),
      withDefault('residents_poor', 'integer', 0),
      optional('integer', 'score_tenths', 'problem_id'),
      optional('text', 'followup_on', 'followup_note'),
      stamps,
    ]);
    await createIndex(db, 'reports_scope', 'reports', ['tenant_id', 'org_path']);
    await createIndex(db, 'reports_round_org', 'reports', ['round_id', 'org_id']);
    await createIndex(db, 'reports_year', 'reports', ['tenant_id', 'year']);
    await createTable(db, dialect, 'report_grades', [
      scopedKeys,
      ref('report_id', 'reports.id'),
      ref('panelist_id', 'report_panelists.id'),
      required('text', 'grade'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'report_grades_scope', 'report_grades', ['tenant_id', 'org_path']);
    await createIndex(db, 'report_grades_one', 'report_grades', ['report_id', 'panelist_id'], { unique: true });
  },
};
