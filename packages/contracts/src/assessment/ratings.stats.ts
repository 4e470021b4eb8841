/** The ratings contracts, part three: the rules, the multi-year target and the figures' answers. */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, Nullable } from '../core/schemas.js';
import { CADRE_GRADES, Code, l, RATING_SUBJECTS, Words, Year } from './ratings.base.js';

/** The rules of ratings (the `ratings` rule set). */
export const RATINGS_RULE_DEFAULTS = {
  /** Days a result stays published for objections (公示期). */
  objectionDays: 5,
  /** Stars at or above which a final result is commended. */
  commendMinStars: 4,
  /** Stars at or below which a final result is reminded and a rectification problem opened. */
  remindMaxStars: 2,
  /** Days the rectification problem of a reminded organization is due in. */
  rectifyDays: 90,
} as const;
export type RatingsRuleKey = keyof typeof RATINGS_RULE_DEFAULTS;
export type RatingsRules = { [K in RatingsRuleKey]: number };
export const RATINGS_RULE_LABELS: Record<RatingsRuleKey, Labelled> = {
  objectionDays: l('评定结果公示期（天）', 'Days published for objections'),
  commendMinStars: l('表彰星级（不低于）', 'Commended at stars of at least'),
  remindMaxStars: l('提醒整改星级（不高于）', 'Reminded at stars of at most'),
  rectifyDays: l('提醒整改期限（天）', 'Days to rectify'),
};
export const RATINGS_RULE_SET_LABEL = l('星级评定规则', 'Star ratings: the rules');

/** The multi-year target of a scheme family: a share of branches at min stars or above by a year. */
export const RatingTarget = Type.Object({
  id: Type.Integer(),
  family: Type.String(),
  minStars: Type.Integer(),
  share: Type.Number(),
  startYear: Type.Integer(),
  byYear: Type.Integer(),
  note: Nullable(Type.String()),
});
export type RatingTargetT = Static<typeof RatingTarget>;
export const RatingTargetList = Type.Object({ items: Type.Array(RatingTarget) });
export type RatingTargetListT = Static<typeof RatingTargetList>;
export const RatingTargetSet = Body({
  family: Code('方案系列', 'Scheme family'),
  minStars: Type.Integer({ minimum: 1, maximum: 10, ...labelled('目标星级（不低于）', 'Stars at least') }),
  share: Type.Number({ minimum: 0, maximum: 1, ...labelled('目标占比', 'Target share') }),
  startYear: Year('起始年度', 'From year'),
  byYear: Year('目标年度', 'By year'),
  note: Type.Optional(Nullable(Words(500, '说明', 'Note'))),
});
export type RatingTargetSetT = Static<typeof RatingTargetSet>;

/** `ratings.summary`: stars per level, share at ≥ 3, commended and reminded, for a subtree and year. */
export const RatingsSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Year(),
  subject: Type.Optional(KeyOf(RATING_SUBJECTS)),
});
export type RatingsSummaryQueryT = Static<typeof RatingsSummaryQuery>;
export const RatingsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  rated: Type.Integer({ description: 'results scored, published or final' }),
  final: Type.Integer(),
  byStars: Type.Array(Type.Object({ stars: Type.Integer(), count: Type.Integer() })),
  atLeast3: Type.Integer(),
  shareAtLeast3: Type.Number(),
  commended: Type.Integer(),
  reminded: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      orgName: Type.String(),
      rated: Type.Integer(),
      atLeast3: Type.Integer(),
      commended: Type.Integer(),
      reminded: Type.Integer(),
    }),
  ),
});
export type RatingsSummaryT = Static<typeof RatingsSummary>;

/** `ratings.target`: progress to the multi-year target, year by year. */
export const RatingsTargetQuery = Type.Object({
  org: Type.Optional(Id()),
  family: Type.Optional(Code('方案系列', 'Scheme family')),
});
export const RatingsTargetProgress = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  target: Nullable(RatingTarget),
  years: Type.Array(
    Type.Object({
      year: Type.Integer(),
      rated: Type.Integer(),
      reached: Type.Integer(),
      share: Type.Number(),
      /** The share the straight path to the target asks for that year. */
      expected: Type.Number(),
    }),
  ),
});
export type RatingsTargetProgressT = Static<typeof RatingsTargetProgress>;

/** `cadreAssessments.summary`: cadres assessed per grade for a subtree and year. */
export const CadreAssessmentsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  assessed: Type.Integer(),
  byGrade: Type.Array(Type.Object({ grade: KeyOf(CADRE_GRADES), count: Type.Integer() })),
});
export type CadreAssessmentsSummaryT = Static<typeof CadreAssessmentsSummary>;
