/** Table types of the problems module (area supervision). */
import type { Generated } from 'kysely';

/** One problem (问题) and where its rectification stands. */
export interface ProblemsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  source: string;
  source_ref: string | null;
  category: string;
  title: string;
  description: string | null;
  found_on: string;
  found_by: string | null;
  due_on: string | null;
  responsible_name: string | null;
  responsible_member_id: number | null;
  status: string;
  notice_no: string | null;
  notice_note: string | null;
  assigned_on: string | null;
  assigned_by: number | null;
  claimed_at: string | null;
  claim_note: string | null;
  claimed_by_name: string | null;
  claimed_by: number | null;
  closed_on: string | null;
  verified_by_name: string | null;
  reject_reason: string | null;
  verified_by: number | null;
  follow_up_due: string | null;
  followed_up_on: string | null;
  follow_up_result: string | null;
  reopened: Generated<number>;
  reminded_on: string | null;
  escalated_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One measure of a problem's rectification (措施). */
export interface ProblemMeasuresTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  problem_id: number;
  content: string;
  owner_name: string;
  owner_member_id: number | null;
  due_on: string | null;
  done_on: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A county's own category of problems (none stored: the four defaults apply). */
export interface ProblemCategoriesTable {
  tenant_id: number;
  sort: number;
  key: string;
  name_zh: string;
  name_en: string;
  active: Generated<number>;
  updated_at: string;
}

/** Each county's and year's last notice number. */
export interface ProblemNumbersTable {
  tenant_id: number;
  year: number;
  last_no: number;
}

/** The problems module's tables, by name. */
export interface ProblemsTables {
  problems: ProblemsTable;
  problem_measures: ProblemMeasuresTable;
  problem_categories: ProblemCategoriesTable;
  problem_numbers: ProblemNumbersTable;
}
