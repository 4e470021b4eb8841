/**
 * Requests, evaluations, wishes, errands and the service figures on the client: the answer types of
 * the issue-5 API (as /tmp/api-spec.md fixes them) and small helpers. No UI library here: the phone
 * pages import it too.
 */
import { chinaDateTime as dateTimeInChina, chinaToday as todayInChina, halfYearOf } from '@dangjian/contracts';

/** A request (民情诉求) as the list answers it. */
export interface RequestItem {
  id: number;
  orgId: number;
  orgName: string;
  originOrgId: number;
  originOrgName: string;
  householdId: number | null;
  residentName: string | null;
  phone: string | null;
  channel: string;
  category: string;
  description: string;
  level: string;
  status: string;
  overdue: boolean;
  acceptedAt: string;
  dueAt: string | null;
  ownerName: string | null;
  department: string | null;
  escalations: number;
  closedAt: string | null;
  result: string | null;
  rating: string | null;
  reopened: boolean | number;
  createdAt?: string;
  updatedAt?: string;
  deletedAt?: string | null;
}

/** One entry of a timeline (residents_events). */
export interface ResidentsEvent {
  id: number;
  kind: string;
  at: string;
  actorName: string | null;
  fromOrg: { id: number; name: string } | null;
  toOrg: { id: number; name: string } | null;
  note: string | null;
}

/** A request in full, with its timeline. */
export interface RequestDetail extends RequestItem {
  events: ResidentsEvent[];
}

/** A record of the three evaluations (三评). */
export interface EvaluationItem {
  id: number;
  orgId: number;
  orgName: string;
  kind: string;
  period: string;
  grade: string | null;
  satisfied: number | null;
  fairlySatisfied: number | null;
  dissatisfied: number | null;
  comments: string | null;
  evaluatorName: string;
  createdAt: string;
  deletedAt?: string | null;
}

/** A micro-wish or micro-suggestion as staff and members see it. */
export interface WishItem {
  id: number;
  orgId: number;
  orgName: string;
  kind: string;
  title: string;
  description: string;
  residentName: string | null;
  phone: string | null;
  postedVia: string;
  status: string;
  claimedBy: { memberId: number; name: string } | null;
  claimedAt: string | null;
  claimDueAt: string | null;
  fulfilledAt: string | null;
  fulfilNote: string | null;
  confirmedAt: string | null;
  photos: number | { id: number; url?: string }[];
  createdAt: string;
  deletedAt?: string | null;
}

/** A wish in full, with its timeline (and, when the server lists them, its photos). */
export interface WishDetail extends WishItem {
  events?: ResidentsEvent[];
  photoList?: { id: number; url?: string }[];
}

/** A wish on the public wall: no names, no phone, no ID. */
export interface PublicWish {
  id: number;
  kind: string;
  title: string;
  description: string;
  orgName: string;
  status: string;
  createdAt: string;
  claimedAt: string | null;
  fulfilledAt: string | null;
  confirmedAt: string | null;
}

/** A wish as its resident sees it (`/api/public/resident/wishes`). */
export interface ResidentWish {
  id: number;
  orgId: number;
  orgName: string;
  kind: string;
  title: string;
  description: string;
  name: string | null;
  status: string;
  claimedByName: string | null;
  claimedAt: string | null;
  fulfilledAt: string | null;
  fulfilNote: string | null;
  confirmedAt: string | null;
  createdAt: string;
}

/** A village or community a resident may pick. */
export interface Place {
  id: number;
  name: string;
  townshipName: string;
}

/** A proxy errand (党员代办). */
export interface ErrandItem {
  id: number;
  orgId: number;
  orgName: string;
  memberId: number;
  memberName: string;
  householdId: number | null;
  residentName: string;
  phone: string | null;
  cardNo: string | null;
  title: string;
  description: string | null;
  status: string;
  takenAt: string;
  doneAt: string | null;
  result: string | null;
  deletedAt?: string | null;
}

/** An errand in full, with its steps. */
export interface ErrandDetail extends ErrandItem {
  events: ResidentsEvent[];
}

/** The service figures of a subtree and period (`GET /api/stats/service`). */
export interface ResidentsStats {
  org?: { id: number; name: string };
  period?: { from: string; to: string };
  requests: {
    accepted: number;
    closed: number;
    open: number;
    overdue: number;
    byLevel: Record<string, number>;
    byChannel: Record<string, number>;
    byCategory: Record<string, number>;
    avgCloseDays: number | null;
    closedOnTimeRate: number | null;
    ratings: Record<string, number>;
    satisfactionRate: number | null;
  };
  wishes: { collected: number; claimed: number; fulfilled: number; confirmed: number };
  errands: { taken: number; done: number };
  groups: { groups: number; households: number; householdsTotal: number; people: number; coverageRate: number | null };
  pairing: { poorHouseholds: number; paired: number; cadres: number; coverageRate: number | null };
  visits: { visits: number; households: number; villagesVisited: number; villages: number };
  byOrg: {
    orgId: number;
    orgName: string;
    accepted: number;
    closed: number;
    overdue: number;
    satisfactionRate: number | null;
    wishes: number;
    wishesDone: number;
    errands: number;
    households: number;
    coverageRate: number | null;
  }[];
  monthly: { month: string; accepted: number; closed: number }[];
}

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
export function photoCount(p: WishItem['photos'] | undefined): number {
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
