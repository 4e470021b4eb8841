/** Table types of the development module (area people): candidates, their steps, the scans of their materials. */
import type { Generated } from 'kysely';
import type { Scoped, Stamped } from './platform.js';

/**
 * A candidate on the path to membership (申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员). The key dates of the
 * stages are kept on the row; `next_*` is the step it answers next (recomputed on every write) so that the overdue
 * filter and the list read one table. `status` is the stage (DEVELOPMENT_STAGES: the workflow kit's state column).
 * `contacts` and `introducers` are JSON arrays of `{ memberId, name }`.
 */
export interface DevelopmentCandidatesTable extends Scoped, Stamped {
  name: string;
  gender: string;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  birth_date: string;
  ethnicity: string | null;
  education: string | null;
  category: string | null;
  status: string;
  stage_since: string;
  applied_on: string;
  activist_on: string | null;
  target_on: string | null;
  admitted_on: string | null;
  probation_end: string | null;
  extended_months: Generated<number>;
  converted_on: string | null;
  closed_on: string | null;
  close_reason: string | null;
  contacts: Generated<string>;
  introducers: Generated<string>;
  talker_name: string | null;
  plan_year: number;
  outside_plan: Generated<number>;
  member_id: number | null;
  next_step: string | null;
  next_opens_on: string | null;
  next_due_on: string | null;
  created_by: number | null;
}

/** One recorded step of a candidate (`people`, `materials` JSON arrays; `vote` a JSON object or null). */
export interface DevelopmentStepsTable {
  id: Generated<number>;
  tenant_id: number;
  candidate_id: number;
  step: string;
  step_no: number;
  done_on: string;
  people: Generated<string>;
  vote: string | null;
  training_days: number | null;
  training_hours: number | null;
  months: number | null;
  materials: Generated<string>;
  meeting_id: number | null;
  note: string | null;
  override_reason: string | null;
  recorded_by: number | null;
  recorded_by_name: string | null;
  created_at: string;
}

/** A scan of a material of a candidate's file (入党材料), stored content-addressed; `step` and `material` optional. */
export interface DevelopmentFilesTable {
  id: Generated<number>;
  tenant_id: number;
  candidate_id: number;
  step: string | null;
  material: string | null;
  file_hash: string;
  mime: string;
  bytes: number;
  created_by: number | null;
  created_at: string;
  deleted_at: string | null;
}

/** The development module's tables, by name. */
export interface DevelopmentTables {
  development_candidates: DevelopmentCandidatesTable;
  development_steps: DevelopmentStepsTable;
  development_files: DevelopmentFilesTable;
}
