/** How schemes, results and objections read in the API (JSON columns parsed, totals out of tenths). */
import type {
  CadreGrade,
  IndicatorGroupT,
  ObjectionT,
  RatingItemT,
  RatingSchemeItemT,
  RatingSnapshot,
  StarThresholdT,
  EnteredScore,
} from '@dangjian/contracts';
import { totalOf } from '@dangjian/contracts';
import { stampsOf } from '../../../platform/stamps.js';
import type { ObjectionRow, RatingRow, SchemeRow } from './ratings.repository.js';

/** A JSON column read as a value (the fallback when null or damaged). */
export function json<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return (JSON.parse(text) as T) ?? fallback;
  } catch {
    return fallback;
  }
}

/** The township of an organization's path: the second id of `/county/township/…`, none at the county. */
export function townshipIdOf(path: string): number | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length >= 2 ? Number(ids[1]) : null;
}

/** A scheme's tree and thresholds. */
export function treeOf(s: Pick<SchemeRow, 'groups' | 'thresholds'>): {
  groups: IndicatorGroupT[];
  thresholds: StarThresholdT[];
} {
  return { groups: json<IndicatorGroupT[]>(s.groups, []), thresholds: json<StarThresholdT[]>(s.thresholds, []) };
}

/** A scheme as a list row. */
export function presentScheme(s: SchemeRow, resultCount: number): RatingSchemeItemT {
  const { groups } = treeOf(s);
  return {
    id: s.id,
    orgId: s.org_id,
    orgName: s.org_name,
    year: s.year,
    name: s.name,
    family: s.family,
    subject: s.subject as RatingSchemeItemT['subject'],
    mode: s.mode as RatingSchemeItemT['mode'],
    status: s.status as RatingSchemeItemT['status'],
    version: s.version,
    previousId: s.previous_id,
    maxStars: s.max_stars,
    totalScore: totalOf(groups),
    indicatorCount: groups.reduce((n, g) => n + g.items.length, 0),
    resultCount,
    description: s.description,
    publishedAt: s.published_at,
    ...stampsOf(s),
  };
}

/** A result's copy of its scheme. */
export function snapshotOf(r: Pick<RatingRow, 'snapshot'>): RatingSnapshot {
  return json<RatingSnapshot>(r.snapshot, { mode: 'score', maxStars: 5, groups: [], thresholds: [] });
}

/** A result's entered scores (the branch's or the assessor's), by indicator code. */
export function entered(text: string | null): Record<string, EnteredScore> {
  return json<Record<string, EnteredScore>>(text, {});
}

const fromTenths = (n: number | null) => (n == null ? null : n / 10);

/** A result as a list row. */
export function presentRating(r: RatingRow, townshipName: string | null): RatingItemT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    townshipName,
    schemeId: r.scheme_id,
    schemeName: r.scheme_name,
    subject: r.subject as RatingItemT['subject'],
    mode: r.mode as RatingItemT['mode'],
    year: r.year,
    memberId: r.member_id,
    memberName: r.member_name,
    post: r.post,
    status: r.status as RatingItemT['status'],
    selfTotal: fromTenths(r.self_total_tenths),
    total: fromTenths(r.total_tenths),
    stars: r.stars,
    grade: (r.grade as CadreGrade | null) ?? null,
    outcome: r.outcome as RatingItemT['outcome'],
    publishedOn: r.published_on,
    objectionUntil: r.objection_until,
    finalOn: r.final_on,
    openObjections: r.open_objections,
    problemId: r.problem_id,
    ...stampsOf(r),
  };
}

/** An objection as the API reads it. */
export function presentObjection(o: ObjectionRow): ObjectionT {
  return {
    id: o.id,
    reason: o.reason,
    raisedBy: o.raised_by_name,
    raisedAt: o.created_at,
    status: o.status as ObjectionT['status'],
    reply: o.reply,
    answeredBy: o.answered_by_name,
    answeredAt: o.answered_at,
  };
}
