/** Table types of the residents area: households, residents, visits, requests, wishes, errands, zones, codes. */
import type { Generated } from 'kysely';
import type { Scoped, Stamped } from './platform.js';

/** Households (户) of a village or community; `tags` is a JSON array of HOUSEHOLD_TAGS keys. */
export interface HouseholdsTable extends Scoped, Stamped {
  address: string;
  head_name: string;
  tags: Generated<string>;
  is_poor: Generated<number>;
  people: Generated<number>;
  group_id: number | null;
  note: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
}

/** Residents (居民) of a household. */
export interface ResidentsTable extends Scoped, Stamped {
  household_id: number;
  name: string;
  relation: string;
  gender: string | null;
  birth_date: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
}

/** Household groups (联户组). */
export interface HouseholdGroupsTable extends Scoped, Stamped {
  name: string;
  leader_kind: string;
  leader_name: string;
  leader_member_id: number | null;
  leader_household_id: number | null;
  leader_phone_enc: string | null;
  leader_phone_hash: string | null;
  leader_phone_masked: string | null;
}

/** Cadre–household pairing (结对帮扶); org_* are the household's. */
export interface PairingsTable extends Scoped, Stamped {
  household_id: number;
  cadre_member_id: number;
  started_on: string;
  ended_on: string | null;
}

/** Door-to-door visits (走访); org_* are the household's. */
export interface VisitsTable extends Scoped, Stamped {
  household_id: number;
  visitor_member_id: number;
  visited_on: string;
  found: string;
  promised: string | null;
  request_id: number | null;
  created_by: number | null;
}

/** Residents' requests (民情诉求): org_* handle it now, origin_* accepted it. */
export interface RequestsTable extends Scoped, Stamped {
  /** The acceptance number (受理编号) `YYYY-NNNNN`, unique per tenant, sequential per China year. */
  request_no: string;
  origin_org_id: number;
  origin_path: string;
  household_id: number | null;
  resident_name: string | null;
  channel: string;
  category: string;
  description: string;
  level: string;
  status: string;
  accepted_at: string;
  due_at: string | null;
  owner_member_id: number | null;
  owner_name: string | null;
  department: string | null;
  escalations: Generated<number>;
  escalated_at: string | null;
  closed_at: string | null;
  result: string | null;
  rating: string | null;
  rated_at: string | null;
  reopened: Generated<number>;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  created_by: number | null;
}

/** The three evaluations (三评) of an organization's service work. */
export interface ResidentsEvaluationsTable extends Scoped, Stamped {
  kind: string;
  period: string;
  grade: string | null;
  satisfied: number | null;
  fairly_satisfied: number | null;
  dissatisfied: number | null;
  comments: string | null;
  evaluator_name: string;
  created_by: number | null;
}

/** Micro-wishes and micro-suggestions (微心愿、微建议). */
export interface WishesTable extends Scoped, Stamped {
  kind: string;
  title: string;
  description: string;
  household_id: number | null;
  resident_name: string | null;
  posted_via: string;
  status: string;
  claimed_by_member_id: number | null;
  claimed_at: string | null;
  claim_due_at: string | null;
  fulfilled_at: string | null;
  fulfil_note: string | null;
  confirmed_at: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  created_by: number | null;
}

/** Proxy errands (党员代办). */
export interface ErrandsTable extends Scoped, Stamped {
  member_id: number;
  household_id: number | null;
  resident_name: string;
  card_no: string | null;
  title: string;
  description: string | null;
  status: string;
  taken_at: string;
  done_at: string | null;
  result: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  created_by: number | null;
}

/** Member responsibility zones (党员责任区). */
export interface ZonesTable extends Scoped, Stamped {
  name: string;
  area: string | null;
  households: Generated<number>;
}

export interface ZoneMembersTable {
  id: Generated<number>;
  zone_id: number;
  member_id: number;
  assigned_on: string;
}

export interface ResidentsPhotosTable {
  id: Generated<number>;
  tenant_id: number;
  entity_type: string;
  entity_id: number;
  file_hash: string;
  mime: string;
  bytes: number;
  created_at: string;
  deleted_at: string | null;
}

export interface ResidentCodesTable {
  id: Generated<number>;
  phone_hash: string;
  code_hash: string;
  created_at: string;
  expires_at: string;
  attempts: Generated<number>;
  used_at: string | null;
}

export interface ResidentSessionsTable {
  token_hash: string;
  phone_hash: string;
  phone_enc: string;
  created_at: string;
  expires_at: string;
  ended_at: string | null;
}

/** The last acceptance number given per tenant and China year (see migration 014). */
export interface RequestNumbersTable {
  tenant_id: number;
  year: number;
  last_no: number;
}
