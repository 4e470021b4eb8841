/**
 * Requests, evaluations, wishes, errands and the service figures on the client: the answer types of
 * the API (from the contracts; the names the pages use) and small helpers. No UI library here: the phone
 * pages import it too.
 */
import { chinaDateTime as dateTimeInChina, chinaToday as todayInChina, halfYearOf } from '@dangjian/contracts';
import type { Static } from '@sinclair/typebox';
import type { Labelled, RequestEvent, WishT } from '@dangjian/contracts';

/** One entry of a timeline (residents_events). */
export type ResidentsEvent = Static<typeof RequestEvent>;

/**
 * The answers of the API under the names the pages use: a request (民情诉求) as the list answers it, and in full
 * with its timeline; a record of the three evaluations (三评); a micro-wish or micro-suggestion as staff and members
 * see it, in full with its timeline (and, when the server lists them, its photos), on the public wall (no names, no
 * phone, no ID) and as its resident sees it (`/api/public/resident/wishes`); a village or community a resident may
 * pick; a proxy errand (党员代办), in full with its steps; the service figures of a subtree and period
 * (`GET /api/stats/service`).
 */
export type {
  RequestItemT as RequestItem,
  RequestDetailT as RequestDetail,
  EvaluationT as EvaluationItem,
  WishT as WishItem,
  WishDetailT as WishDetail,
  PublicWishT as PublicWish,
  ResidentWishT as ResidentWish,
  PublicPlaceT as Place,
  ErrandT as ErrandItem,
  ErrandDetailT as ErrandDetail,
  ResidentsStats,
} from '@dangjian/contracts';

/** A household found by the picker. */
export interface HouseholdHit {
  id: number;
  orgId: number;
  orgName: string;
  address: string;
  headName: string;
  phone: string | null;
}

/** An instant as China local time, `YYYY-MM-DD HH:mm`. */
export function chinaDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return Number.isNaN(Date.parse(iso)) ? iso : dateTimeInChina(iso);
}

/** Only the China date of an instant, `YYYY-MM-DD`. */
export function chinaDay(iso: string | null | undefined): string {
  return chinaDateTime(iso).slice(0, 10);
}

/** Today in China, `YYYY-MM-DD`. */
export function chinaToday(now = new Date()): string {
  return todayInChina(now);
}

/** The half-year period of a date, `YYYY-H1` / `YYYY-H2`. */
export { halfYearOf };

/** The number of photos of a wish, whatever shape the server gives them. */
export function photoCount(p: WishT['photos'] | undefined): number {
  return Array.isArray(p) ? p.length : (p ?? 0);
}

/** A rate from 0 to 1 as a percentage with one decimal, `—` when unknown. */
export function pct(rate: number | null | undefined): string {
  if (rate == null || Number.isNaN(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Whole days from now to an instant (negative: past). */
export function daysUntil(iso: string | null | undefined, now = Date.now()): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return Math.ceil((ms - now) / 86_400_000);
}

/** Whole days an instant lies in the past, at least 1 once it has passed (0 when not yet due). */
export function daysLate(iso: string | null | undefined, now = Date.now()): number {
  if (!iso) return 0;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || ms >= now) return 0;
  return Math.max(1, Math.ceil((now - ms) / 86_400_000));
}

/** A mainland mobile number: 11 digits starting with 1. */
export function isMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone.trim());
}

/** The words of the timeline's event kinds (requests, wishes, errands). */
export const RESIDENTS_EVENT_KINDS: Record<string, Labelled> = {
  accepted: { zh: '受理', en: 'Accepted' },
  created: { zh: '登记', en: 'Recorded' },
  posted: { zh: '提交', en: 'Posted' },
  assigned: { zh: '指定责任人', en: 'Owner assigned' },
  transferred: { zh: '转办', en: 'Transferred' },
  progress: { zh: '办理进展', en: 'Progress' },
  step: { zh: '办理步骤', en: 'Step' },
  closed: { zh: '办结', en: 'Closed' },
  rated: { zh: '群众评价', en: 'Rated' },
  reopened: { zh: '重新办理', en: 'Reopened' },
  escalated: { zh: '逾期上移', en: 'Escalated' },
  claimed: { zh: '认领', en: 'Claimed' },
  released: { zh: '超期释放', en: 'Released' },
  fulfilled: { zh: '完成', en: 'Fulfilled' },
  confirmed: { zh: '群众确认', en: 'Confirmed' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
  photo: { zh: '上传照片', en: 'Photo added' },
  done: { zh: '办结', en: 'Done' },
  cancelled: { zh: '取消', en: 'Cancelled' },
  deleted: { zh: '删除', en: 'Deleted' },
  restored: { zh: '恢复', en: 'Restored' },
};
