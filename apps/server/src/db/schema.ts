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
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
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

export interface MeetingRuleOverridesTable {
  id: Generated<number>;
  tenant_id: number;
  year: number;
  kind: string;
  rule: string | null;
  updated_at: string;
  updated_by: number | null;
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

export interface DB {
  orgs: OrgsTable;
  members: MembersTable;
  users: UsersTable;
  login_attempts: LoginAttemptsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  meetings: MeetingsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_motions: MeetingMotionsTable;
  meeting_reviews: MeetingReviewsTable;
  meeting_photos: MeetingPhotosTable;
  meeting_rule_overrides: MeetingRuleOverridesTable;
  notifications: NotificationsTable;
  job_runs: JobRunsTable;
  data_versions: DataVersionsTable;
}

/** Tables whose rows belong to an organization and carry `org_path`: a move re-paths them all. */
export const ORG_SCOPED_TABLES = ['orgs', 'members', 'users', 'meetings'] as const;
