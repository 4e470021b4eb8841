/** Table types of the core: organizations, members, users, sign-ins, grants and the audit chain. */
import type { Generated } from 'kysely';

export interface OrgsTable {
  id: Generated<number>;
  tenant_id: number;
  parent_id: number | null;
  org_path: string;
  depth: number;
  name: string;
  /** The place's name of a village-level or township organization (大岭村), else null. */
  place_name: string | null;
  type: string;
  field: string | null;
  term_start: string | null;
  term_end: string | null;
  secretary_member_id: number | null;
  committee: string; // JSON array of { name, position, memberId? }
  sort_order: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface MembersTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: string;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  birth_date: string;
  ethnicity: string | null;
  education: string | null;
  category: string | null;
  joined_at: string;
  full_member_at: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  tenant_id: number | null;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_id: number | null;
  org_path: string | null;
  member_id: number | null;
  /** The province or prefecture of a region account (tenant, org and member null), else null. */
  region_id: number | null;
  region_path: string | null;
  status: string;
  locale: string;
  last_login_at: string | null;
  password_changed_at: string;
  /** 1 while the account holds a one-time password set by an administrator. */
  must_change_password: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A proposed grant of an administrator role, decided by a second person (三员分立). */
export interface RoleGrantsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  user_id: number | null;
  username: string;
  display_name: string;
  role: string;
  previous_role: string | null;
  status: string;
  proposed_by: number;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
  note: string | null;
}

export interface LoginAttemptsTable {
  username: string;
  failed_count: number;
  locked_until: string | null;
  last_failed_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
  ended_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  tenant_id: number | null;
  actor_id: number | null;
  actor_name: string | null;
  role: string | null;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  changes: string | null; // JSON { field: { before, after } }
  success: number;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_id: number;
  count: number;
  last_hash: string;
}

/** A province 省 or prefecture 市（州）: the level above the counties, a tree by `path` (`/1/3/`). */
export interface RegionsTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: string;
  name: string;
  /** The administrative division code (e.g. 520000), unique. */
  code: string;
  path: string;
  depth: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The prefecture a county (tenant) belongs to. */
export interface CountyRegionsTable {
  tenant_id: number;
  region_id: number;
  /** The prefecture's path, so a region's counties are one range. */
  region_path: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

/**
 * One organization × China month of a county's rollups (migration 044): the totals of the organization's whole
 * subtree. Snapshot columns (members, orgs, households, compliance to date) are filled on the refresh's month only;
 * flow columns (joined, meetings held, requests, wishes) hold what happened in the month.
 */
export interface RollupOrgMonthTable {
  tenant_id: number;
  org_id: number;
  org_path: string;
  depth: number;
  month: string;
  members_total: number;
  members_formal: number;
  members_probationary: number;
  members_female: number;
  members_minority: number;
  members_under35: number;
  members_college: number;
  orgs_total: number;
  orgs_committees: number;
  orgs_general_branches: number;
  orgs_branches: number;
  households: number;
  compliance_due: number;
  compliance_met: number;
  members_joined: number;
  held_general_meeting: number;
  held_committee_meeting: number;
  held_group_meeting: number;
  held_party_lecture: number;
  held_theme_day: number;
  held_life_meeting: number;
  held_member_review: number;
  held_leadership_life_meeting: number;
  held_heart_to_heart: number;
  requests: number;
  requests_resolved: number;
  wishes: number;
  wishes_fulfilled: number;
}

/** What a county's rollup rows were computed from, and when. */
export interface RollupStateTable {
  tenant_id: number;
  /** `YYYY-MM-DD|domain:version,…`: the China day and the data versions read before the computation. */
  versions: string;
  refreshed_at: string;
  duration_ms: number;
}
