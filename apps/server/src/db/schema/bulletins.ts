/** Table types of the bulletins module (area supervision). */
import type { Generated } from 'kysely';

/** One bulletin (通报、简报): the subtree it covers, its period, its text and its computed content (JSON). */
export interface BulletinsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  issuer_org_id: number;
  issuer_path: string;
  issuer_name: string;
  kind: string;
  status: string;
  title: string;
  period_label: string;
  period_from: string;
  period_to: string;
  period: string | null;
  foreword: string | null;
  conclusion: string | null;
  section_order: string;
  content: string;
  year: number | null;
  seq: number | null;
  number_label: string | null;
  issued_at: string | null;
  issued_by_name: string | null;
  issued_by: number | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  withdrawn_by_name: string | null;
  pdf_file: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The last number an issuing organization gave its bulletins in a year. */
export interface BulletinNumbersTable {
  tenant_id: number;
  issuer_org_id: number;
  year: number;
  last_no: number;
}

/** The bulletins module's tables, by name. */
export interface BulletinsTables {
  bulletins: BulletinsTable;
  bulletin_numbers: BulletinNumbersTable;
}
