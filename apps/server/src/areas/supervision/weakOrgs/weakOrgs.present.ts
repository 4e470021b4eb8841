/** How a file, its check-ups and its acceptances read in the API (JSON columns parsed, the score out of tenths). */
import type {
  AcceptanceFailure,
  AcceptanceT,
  CheckupT,
  WeakOrgItemT,
  WeakOrgMeasureT,
  WeakOrgReason,
} from '@dangjian/contracts';
import { stampsOf } from '../../../platform/stamps.js';
import type { AcceptanceRow, CheckupRow, WeakOrgRow } from './weakOrgs.repository.js';

/** A JSON column read as an array (an empty one when null or damaged). */
export function jsonArray<T>(text: string | null): T[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** Whole months between two days `YYYY-MM-DD` (a month counts once its day of the month is reached). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const m = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, m);
}

/** The township of an organization's path: the second id of `/county/township/…`, none at the county. */
export function townshipIdOf(path: string): number | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length >= 2 ? Number(ids[1]) : null;
}

/** A check-up as the API reads it. */
export function presentCheckup(c: CheckupRow): CheckupT {
  return {
    id: c.id,
    month: c.month,
    checkedBy: c.checked_by,
    items: jsonArray<CheckupT['items'][number]>(c.items).map((i) => ({
      topic: i.topic,
      rating: i.rating,
      findings: i.findings ?? null,
      problemId: i.problemId ?? null,
    })),
    createdAt: c.created_at,
  };
}

/** An acceptance as the API reads it. */
export function presentAcceptance(a: AcceptanceRow): AcceptanceT {
  return {
    id: a.id,
    acceptedOn: a.accepted_on,
    panelSize: a.panel_size,
    panelDissatisfied: a.panel_dissatisfied,
    residentsAsked: a.residents_asked,
    residentsDissatisfied: a.residents_dissatisfied,
    score: a.score_tenths / 10,
    passed: Boolean(a.passed),
    failures: jsonArray<AcceptanceFailure>(a.failures),
    note: a.note,
    createdAt: a.created_at,
  };
}

/** A file as a list row, with its last check-up month and last acceptance. */
export function presentFile(
  r: WeakOrgRow,
  today: string,
  extra: { lastCheckupMonth: string | null; last: AcceptanceRow | null; townshipName: string | null },
): WeakOrgItemT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    townshipId: townshipIdOf(r.org_path),
    townshipName: extra.townshipName,
    year: r.year,
    status: r.status as WeakOrgItemT['status'],
    reasons: jsonArray<WeakOrgReason>(r.reasons),
    reasonText: r.reason_text,
    flaggedOn: r.flagged_on,
    leaderName: r.leader_name,
    leaderPost: r.leader_post,
    listed: Boolean(r.listed),
    plan: r.plan,
    measures: jsonArray<WeakOrgMeasureT>(r.measures),
    monthsInRectification: monthsBetween(r.flagged_on, r.released_on ?? today),
    lastCheckupMonth: extra.lastCheckupMonth,
    lastAcceptance: extra.last
      ? { acceptedOn: extra.last.accepted_on, score: extra.last.score_tenths / 10, passed: Boolean(extra.last.passed) }
      : null,
    releasedOn: r.released_on,
    ...stampsOf(r),
  };
}
