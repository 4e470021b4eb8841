/** Table types of the dues module (area people); money in integer fen, months `YYYY-MM`. */
import type { Generated } from 'kysely';
import type { Scoped, Stamped } from './platform.js';

/** A county's rule version (version 1, the national rules, comes from the contracts). */
export interface DuesRulesTable {
  id: Generated<number>;
  tenant_id: number;
  version: number;
  valid_from: string;
  /** JSON of the contracts' DuesScales. */
  scales: string;
  note: string | null;
  created_at: string;
  created_by: number | null;
}

/** A member's dues profile: category, income base (personal), a fixed amount, exemption, arrears reason. */
export interface DuesProfilesTable {
  id: Generated<number>;
  tenant_id: number;
  member_id: number;
  category: string | null;
  income_fen: number | null;
  fixed_fen: number | null;
  exempt: Generated<number>;
  exempt_reason: string | null;
  arrears_reason: string | null;
  arrears_reason_at: string | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

/** One member's bill of one month; org_* are the member's organization in that month. */
export interface DuesBillsTable extends Scoped, Stamped {
  member_id: number;
  month: string;
  category: string;
  base_fen: number | null;
  amount_fen: number;
  rule_version: number;
  paid_fen: Generated<number>;
  status: string;
}

/** A payment recorded by the branch; a back payment (补交) waits for review. */
export interface DuesPaymentsTable extends Scoped, Stamped {
  member_id: number;
  paid_on: string;
  amount_fen: number;
  method: string;
  status: string;
  reference: string | null;
  note: string | null;
  back_payment: Generated<number>;
  recorded_by: number | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_note: string | null;
}

/** The part of a payment applied to one bill. */
export interface DuesPaymentBillsTable {
  id: Generated<number>;
  payment_id: number;
  bill_id: number;
  amount_fen: number;
}

/** The dues module's tables, by name. */
export interface DuesTables {
  dues_rules: DuesRulesTable;
  dues_profiles: DuesProfilesTable;
  dues_bills: DuesBillsTable;
  dues_payments: DuesPaymentsTable;
  dues_payment_bills: DuesPaymentBillsTable;
}
