/** Table types of the ratings module (area assessment): schemes, results, objections and multi-year targets. */
import type { Generated } from 'kysely';
import type { Scoped, Stamped } from './platform.js';

/** A scheme (考评方案): `groups` (the indicator tree) and `thresholds` are JSON text; frozen once published. */
export interface RatingSchemesTable extends Scoped, Stamped {
  year: number;
  max_stars: number;
  name: string;
  family: string;
  subject: string;
  mode: string;
  status: string;
  groups: string;
  thresholds: string;
  version: Generated<number>;
  previous_id: number | null;
  created_by: number | null;
  description: string | null;
  published_at: string | null;
}

/**
 * A result of one subject under one scheme. `snapshot` is the scheme's tree, thresholds, mode and max stars as the
 * result was started; `self_scores` / `assessor_scores` are JSON by indicator code ({ score, note, fileIds });
 * `record_values` the record indicators' values frozen at publication (null while they are computed live).
 */
export interface RatingsTable extends Scoped, Stamped {
  scheme_id: number;
  year: number;
  subject: string;
  status: string;
  snapshot: string;
  member_id: number | null;
  post: string | null;
  self_scores: string | null;
  assessor_scores: string | null;
  record_values: string | null;
  note: string | null;
  self_total_tenths: number | null;
  total_tenths: number | null;
  stars: number | null;
  grade: string | null;
  outcome: Generated<string>;
  published_on: string | null;
  objection_until: string | null;
  final_on: string | null;
  problem_id: number | null;
  created_by: number | null;
}

/** An objection to a published result (异议), answered by the assessor. */
export interface RatingObjectionsTable extends Scoped, Stamped {
  rating_id: number;
  reason: string;
  status: string;
  raised_by: number | null;
  answered_by: number | null;
  raised_by_name: string | null;
  reply: string | null;
  answered_by_name: string | null;
  answered_at: string | null;
}

/** A county's multi-year target for a scheme family (e.g. 100% of branches at ≥ 3 stars by a year). */
export interface RatingTargetsTable extends Scoped, Stamped {
  family: string;
  min_stars: number;
  share_permille: number;
  start_year: number;
  by_year: number;
  note: string | null;
  created_by: number | null;
}

/** The ratings module's tables, by name. */
export interface RatingsTables {
  rating_schemes: RatingSchemesTable;
  ratings: RatingsTable;
  rating_objections: RatingObjectionsTable;
  rating_targets: RatingTargetsTable;
}
