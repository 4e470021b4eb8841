/**
 * How a result is scored, once for the server and the web (the scheme editor's preview): a record's value mapped to
 * a score, each indicator's score by how it is filled (record → mapped value, self → the self-score, assessor → the
 * assessor's score), the totals, and the level (stars, ten stars by items met, or a cadre's grade).
 */
import {
  CADRE_GRADE_OF_LEVEL,
  type CadreGrade,
  type IndicatorGroupT,
  type RatingMode,
  type RatingSource,
  type ScoreMappingT,
  type StarThresholdT,
} from './ratings.base.js';
import type { IndicatorScoreT } from './ratings.results.js';

/** What a result scores against: its copy of the scheme. */
export interface RatingSnapshot {
  mode: RatingMode;
  maxStars: number;
  groups: IndicatorGroupT[];
  thresholds: StarThresholdT[];
}

/** One entered score of an indicator (the branch's or the assessor's). */
export interface EnteredScore {
  score: number;
  note?: string | null;
  fileIds?: number[];
}

/** Rounds to tenths (scores are kept in tenths). */
export const tenths = (n: number): number => Math.round(n * 10) / 10;

/** A record's value as a score under a mapping, between 0 and the indicator's max score. */
export function mapValue(mapping: ScoreMappingT | null | undefined, value: number | null, maxScore: number): number {
  if (value == null || !mapping) return 0;
  let s = 0;
  if (mapping.kind === 'linear') {
    const fv = mapping.fromValue ?? 0;
    const fs = mapping.fromScore ?? 0;
    const tv = mapping.toValue ?? 100;
    const ts = mapping.toScore ?? maxScore;
    if (tv === fv) s = value >= tv ? ts : fs;
    else if (value <= Math.min(fv, tv)) s = fv < tv ? fs : ts;
    else if (value >= Math.max(fv, tv)) s = fv < tv ? ts : fs;
    else s = fs + ((value - fv) * (ts - fs)) / (tv - fv);
  } else {
    for (const step of [...(mapping.steps ?? [])].sort((a, b) => a.min - b.min)) if (value >= step.min) s = step.score;
  }
  return tenths(Math.max(0, Math.min(maxScore, s)));
}

/** The level a total reaches under thresholds (0 below them all). */
export function levelOf(thresholds: StarThresholdT[], total: number): number {
  let level = 0;
  for (const t of thresholds) if (total + 1e-9 >= t.minScore && t.level > level) level = t.level;
  return level;
}

/** A result's scores, totals and level. */
export interface Scored {
  scores: IndicatorScoreT[];
  selfTotal: number;
  total: number;
  stars: number;
  grade: CadreGrade | null;
  /** Codes of the assessor's indicators not yet scored. */
  missing: string[];
}

/** Scores a result from its snapshot, the record values (by source) and the two sets of entered scores. */
export function scoreResult(
  snap: RatingSnapshot,
  values: Partial<Record<RatingSource, number | null>>,
  self: Record<string, EnteredScore>,
  assessor: Record<string, EnteredScore>,
): Scored {
  const scores: IndicatorScoreT[] = [];
  const missing: string[] = [];
  let selfTotal = 0;
  let total = 0;
  let met = 0;
  for (const g of snap.groups) {
    for (const i of g.items) {
      const value = i.fill === 'record' && i.source ? (values[i.source] ?? null) : null;
      const recordScore = i.fill === 'record' ? mapValue(i.mapping, value, i.maxScore) : null;
      const s = self[i.key] ?? null;
      const a = assessor[i.key] ?? null;
      const selfScore = i.fill === 'record' ? recordScore : s ? tenths(s.score) : null;
      const assessorScore = a ? tenths(a.score) : null;
      let score: number | null;
      if (i.fill === 'record') score = recordScore;
      else if (i.fill === 'assessor') score = assessorScore;
      else score = selfScore;
      if (i.fill === 'assessor' && assessorScore == null) missing.push(i.key);
      const pass = i.passScore ?? i.maxScore;
      const isMet = score != null && score + 1e-9 >= pass;
      if (isMet) met += 1;
      selfTotal += selfScore ?? 0;
      total += score ?? 0;
      scores.push({
        key: i.key,
        groupKey: g.key,
        name: i.name,
        maxScore: i.maxScore,
        fill: i.fill,
        source: i.source ?? null,
        value: value == null ? null : tenths(value),
        selfScore,
        assessorScore,
        score,
        met: isMet,
        selfNote: s?.note ?? null,
        assessorNote: a?.note ?? null,
        fileIds: [...(a?.fileIds ?? []), ...(s?.fileIds ?? [])],
      });
    }
  }
  total = tenths(total);
  const stars =
    snap.mode === 'items' ? Math.min(met, snap.maxStars) : Math.min(levelOf(snap.thresholds, total), snap.maxStars);
  const grade = snap.mode === 'grade' ? (CADRE_GRADE_OF_LEVEL[stars] ?? null) : null;
  return { scores, selfTotal: tenths(selfTotal), total, stars, grade, missing };
}

/** The sum of the max scores of a tree. */
export function totalOf(groups: IndicatorGroupT[]): number {
  return tenths(groups.reduce((n, g) => n + g.items.reduce((m, i) => m + i.maxScore, 0), 0));
}
