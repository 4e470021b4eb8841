/** Table types of the inspections module (area supervision). */
import type { Scoped, Stamped } from './platform.js';

/** An inspection, under its issuing organization; `team` and `checklist` are JSON arrays. */
export interface InspectionsTable extends Scoped, Stamped {
  kind: string;
  status: string;
  title: string;
  starts_on: string;
  ends_on: string;
  team: string;
  checklist: string;
  unannounced: number;
  note: string | null;
  completed_on: string | null;
  cancel_reason: string | null;
  created_by: number | null;
}

/** An organization visited by an inspection, under the visited organization; `results` is a JSON array. */
export interface InspectionVisitsTable extends Scoped, Stamped {
  inspection_id: number;
  visited_on: string | null;
  score: number | null;
  results: string;
  note: string | null;
}

/** A finding of a visit, under the visited organization, with the problem it opened. */
export interface InspectionFindingsTable extends Scoped, Stamped {
  inspection_id: number;
  visit_id: number;
  text: string;
  category: string;
  severity: string;
  problem_id: number | null;
  created_by: number | null;
}

/** The inspections module's tables, by name. */
export interface InspectionsTables {
  inspections: InspectionsTable;
  inspection_visits: InspectionVisitsTable;
  inspection_findings: InspectionFindingsTable;
}
