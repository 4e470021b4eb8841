/** Table types of the pledges module (area assessment): pledges of members and organizations (承诺践诺). */
import type { Generated } from 'kysely';

/** A pledge; `member_id` is null for an organization's pledge (为民办实事). */
export interface PledgesTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  member_id: number | null;
  kind: string;
  year: number;
  status: string;
  category: string;
  title: string;
  content: string;
  due_on: string;
  problems_solved: Generated<number>;
  fulfilled_on: string | null;
  fulfilment: string | null;
  problems_text: string | null;
  return_reason: string | null;
  public_token: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A progress entry (践诺进展) or the fulfilment submission of a pledge. */
export interface PledgeProgressTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  pledge_id: number;
  kind: string;
  text: string;
  reported_on: string;
  author_name: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One evaluation (评诺) of a pledge by a member or a resident. */
export interface PledgeEvaluationsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  pledge_id: number;
  evaluator: string;
  evaluator_key: string;
  rating: string;
  evaluator_name: string | null;
  comment: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The pledges module's tables, by name. */
export interface PledgesTables {
  pledges: PledgesTable;
  pledge_progress: PledgeProgressTable;
  pledge_evaluations: PledgeEvaluationsTable;
}
