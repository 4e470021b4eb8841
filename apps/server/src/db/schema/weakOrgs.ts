/** Table types of the weakOrgs module (area supervision): weak and lax organizations (软弱涣散). */
import type { Generated } from 'kysely';

/** A rectification file; `reasons` and `measures` are JSON text. */
export interface WeakOrgsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  year: number;
  status: string;
  reasons: string;
  flagged_on: string;
  leader_name: string;
  leader_post: string;
  listed: Generated<number>;
  reason_text: string | null;
  plan: string | null;
  measures: string | null;
  released_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A monthly check-up (全面体检) of a file; `items` is JSON text (topic, rating, findings, problem id). */
export interface WeakOrgCheckupsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  weak_org_id: number;
  month: string;
  checked_by: string;
  items: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** An acceptance (验收) of a file; the score in tenths, `failures` JSON text. */
export interface WeakOrgAcceptancesTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  weak_org_id: number;
  accepted_on: string;
  panel_size: number;
  panel_dissatisfied: number;
  score_tenths: number;
  passed: number;
  residents_asked: number | null;
  residents_dissatisfied: number | null;
  failures: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The weakOrgs module's tables, by name. */
export interface WeakOrgsTables {
  weak_orgs: WeakOrgsTable;
  weak_org_checkups: WeakOrgCheckupsTable;
  weak_org_acceptances: WeakOrgAcceptancesTable;
}
