/** Table types of organizational life: meetings, attendance, motions, reviews, photos. */
import type { Generated } from 'kysely';

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
