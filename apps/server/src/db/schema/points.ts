/** Table types of the points module (area assessment): the ledger, published months, disputes. */
import type { Generated } from 'kysely';

/** One ledger row; `points` never changes after the insert (a correction is a reversing row). */
export interface PointEntriesTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  member_id: number;
  event: string;
  kind: string | null;
  points: number;
  occurred_on: string;
  month: string;
  year: number;
  source_ref: string;
  reverses_id: number | null;
  note: string | null;
  evidence: string | null;
  status: string;
  reject_reason: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A branch's published month (公示). */
export interface PointMonthsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  month: string;
  published_at: string;
  published_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A member's dispute of an entry. */
export interface PointDisputesTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  entry_id: number;
  member_id: number;
  status: string;
  reason: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: number | null;
  reversal_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The points module's tables, by name. */
export interface PointsTables {
  point_entries: PointEntriesTable;
  point_months: PointMonthsTable;
  point_disputes: PointDisputesTable;
}
