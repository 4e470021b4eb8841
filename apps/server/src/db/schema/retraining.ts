/** Table types of the retraining module (area assessment): retraining of incompetent cadres (淬火整训). */
import type { Generated } from 'kysely';

/** A retraining file of one cadre; `reasons` is JSON text, the score in tenths. */
export interface RetrainingFilesTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  member_id: number;
  year: number;
  post: string;
  status: string;
  reasons: string;
  evidence: string;
  suspended_by: string;
  suspended_on: string;
  due_on: string;
  post_text: string | null;
  reason_text: string | null;
  tested_on: string | null;
  assessment: string | null;
  decided_on: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  test_score_tenths: number | null;
  test_passed: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A class of a retraining (attended or missed), hours in tenths. */
export interface RetrainingClassesTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  file_id: number;
  held_on: string;
  topic: string;
  hours_tenths: number;
  present: number;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The retraining module's tables, by name. */
export interface RetrainingTables {
  retraining_files: RetrainingFilesTable;
  retraining_classes: RetrainingClassesTable;
}
