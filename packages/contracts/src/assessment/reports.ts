/**
 * The reports module's contracts (area assessment): secretaries' annual reports and their grading (书记述职评议).
 * The higher committee (a township for its village and branch secretaries, the county for township secretaries)
 * opens a reporting round for a year with a deadline and a panel; each secretary in scope writes a report, may
 * keep a draft and submits; the committee grades it, the panel members grade it on their sheet, residents' paper
 * ballots are entered by the committee as counts; the result combines the three by weights and thresholds (rules
 * as data); a secretary graded 差 gets a follow-up talk. The results table counts the grades per township.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const REPORTS_MODULE = 'reports' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** The four grades of 述职评议. */
export const REPORT_GRADES = {
  good: l('好', 'Good'),
  fair_good: l('较好', 'Fairly good'),
  average: l('一般', 'Average'),
  poor: l('差', 'Poor'),
} as const satisfies Record<string, Labelled>;
export type ReportGrade = keyof typeof REPORT_GRADES;
export const REPORT_GRADE_KEYS = Object.keys(REPORT_GRADES) as ReportGrade[];

/** States of a report. */
export const REPORT_STATUSES = {
  draft: l('草稿', 'Draft'),
  submitted: l('已提交，评议中', 'Submitted'),
  graded: l('已评定', 'Graded'),
  published: l('已公布', 'Published'),
} as const satisfies Record<string, Labelled>;
export type ReportStatus = keyof typeof REPORT_STATUSES;

/** States of a round. */
export const ROUND_STATUSES = {
  open: l('述职中', 'Open'),
  closed: l('已结束', 'Closed'),
} as const satisfies Record<string, Labelled>;
export type RoundStatus = keyof typeof ROUND_STATUSES;

/** The grading rule (the `reports` rule set): weights of the three parts, each grade's score, the thresholds. */
export const REPORTS_RULE_DEFAULTS = {
  committeeWeight: 50,
  memberWeight: 30,
  residentWeight: 20,
  scoreGood: 100,
  scoreFairGood: 80,
  scoreAverage: 60,
  scorePoor: 30,
  goodMin: 90,
  fairGoodMin: 75,
  averageMin: 60,
} as const;
export type ReportsRuleKey = keyof typeof REPORTS_RULE_DEFAULTS;
export type ReportsRules = { [K in ReportsRuleKey]: number };
export const REPORTS_RULE_LABELS: Record<ReportsRuleKey, Labelled> = {
  committeeWeight: l('上级党委评价权重（%）', 'Weight of the committee (%)'),
  memberWeight: l('党员代表评议权重（%）', 'Weight of the panel members (%)'),
  residentWeight: l('群众代表评议权重（%）', 'Weight of the residents (%)'),
  scoreGood: l('“好”折合分', 'Score of “good”'),
  scoreFairGood: l('“较好”折合分', 'Score of “fairly good”'),
  scoreAverage: l('“一般”折合分', 'Score of “average”'),
  scorePoor: l('“差”折合分', 'Score of “poor”'),
  goodMin: l('评为“好”的最低综合分', 'Lowest combined score for “good”'),
  fairGoodMin: l('评为“较好”的最低综合分', 'Lowest combined score for “fairly good”'),
  averageMin: l('评为“一般”的最低综合分（低于为“差”）', 'Lowest combined score for “average”'),
};
export const REPORTS_RULE_SET_LABEL = l('书记述职评议综合评定办法', 'Annual reports: how the grades combine');

/** Counts of grades (a panel's or the residents' ballots). */
export type GradeCounts = Record<ReportGrade, number>;

const scoreOf = (rules: ReportsRules, g: ReportGrade): number =>
  ({ good: rules.scoreGood, fair_good: rules.scoreFairGood, average: rules.scoreAverage, poor: rules.scorePoor })[g];

/** The average score of a set of ballots, or null when there are none. */
export function averageScore(rules: ReportsRules, counts: GradeCounts): number | null {
  let n = 0;
  let sum = 0;
  for (const g of REPORT_GRADE_KEYS) {
    n += counts[g];
    sum += counts[g] * scoreOf(rules, g);
  }
  return n ? sum / n : null;
}

/**
 * The combined result: each part's average score weighted; a part without ballots drops out and the others'
 * weights count in proportion (a round with no residents' ballots is graded by the committee and the panel).
 * Answers the score (one decimal) and the grade by the thresholds.
 */
export function combineGrades(
  rules: ReportsRules,
  parts: { committee: ReportGrade | null; members: GradeCounts; residents: GradeCounts },
): { score: number; grade: ReportGrade } | null {
  const items: [number | null, number][] = [
    [parts.committee ? scoreOf(rules, parts.committee) : null, rules.committeeWeight],
    [averageScore(rules, parts.members), rules.memberWeight],
    [averageScore(rules, parts.residents), rules.residentWeight],
  ];
  let w = 0;
  let s = 0;
  for (const [score, weight] of items)
    if (score != null && weight > 0) {
      w += weight;
      s += score * weight;
    }
  if (!w) return null;
  const score = Math.round((s / w) * 10) / 10;
  const grade: ReportGrade =
    score >= rules.goodMin
      ? 'good'
      : score >= rules.fairGoodMin
        ? 'fair_good'
        : score >= rules.averageMin
          ? 'average'
          : 'poor';
  return { score, grade };
}

const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });
const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-12-31'], ...labelled(zh, en) });
const Year = (zh = '年度', en = 'Year') => Type.Integer({ minimum: 2000, maximum: 2100, ...labelled(zh, en) });
const Count = (zh: string, en: string) => Type.Integer({ minimum: 0, maximum: 100_000, ...labelled(zh, en) });

const Counts = Type.Object({
  good: Type.Integer(),
  fair_good: Type.Integer(),
  average: Type.Integer(),
  poor: Type.Integer(),
});

/** A panel member of a round (党员代表评议人). */
export const Panelist = Type.Object({
  id: Type.Integer(),
  memberId: Type.Integer(),
  name: Type.String(),
  orgName: Type.String(),
  hasAccount: Type.Boolean(),
});

/** A reporting round as a list row. */
export const RoundItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  deadline: Type.String(),
  status: KeyOf(ROUND_STATUSES),
  reportsDue: Type.Integer(),
  submitted: Type.Integer(),
  graded: Type.Integer(),
  /** Whether the caller organizes it (grades, enters ballots, closes). */
  organizer: Type.Boolean(),
  /** Whether the caller sits on its panel. */
  panelist: Type.Boolean(),
  ...Stamps,
});
export type RoundItemT = Static<typeof RoundItem>;
export const RoundList = ListOf(RoundItem);

export const RoundDetail = Type.Composite([
  RoundItem,
  Type.Object({ panel: Type.Array(Panelist), notes: Nullable(Type.String()) }),
]);
export type RoundDetailT = Static<typeof RoundDetail>;

export const RoundListQuery = Type.Object({
  year: Type.Optional(Year()),
  status: Type.Optional(KeyOf(ROUND_STATUSES)),
  ...Paging,
});
export type RoundListQueryT = Static<typeof RoundListQuery>;

/** The higher committee opens a round: for its own organization (or one below it), a year, a deadline, a panel. */
export const RoundCreate = Body({
  orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('组织单位', 'Organizer') })),
  year: Year('述职年度', 'Year reported on'),
  title: Words1(100, '述职评议名称', 'Title'),
  deadline: Day('提交截止日期', 'Deadline'),
  notes: Type.Optional(Nullable(Words(2000, '评议要求', 'Notes'))),
  panelMemberIds: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), {
      maxItems: 200,
      uniqueItems: true,
      ...labelled('党员代表评议人', 'Panel members'),
    }),
  ),
});
export type RoundCreateT = Static<typeof RoundCreate>;

/** A report as a list row. */
export const ReportItem = Type.Object({
  id: Type.Integer(),
  roundId: Type.Integer(),
  roundTitle: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  townshipName: Nullable(Type.String()),
  year: Type.Integer(),
  secretaryName: Nullable(Type.String()),
  status: KeyOf(REPORT_STATUSES),
  submittedOn: Nullable(Type.String()),
  committeeGrade: Nullable(KeyOf(REPORT_GRADES)),
  panelGraded: Type.Integer({ description: 'panel members who graded it' }),
  score: Nullable(Type.Number()),
  finalGrade: Nullable(KeyOf(REPORT_GRADES)),
  followupOn: Nullable(Type.String()),
  ...Stamps,
});
export type ReportItemT = Static<typeof ReportItem>;
export const ReportList = ListOf(ReportItem);

export const ReportDetail = Type.Composite([
  ReportItem,
  Type.Object({
    content: Type.String(),
    attachments: Type.Array(Type.Object({ name: Type.String(), url: Type.String() })),
    committeeNote: Nullable(Type.String()),
    members: Counts,
    residents: Counts,
    followupNote: Nullable(Type.String()),
    problemId: Nullable(Type.Integer()),
    /** The caller's own panel grade, when it sits on the panel. */
    myGrade: Nullable(KeyOf(REPORT_GRADES)),
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
    canWrite: Type.Boolean(),
    canGrade: Type.Boolean(),
    canPanelGrade: Type.Boolean(),
  }),
]);
export type ReportDetailT = Static<typeof ReportDetail>;

export const ReportListQuery = Type.Object({
  round: Type.Optional(Id()),
  org: Type.Optional(Id()),
  year: Type.Optional(Year()),
  status: Type.Optional(KeyOf(REPORT_STATUSES)),
  grade: Type.Optional(KeyOf(REPORT_GRADES)),
  /** Only the caller's own organization's reports (my report). */
  mine: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type ReportListQueryT = Static<typeof ReportListQuery>;

const Attachment = Type.Object(
  {
    name: Words1(100, '附件名称', 'Attachment name'),
    url: Type.String({ minLength: 1, maxLength: 500, pattern: '^(/|https?://)', ...labelled('附件地址', 'Link') }),
  },
  { additionalProperties: false },
);

/** The secretary's draft: the report's text and attachments. */
export const ReportUpdate = Body({
  content: Type.Optional(Words(20_000, '述职报告', 'Report')),
  attachments: Type.Optional(Type.Array(Attachment, { maxItems: 10, ...labelled('附件', 'Attachments') })),
});
export type ReportUpdateT = Static<typeof ReportUpdate>;

/** The committee's grade and the residents' paper ballots (counts per grade). */
export const ReportGradeBody = Body({
  committeeGrade: KeyOf(REPORT_GRADES, '上级党委评价'),
  committeeNote: Type.Optional(Nullable(Words(1000, '评价意见', 'Remarks'))),
  residentsGood: Type.Optional(Count('群众评“好”票数', 'Residents: good')),
  residentsFairGood: Type.Optional(Count('群众评“较好”票数', 'Residents: fairly good')),
  residentsAverage: Type.Optional(Count('群众评“一般”票数', 'Residents: average')),
  residentsPoor: Type.Optional(Count('群众评“差”票数', 'Residents: poor')),
});
export type ReportGradeBodyT = Static<typeof ReportGradeBody>;

/** A panel member's grading sheet: the round and its submitted reports with the member's own grades. */
export const RoundSheet = Type.Object({
  round: RoundItem,
  items: Type.Array(
    Type.Composite([ReportItem, Type.Object({ content: Type.String(), myGrade: Nullable(KeyOf(REPORT_GRADES)) })]),
  ),
});
export type RoundSheetT = Static<typeof RoundSheet>;

/** A panel member's grade. */
export const PanelGradeBody = Body({ grade: KeyOf(REPORT_GRADES, '评议等次') });

export const ReportNote = Body({ note: Type.Optional(Nullable(Words(500, '说明', 'Note'))) });

/** The follow-up of a secretary graded 差: the talk (约谈), and optionally a problem to rectify. */
export const ReportFollowup = Body({
  talkedOn: Day('约谈日期', 'Talked on'),
  note: Words1(1000, '约谈情况', 'What was said'),
  openProblem: Type.Optional(Type.Boolean(labelled('转为问题整改', 'Open a problem'))),
});
export type ReportFollowupT = Static<typeof ReportFollowup>;

/** The flow of a report. */
export const REPORT_FLOW = defineFlowSpec({
  entityType: 'report',
  label: l('书记述职', 'Annual report of a secretary'),
  states: REPORT_STATUSES,
  actions: {
    submit: moveSpec('提交述职报告', 'Submit', 'submitted', {
      from: ['draft'],
      to: 'submitted',
      by: ['reports.write'],
    }),
    return: moveSpec('退回修改', 'Return for changes', 'returned', {
      from: ['submitted'],
      to: 'draft',
      by: ['reports.grade'],
      required: ['note'],
    }),
    grade: moveSpec('结束评议、评定等次', 'Close the grading', 'graded', {
      from: ['submitted'],
      to: 'graded',
      by: ['reports.grade'],
    }),
    publish: moveSpec('公布评议结果', 'Publish', 'published', {
      from: ['graded'],
      to: 'published',
      by: ['reports.grade'],
    }),
  },
});
export type ReportAction = keyof typeof REPORT_FLOW.actions;

/** 书记述职评议结果 of a subtree and year. */
export const ReportsSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Year(),
});
export type ReportsSummaryQueryT = Static<typeof ReportsSummaryQuery>;
const SummaryCounts = {
  due: Type.Integer({ description: 'reports due' }),
  submitted: Type.Integer({ description: 'reports submitted (or further)' }),
  graded: Type.Integer({ description: 'reports graded (or published)' }),
  good: Type.Integer(),
  fair_good: Type.Integer(),
  average: Type.Integer(),
  poor: Type.Integer(),
};
export const ReportsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  ...SummaryCounts,
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...SummaryCounts })),
});
export type ReportsSummaryT = Static<typeof ReportsSummary>;
