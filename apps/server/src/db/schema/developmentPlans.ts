/** Table types of the development module's annual guiding plan (指导性发展计划) and supervision marks. */
import type { Scoped, Stamped } from './platform.js';

/** One organization's development quota for a year. */
export interface DevelopmentPlansTable extends Scoped, Stamped {
  year: number;
  quota: number;
  note: string | null;
  set_by: number | null;
}

/** A supervision mark: the organization loses its award eligibility for the year; its secretary is called in. */
export interface DevelopmentMarksTable extends Scoped, Stamped {
  year: number;
  reason: string;
  secretary_member_id: number | null;
  secretary_name: string | null;
  marked_by_name: string;
  marked_by: number | null;
  undone_at: string | null;
  undo_reason: string | null;
  undone_by: number | null;
}

/** The plan's tables, by name. */
export interface DevelopmentPlansTables {
  development_plans: DevelopmentPlansTable;
  development_marks: DevelopmentMarksTable;
}
