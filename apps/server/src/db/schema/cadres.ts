/** Table types of the cadres module (area people): the two village committees' people and their posts by term. */
import type { Generated } from 'kysely';

/** A person of a village's two committees (村两委); `kinds` is JSON text of CADRE_KINDS codes. */
export interface CadresTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  member_id: number | null;
  name: string;
  gender: string;
  birth_date: string;
  kinds: string;
  education: string | null;
  note: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One post held by a cadre in one term; `ended_on` null while it is held. */
export interface CadrePostsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  cadre_id: number;
  committee: string;
  post: string;
  term: string;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  end_note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A new party secretary's filing with the county (备案). */
export interface CadreFilingsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  cadre_id: number;
  term: string;
  appointed_on: string;
  filed_on: string;
  status: string;
  acknowledged_on: string | null;
  return_reason: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A candidate's joint review (联审); `units` a JSON array of codes, `opinions` a JSON object by unit. */
export interface CadreReviewsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  cadre_id: number;
  term: string;
  committee: string;
  post: string;
  status: string;
  units: string;
  opinions: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The cadres module's tables, by name. */
export interface CadresTables {
  cadres: CadresTable;
  cadre_posts: CadrePostsTable;
  cadre_filings: CadreFilingsTable;
  cadre_reviews: CadreReviewsTable;
}
