/** Table types of the reports module (area assessment): secretaries' annual reports (书记述职评议). */
import type { Generated } from 'kysely';

interface Scoped {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A reporting round of a committee and year. */
export interface ReportRoundsTable extends Scoped {
  year: number;
  title: string;
  deadline: string;
  status: string;
  notes: string | null;
  created_by: number | null;
}

/** A panel member (党员代表) of a round. */
export interface ReportPanelistsTable extends Scoped {
  round_id: number;
  member_id: number;
  name: string;
}

/** A secretary's report; `attachments` JSON text; the score in tenths. */
export interface ReportsTable extends Scoped {
  round_id: number;
  year: number;
  status: string;
  secretary_member_id: number | null;
  secretary_name: string | null;
  content: string | null;
  attachments: string | null;
  submitted_on: string | null;
  committee_grade: string | null;
  committee_note: string | null;
  final_grade: string | null;
  graded_on: string | null;
  published_on: string | null;
  residents_good: Generated<number>;
  residents_fair_good: Generated<number>;
  residents_average: Generated<number>;
  residents_poor: Generated<number>;
  score_tenths: number | null;
  problem_id: number | null;
  followup_on: string | null;
  followup_note: string | null;
}

/** A panel member's grade of a report. */
export interface ReportGradesTable extends Scoped {
  report_id: number;
  panelist_id: number;
  grade: string;
  created_by: number | null;
}

/** The reports module's tables, by name. */
export interface ReportsTables {
  report_rounds: ReportRoundsTable;
  report_panelists: ReportPanelistsTable;
  reports: ReportsTable;
  report_grades: ReportGradesTable;
}
