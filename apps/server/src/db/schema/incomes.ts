/** Table types of the incomes module (area economy): yearly collective income of villages. */
import type { Generated } from 'kysely';

/** One income entry of a village and year, in fen; counted once accepted. */
export interface IncomeEntriesTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  year: number;
  amount_fen: number;
  source: string;
  status: string;
  note: string | null;
  evidence: string | null;
  return_reason: string | null;
  reviewed_on: string | null;
  reviewed_by: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The incomes module's tables, by name. */
export interface IncomesTables {
  income_entries: IncomeEntriesTable;
}
