/** Table types of the accountability module (area supervision). */
import type { Scoped, Stamped } from './platform.js';

/** An accountability record (问责), under the organization it counts under. */
export interface AccountabilityRecordsTable extends Scoped, Stamped {
  kind: string;
  sub_kind: string | null;
  target_kind: string;
  target_org_id: number | null;
  member_id: number | null;
  person_name: string | null;
  person_post: string | null;
  problem_id: number | null;
  mark_id: number | null;
  inspection_id: number | null;
  reason: string;
  decided_on: string;
  decided_by_org_id: number;
  created_by: number | null;
}

/** The accountability module's tables, by name. */
export interface AccountabilityTables {
  accountability_records: AccountabilityRecordsTable;
}
