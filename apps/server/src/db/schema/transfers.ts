/** Table types of the transfers module (area people). */
import type { Generated } from 'kysely';

/** One transfer of membership (组织关系转接); `org_path` is the owning side, `to_path` the receiving one. */
export interface TransfersTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  kind: string;
  status: string;
  member_id: number | null;
  name: string;
  gender: string;
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  joined_at: string | null;
  member_status: string | null;
  from_org_id: number | null;
  from_org_name: string;
  to_org_id: number | null;
  to_path: string | null;
  to_org_name: string;
  to_address: string | null;
  reason: string | null;
  applied_on: string;
  letter_no: string | null;
  issued_on: string | null;
  valid_until: string | null;
  dues_paid_to: string | null;
  approved_at: string | null;
  accepted_on: string | null;
  receipt_on: string | null;
  return_reason: string | null;
  closed_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Each county's and year's last letter number. */
export interface TransferNumbersTable {
  tenant_id: number;
  year: number;
  last_no: number;
}

/** The transfers module's tables, by name. */
export interface TransfersTables {
  transfers: TransfersTable;
  transfer_numbers: TransferNumbersTable;
}
