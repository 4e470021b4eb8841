/** Table types of the database, shared by both dialects (timestamps and dates are ISO text). */
import type { Generated } from 'kysely';

export interface OrgsTable {
  id: Generated<number>;
  tenant_id: number;
  parent_id: number | null;
  org_path: string;
  depth: number;
  name: string;
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

export interface MeetingsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  kind: string;
  topic: string;
  held_on: string;
  start_time: string;
  end_time: string | null;
  place: string | null;
  host_name: string | null;
  recorder_name: string | null;
  lecturer_member_id: number | null;
  lecturer_role: string | null;
  minutes: string | null;
  decisions: string | null;
  checkin_code: string | null;
  checkin_from: string | null;
  checkin_to: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface MeetingAttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  member_id: number;
  status: string;
  leave_reason: string | null;
  checked_in_at: string | null;
  method: string | null;
}

export interface MeetingMotionsTable {
  id: Generated<number>;
  meeting_id: number;
  title: string;
  yes: number;
  no: number;
  abstain: number;
  entitled: number;
  present_voting: number;
  quorum_met: number;
  passed: number;
}

export interface MeetingReviewsTable {
  id: Generated<number>;
  meeting_id: number;
  member_id: number;
  grade: string;
}

export interface MeetingPhotosTable {
  id: Generated<number>;
  meeting_id: number;
  file_hash: string;
  mime: string;
  bytes: number;
  created_at: string;
  deleted_at: string | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  tenant_id: number | null;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
  sent_at: string | null;
}

export interface JobRunsTable {
  id: Generated<number>;
  job: string;
  run_key: string;
  started_at: string;
  finished_at: string | null;
  result: string | null;
}

export interface DataVersionsTable {
  tenant_id: number;
  domain: string;
  version: number;
}

interface Scoped {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
}

interface Stamped {
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

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

/** Timeline entries of requests, wishes and errands. */
/** One move of a record of any module (`platform/data/timeline.ts`); `data` is JSON (e.g. org moves). */
export interface TimelineEventsTable {
  id: Generated<number>;
  tenant_id: number;
  entity_type: string;
  entity_id: number;
  org_path: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  actor_id: number | null;
  actor_name: string | null;
  note: string | null;
  data: string | null;
  at: string;
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

export interface MessageOutboxTable {
  id: Generated<number>;
  channel: string;
  to_masked: string;
  to_hash: string;
  body: string;
  created_at: string;
  sent_at: string | null;
}

/** A county's value of one rule of a rule set from a year on (`platform/rules.ts`). */
export interface RuleOverridesTable {
  id: Generated<number>;
  tenant_id: number;
  rule_set: string;
  key: string;
  year: number;
  /** JSON of the value; null: back to the default from this year. */
  value: string | null;
  reason: string | null;
  updated_at: string;
  updated_by: number | null;
}

export interface DB {
  orgs: OrgsTable;
  members: MembersTable;
  users: UsersTable;
  login_attempts: LoginAttemptsTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  meetings: MeetingsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_motions: MeetingMotionsTable;
  meeting_reviews: MeetingReviewsTable;
  meeting_photos: MeetingPhotosTable;
  notifications: NotificationsTable;
  job_runs: JobRunsTable;
  data_versions: DataVersionsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  household_groups: HouseholdGroupsTable;
  pairings: PairingsTable;
  visits: VisitsTable;
  requests: RequestsTable;
  residents_evaluations: ResidentsEvaluationsTable;
  wishes: WishesTable;
  errands: ErrandsTable;
  zones: ZonesTable;
  zone_members: ZoneMembersTable;
  timeline_events: TimelineEventsTable;
  residents_photos: ResidentsPhotosTable;
  resident_codes: ResidentCodesTable;
  resident_sessions: ResidentSessionsTable;
  message_outbox: MessageOutboxTable;
  rule_overrides: RuleOverridesTable;
}
