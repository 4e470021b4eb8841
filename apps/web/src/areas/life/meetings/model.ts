/**
 * Organizational life on the client: the answer types (from the contracts' TypeBox schemas), China-time
 * helpers and periods. No UI library here: the phone pages use it too.
 */
import { chinaDateTime } from '@dangjian/contracts';
import type { Static } from '@sinclair/typebox';
import type {
  CheckinOpen,
  CheckinResult,
  Compliance,
  MeetingStats,
  Notification,
  NotificationList,
  RulesInForce,
} from '@dangjian/contracts';

export type {
  MeetingSummaryT as MeetingSummary,
  MeetingT as Meeting,
  MeetingKindT as MeetingKind,
  MyMeetingT as MyMeeting,
  MyMeetingListT as MyMeetingList,
} from '@dangjian/contracts';
export type ComplianceAnswer = Static<typeof Compliance>;
export type ComplianceItem = ComplianceAnswer['items'][number];
export type MeetingStatsAnswer = Static<typeof MeetingStats>;
export type RulesAnswer = Static<typeof RulesInForce>;
export type RuleInForce = RulesAnswer['rules'][number];
export type FrequencyRule = NonNullable<RuleInForce['rule']>;
export type CheckinOpenAnswer = Static<typeof CheckinOpen>;
export type CheckinAnswer = Static<typeof CheckinResult>;
export type NotificationItem = Static<typeof Notification>;
export type NotificationPage = Static<typeof NotificationList>;

/** Org types that hold the branch meetings (三会一课): the yearbook export is offered for these. */
export const BRANCH_TYPES = ['branch', 'joint_branch', 'general_branch'];

/** An instant as China local time, `YYYY-MM-DD HH:mm` (the meetings' dates and times are China time). */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return Number.isNaN(Date.parse(iso)) ? iso : chinaDateTime(iso);
}

/** Only the `HH:mm` of an instant in China time. */
export function chinaClock(iso: string | null | undefined): string {
  return chinaTime(iso).slice(11);
}

/** Now in China: `{ date: 'YYYY-MM-DD', time: 'HH:mm' }`. */
export function chinaNow(now = new Date()): { date: string; time: string } {
  const s = chinaDateTime(now);
  return { date: s.slice(0, 10), time: s.slice(11, 16) };
}

/** This month in China, `YYYY-MM`. */
export function thisMonth(): string {
  return chinaNow().date.slice(0, 7);
}

/** This year in China. */
export function thisYear(): number {
  return Number(chinaNow().date.slice(0, 4));
}

export type PeriodUnit = 'month' | 'quarter' | 'year';

/** Which unit a period string is (`YYYY-MM`, `YYYY-Qn`, `YYYY`), or null when malformed. */
export function periodUnit(period: string): PeriodUnit | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}$/.test(period)) return 'year';
  return null;
}

/** The period of a unit that contains a date (`YYYY-MM-DD` or `YYYY-MM`). */
export function periodOf(unit: PeriodUnit, date: string): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7) || '1');
  if (unit === 'year') return y;
  if (unit === 'quarter') return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** The first day of a period, `YYYY-MM-DD`. */
export function periodStart(period: string): string {
  const unit = periodUnit(period);
  const y = period.slice(0, 4);
  if (unit === 'month') return `${period}-01`;
  if (unit === 'quarter') return `${y}-${String((Number(period.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return `${y}-01-01`;
}

/** A rate from 0 to 1 as a percentage with one decimal. */
export function percent(rate: number | null | undefined): string {
  if (rate == null || Number.isNaN(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The most members that may be graded excellent in a review of `n` members (no more than one third). */
export function excellentCap(n: number): number {
  return Math.floor(n / 3);
}

/** Where a notification's link may take the user: only paths of this app. */
export function safeLink(link: string | null | undefined): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}
