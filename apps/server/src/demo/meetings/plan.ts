/** The meetings demo's plan: its shapes, the day and time helpers, and who attends. */
import { chinaDayStart } from '@dangjian/contracts';
import type { Insertable } from 'kysely';
import type {
  MeetingAttendanceTable,
  MeetingMotionsTable,
  MeetingReviewsTable,
  MeetingsTable,
} from '../../db/schema/index.js';
import type { DemoOrg } from '../county.js';
import { REASONS } from './texts.js';

export type Unit = DemoOrg['unit'];

/** The county's fixed party day (主题党日): the 5th of each month. */
export const DEMO_THEME_DAY = 5;
/** Share of branches clearly behind, most of them in two townships. */
export const BEHIND_SHARE = 0.09;
export const MEETING_BATCH = 300;
export const CHILD_BATCH = 500;

export interface Mem {
  id: number;
  name: string;
  orgId: number;
  joined: string;
  full: string | null;
  age: number;
  /** Chance of being present at a meeting, and of having asked for leave. */
  pPresent: number;
  pLeave: number;
  reasons: ReadonlyArray<readonly [string, number]>;
}

export interface OrgInfo {
  id: number;
  parentId: number | null;
  type: string;
  path: string;
  name: string;
  unit: Unit;
  secretaryId: number | null;
  seats: number[];
  direct: Mem[];
  subtree: Mem[];
  children: OrgInfo[];
  behind: boolean;
  /** Chance of skipping a required meeting. */
  miss: number;
  /** When the annual 组织生活会 is held: January–February or December. */
  habit: 'janfeb' | 'dec';
}

export type MeetingRow = Insertable<MeetingsTable>;
export type AttendanceRow = Omit<Insertable<MeetingAttendanceTable>, 'meeting_id'>;
export type MotionRow = Omit<Insertable<MeetingMotionsTable>, 'meeting_id'>;
export type ReviewRow = Omit<Insertable<MeetingReviewsTable>, 'meeting_id'>;

export interface Pending {
  row: MeetingRow;
  attendance: AttendanceRow[];
  motions: MotionRow[];
  reviews: ReviewRow[];
}

const pad = (n: number) => String(n).padStart(2, '0');
export const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** 0 = Sunday … 6 = Saturday, for a day number of toDay (1970-01-01 was a Thursday). */
export const weekday = (day: number) => (day + 4) % 7;
export const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
export const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
/** A China local date and minute of the day as an ISO UTC instant. */
export const instant = (day: string, minutes: number) =>
  new Date(Date.parse(chinaDayStart(day)) + minutes * 60_000).toISOString();

const OFFICE_UNITS: ReadonlySet<Unit> = new Set([
  'organ',
  'institution',
  'school',
  'enterprise',
  'county',
  'township',
  'social_org',
]);
export const RURAL_UNITS: ReadonlySet<Unit> = new Set(['village', 'industry_chain', 'group']);
/** Units where members sign themselves in with the meeting's code now and then. */
export const SELF_CHECKIN_UNITS: ReadonlySet<Unit> = new Set(['community', 'organ', 'institution', 'school']);
export const BRANCH_TYPES: ReadonlySet<string> = new Set(['branch', 'joint_branch', 'general_branch']);

export const PLACES: Record<Unit, readonly string[]> = {
  county: ['县委常委会议室', '县委机关会议室'],
  township: ['党委会议室', '镇机关三楼会议室', '党政综合办公室会议室'],
  village: ['村党群服务中心会议室', '村党群服务中心', '村委会会议室', '村党员活动室'],
  community: ['社区党群服务中心', '社区会议室', '社区新时代文明实践站', '社区党员活动室'],
  organ: ['机关会议室', '机关三楼会议室', '党员活动室', '单位党建活动室'],
  institution: ['单位会议室', '党员活动室', '单位党建活动室'],
  school: ['学校会议室', '学校党员活动室', '学校多功能厅'],
  enterprise: ['公司会议室', '公司党员活动室', '园区党群服务中心'],
  industry_chain: ['产业基地党群服务站', '合作社会议室', '村党群服务中心'],
  social_org: ['协会会议室', '社会组织党群服务中心'],
  group: ['组长家中', '村民小组活动室', '村党群服务中心'],
};

const BASE_PRESENT: Record<Unit, number> = {
  county: 0.95,
  township: 0.95,
  organ: 0.95,
  institution: 0.94,
  school: 0.95,
  enterprise: 0.93,
  community: 0.92,
  village: 0.92,
  industry_chain: 0.91,
  social_org: 0.9,
  group: 0.92,
};

export function memberOf(
  r: {
    id: number;
    name: string;
    org_id: number;
    joined_at: string;
    full_member_at: string | null;
    birth_date: string;
    category: string | null;
  },
  unit: Unit,
  today: string,
): Mem {
  const age =
    Number(today.slice(0, 4)) - Number(r.birth_date.slice(0, 4)) - (today.slice(5) < r.birth_date.slice(5) ? 1 : 0);
  let p = BASE_PRESENT[unit];
  let leave = 0.04;
  let reasons: ReadonlyArray<readonly [string, number]> = REASONS.other;
  if (RURAL_UNITS.has(unit)) {
    if (age >= 75) {
      p -= 0.22;
      leave += 0.04;
      reasons = REASONS.ruralOld;
    } else if (age >= 65) {
      p -= 0.07;
      leave += 0.02;
      reasons = REASONS.ruralOld;
    } else if (age < 50 && (r.category === 'farmer' || r.category === 'worker' || r.category === 'other')) {
      p -= 0.04;
      leave += 0.02;
      reasons = REASONS.ruralYoung;
    } else reasons = REASONS.ruralYoung;
  } else if (unit === 'community') {
    if (age >= 75) {
      p -= 0.14;
      leave += 0.03;
      reasons = REASONS.ruralOld;
    }
  } else if (OFFICE_UNITS.has(unit)) {
    reasons = REASONS.office;
  }
  return {
    id: r.id,
    name: r.name,
    orgId: r.org_id,
    joined: r.joined_at,
    full: r.full_member_at,
    age,
    pPresent: p,
    pLeave: leave,
    reasons,
  };
}
