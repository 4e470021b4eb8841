/** The ratings contracts, part one: the enums and the schemes (indicator trees, mappings, thresholds). */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';

export const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Who a scheme rates: organizations (star rating) or cadres (people, by member). */
export const RATING_SUBJECTS = {
  org: l('党组织星级评定', 'Star rating of organizations'),
  cadre: l('干部考核', 'Assessment of cadres'),
} as const satisfies Record<string, Labelled>;
export type RatingSubject = keyof typeof RATING_SUBJECTS;

/** How a scheme turns scores into a level. */
export const RATING_MODES = {
  score: l('按总分评星（1–5星）', 'Stars by total score (1–5)'),
  items: l('按达标项评星（十星级）', 'One star per item met (ten stars)'),
  grade: l('按总分定等次', 'Grade by total score'),
} as const satisfies Record<string, Labelled>;
export type RatingMode = keyof typeof RATING_MODES;

/** The grades of a cadre's assessment (mode `grade`): level 4 is the best. */
export const CADRE_GRADES = {
  excellent: l('优秀', 'Excellent'),
  competent: l('称职', 'Competent'),
  basic: l('基本称职', 'Basically competent'),
  incompetent: l('不称职', 'Incompetent'),
} as const satisfies Record<string, Labelled>;
export type CadreGrade = keyof typeof CADRE_GRADES;
/** The grade of each level (1–4) of a `grade` scheme. */
export const CADRE_GRADE_OF_LEVEL: Record<number, CadreGrade> = {
  1: 'incompetent',
  2: 'basic',
  3: 'competent',
  4: 'excellent',
};

/** How an indicator is filled. */
export const INDICATOR_FILLS = {
  record: l('平台记录自动取数', 'From the records'),
  self: l('党组织自评', "The organization's own score"),
  assessor: l('乡镇（县）考评', "The assessor's score"),
} as const satisfies Record<string, Labelled>;
export type IndicatorFill = keyof typeof INDICATOR_FILLS;

/** The states of a scheme: a draft is edited; a published scheme is frozen (a change makes a new version). */
export const SCHEME_STATUSES = {
  draft: l('草稿', 'Draft'),
  published: l('已发布', 'Published'),
} as const satisfies Record<string, Labelled>;
export type SchemeStatus = keyof typeof SCHEME_STATUSES;

/**
 * The measures of the records an indicator may be filled from: each names the figure of the catalogue
 * (`GET /api/figures`) it is taken from, its unit, and in words what it counts for one organization and year.
 */
export const RATING_SOURCES = {
  meetings_held: {
    figure: 'meetings.compliance',
    unit: l('次', 'times'),
    ...l('组织生活开展次数（三会一课、主题党日等）', 'Meetings of organizational life held'),
  },
  meeting_attendance: {
    figure: 'meetings.stats',
    unit: l('%', '%'),
    ...l('组织生活党员参会率', 'Attendance at meetings'),
  },
  dues_rate: { figure: 'dues.collection', unit: l('%', '%'), ...l('党费按时足额收缴率', 'Dues collected on time') },
  development_plan: {
    figure: 'development.plan',
    unit: l('%', '%'),
    ...l('发展党员计划完成率', 'Development against the plan'),
  },
  problems_closed: {
    figure: 'problems.summary',
    unit: l('%', '%'),
    ...l('问题整改完成率', 'Problems rectified'),
  },
  services_done: {
    figure: 'residents.stats',
    unit: l('件', 'cases'),
    ...l('为民服务办结件数', 'Service requests completed'),
  },
} as const satisfies Record<string, Labelled & { figure: string; unit: Labelled }>;
export type RatingSource = keyof typeof RATING_SOURCES;

/** How a record's value maps to a score: linear between two points, or by thresholds. */
export const MAPPING_KINDS = {
  linear: l('线性折算', 'Linear between two points'),
  thresholds: l('分档计分', 'By thresholds'),
} as const satisfies Record<string, Labelled>;
export type MappingKind = keyof typeof MAPPING_KINDS;

export const Num = (zh: string, en: string, max = 1_000_000) =>
  Type.Number({ minimum: 0, maximum: max, ...labelled(zh, en) });
export const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
export const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });
/** A code (letters, digits, `_ . -`; checked by the server, which names the field in its refusal). */
export const Code = (zh: string, en: string) => Type.String({ minLength: 1, maxLength: 20, ...labelled(zh, en) });
export const Year = (zh = '年度', en = 'Year') => Type.Integer({ minimum: 2000, maximum: 2100, ...labelled(zh, en) });

/**
 * value → score: `linear` gives `fromScore` at or below `fromValue`, `toScore` at or above `toValue` and the line
 * between; `thresholds` gives the score of the highest step whose `min` the value reaches (0 below them all).
 */
export const ScoreMapping = Type.Object(
  {
    kind: KeyOf(MAPPING_KINDS),
    fromValue: Type.Optional(Num('起点取值', 'From value')),
    fromScore: Type.Optional(Num('起点得分', 'From score', 1000)),
    toValue: Type.Optional(Num('终点取值', 'To value')),
    toScore: Type.Optional(Num('终点得分', 'To score', 1000)),
    steps: Type.Optional(
      Type.Array(Type.Object({ min: Num('达到取值', 'Value at least'), score: Num('得分', 'Score', 1000) }), {
        maxItems: 10,
        ...labelled('分档', 'Steps'),
      }),
    ),
  },
  labelled('取数折算', 'Mapping'),
);
export type ScoreMappingT = Static<typeof ScoreMapping>;

/** One indicator (an item of a group). */
export const Indicator = Type.Object({
  key: Code('指标编号', 'Indicator code'),
  name: Words1(200, '指标名称', 'Indicator'),
  maxScore: Type.Number({ minimum: 0, maximum: 1000, ...labelled('分值', 'Max score') }),
  fill: KeyOf(INDICATOR_FILLS),
  /** What the assessor looks at, in words; photo and file ids are optional evidence of a score. */
  evidence: Type.Optional(Nullable(Words(500, '佐证材料要求', 'Evidence needed'))),
  source: Type.Optional(Nullable(KeyOf(RATING_SOURCES))),
  mapping: Type.Optional(Nullable(ScoreMapping)),
  /** Mode `items`: the score at which the item counts as met (one star); the max score when absent. */
  passScore: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1000, ...labelled('达标分', 'Pass score') }))),
});
export type IndicatorT = Static<typeof Indicator>;

/** A group of indicators (e.g. 组织设置标准化). */
export const IndicatorGroup = Type.Object({
  key: Code('分组编号', 'Group code'),
  name: Words1(100, '指标分组', 'Group'),
  items: Type.Array(Indicator, { minItems: 1, maxItems: 60, ...labelled('指标', 'Indicators') }),
});
export type IndicatorGroupT = Static<typeof IndicatorGroup>;

/** A star threshold: the level reached at a total of at least `minScore` (mode `score`/`grade`). */
export const StarThreshold = Type.Object({
  level: Type.Integer({ minimum: 1, maximum: 10, ...labelled('星级（等次）', 'Level') }),
  minScore: Num('最低总分', 'Total at least', 10_000),
});
export type StarThresholdT = Static<typeof StarThreshold>;

const Groups = Type.Array(IndicatorGroup, { minItems: 1, maxItems: 20, ...labelled('指标体系', 'Indicator tree') });
const Thresholds = Type.Array(StarThreshold, { maxItems: 10, ...labelled('评星标准', 'Thresholds') });

/** A scheme as a list row. */
export const RatingSchemeItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  name: Type.String(),
  family: Type.String({ description: 'the scheme family across years (the template it came from), for the target' }),
  subject: KeyOf(RATING_SUBJECTS),
  mode: KeyOf(RATING_MODES),
  status: KeyOf(SCHEME_STATUSES),
  version: Type.Integer(),
  /** The scheme this one was made from (a new version or a copy of last year's). */
  previousId: Nullable(Type.Integer()),
  maxStars: Type.Integer(),
  totalScore: Type.Number({ description: 'the sum of the max scores of its indicators' }),
  indicatorCount: Type.Integer(),
  resultCount: Type.Integer(),
  description: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  ...Stamps,
});
export type RatingSchemeItemT = Static<typeof RatingSchemeItem>;

/** A scheme with its indicator tree and thresholds. */
export const RatingScheme = Type.Composite([
  RatingSchemeItem,
  Type.Object({ groups: Type.Array(IndicatorGroup), thresholds: Type.Array(StarThreshold), canEdit: Type.Boolean() }),
]);
export type RatingSchemeT = Static<typeof RatingScheme>;
export const RatingSchemeList = ListOf(RatingSchemeItem);

export const RatingSchemeListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  year: Type.Optional(Year()),
  subject: Type.Optional(KeyOf(RATING_SUBJECTS)),
  status: Type.Optional(KeyOf(SCHEME_STATUSES)),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type RatingSchemeListQueryT = Static<typeof RatingSchemeListQuery>;

/** The county defines a scheme for a year. */
export const RatingSchemeCreate = Body({
  year: Year(),
  name: Words1(100, '方案名称', 'Scheme name'),
  family: Type.Optional(Code('方案系列', 'Scheme family')),
  subject: KeyOf(RATING_SUBJECTS),
  mode: KeyOf(RATING_MODES),
  maxStars: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, ...labelled('最高星级', 'Max stars') })),
  description: Type.Optional(Nullable(Words(2000, '方案说明', 'Description'))),
  groups: Groups,
  thresholds: Type.Optional(Thresholds),
});
export type RatingSchemeCreateT = Static<typeof RatingSchemeCreate>;

/** Changes a draft scheme (a published one answers `ratings.scheme_frozen`: make a new version). */
export const RatingSchemeUpdate = Body({
  name: Type.Optional(Words1(100, '方案名称', 'Scheme name')),
  maxStars: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, ...labelled('最高星级', 'Max stars') })),
  description: Type.Optional(Nullable(Words(2000, '方案说明', 'Description'))),
  groups: Type.Optional(Groups),
  thresholds: Type.Optional(Thresholds),
});
export type RatingSchemeUpdateT = Static<typeof RatingSchemeUpdate>;

/** Copies a template (or with `year`, a new version of a scheme for that year) into the county's year. */
export const RatingSchemeFromTemplate = Body({
  template: Type.String({ minLength: 1, maxLength: 40, ...labelled('方案模板', 'Template') }),
  year: Year(),
  name: Type.Optional(Words1(100, '方案名称', 'Scheme name')),
});
export type RatingSchemeFromTemplateT = Static<typeof RatingSchemeFromTemplate>;

/** A new version of a published scheme (for the same or another year): a draft copy to edit. */
export const RatingSchemeNewVersion = Body({ year: Type.Optional(Year()) });

/** A template as the list of templates shows it. */
export const RatingTemplateItem = Type.Object({
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  subject: KeyOf(RATING_SUBJECTS),
  mode: KeyOf(RATING_MODES),
  source: Type.String({ description: 'where the template comes from, in words' }),
  indicatorCount: Type.Integer(),
});
export const RatingTemplateList = Type.Object({ items: Type.Array(RatingTemplateItem) });
