/** Table types of the funds module (area economy): grassroots funds and pay. */
import type { Generated } from 'kysely';

/** One money record of a village and year, in fen. */
export interface FundRecordsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  year: number;
  amount_fen: number;
  kind: string;
  source: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The funds module's tables, by name. */
export interface FundsTables {
  fund_records: FundRecordsTable;
}
