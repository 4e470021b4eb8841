/**
 * The weakOrgs module's contracts (area supervision): weak and lax organizations (软弱涣散). The county names a
 * grassroots organization weak for its reasons (never by a quota), assigns a county leader to it (包抓, 挂牌督战),
 * a plan is made, monthly check-ups over four fixed topics (全面体检) follow, an inspection group accepts the
 * rectification (a score of at least 70, not more than half of the panel dissatisfied) and only then the county
 * releases the file. The reasons, topics, ratings and the acceptance rule are data here.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, DateString, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const WEAK_ORGS_MODULE = 'weakOrgs' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Why an organization is weak and lax (the reasons a county names; several may apply). */
export const WEAK_ORG_REASONS = {
  disunited: l('班子不团结、软弱无力', 'The committee is divided or weak'),
  secretary: l('书记不胜任、工作不在状态', 'The secretary is not up to the work'),
  life: l('组织生活不正常', 'Organizational life is irregular'),
  members: l('党员管理松散', 'Member management is lax'),
  affairs: l('村务管理混乱', 'Village affairs are disorderly'),
  economy: l('集体经济薄弱', 'The collective economy is weak'),
  complaints: l('群众反映强烈', 'Strong complaints from residents'),
  other: l('其他', 'Other'),
} as const satisfies Record<string, Labelled>;
export type WeakOrgReason = keyof typeof WEAK_ORG_REASONS;

/** States of a rectification file. */
export const WEAK_ORG_STATUSES = {
  flagged: l('已确定，待定方案', 'Flagged, plan to come'),
  rectifying: l('整顿中', 'In rectification'),
  accepting: l('验收中', 'Under acceptance'),
  extended: l('延期整顿', 'Extended'),
  released: l('已销号', 'Released'),
} as const satisfies Record<string, Labelled>;
export type WeakOrgStatus = keyof typeof WEAK_ORG_STATUSES;
/** States of a file still open (one open file per organization at a time). */
export const WEAK_ORG_OPEN_STATUSES = ['flagged', 'rectifying', 'accepting', 'extended'] as const;

/** The fixed topics of a monthly check-up (全面体检). */
export const CHECKUP_TOPICS = {
  team: l('班子运行', 'Committee at work'),
  members: l('党员管理', 'Member management'),
  governance: l('村级治理', 'Village governance'),
  economy: l('集体经济', 'Collective economy'),
} as const satisfies Record<string, Labelled>;
export type CheckupTopic = keyof typeof CHECKUP_TOPICS;
/** The problem category (seed 000's four) a finding of each topic opens under. */
export const CHECKUP_PROBLEM_CATEGORY: Record<CheckupTopic, string> = {
  team: 'organization',
  members: 'organization',
  governance: 'service',
  economy: 'key_work',
};

/** The rating of one topic in a check-up. */
export const CHECKUP_RATINGS = {
  good: l('好', 'Good'),
  fair: l('一般', 'Fair'),
  poor: l('差', 'Poor'),
} as const satisfies Record<string, Labelled>;
export type CheckupRating = keyof typeof CHECKUP_RATINGS;

/** Why an acceptance failed: each rule it missed. */
export const ACCEPTANCE_FAILURES = {
  score: l('得分低于合格分', 'Score below the pass mark'),
  panel: l('验收组不满意人数超过半数', 'More than half of the panel dissatisfied'),
  residents: l('群众不满意人数超过半数', 'More than half of the residents asked dissatisfied'),
} as const satisfies Record<string, Labelled>;
export type AcceptanceFailure = keyof typeof ACCEPTANCE_FAILURES;

/** The acceptance rule (the `weakOrgs` rule set): pass mark and the largest dissatisfied share. */
export const WEAK_ORGS_RULE_DEFAULTS = {
  /** The score (0–100) an acceptance needs at least. */
  passScore: 70,
  /** The share of the panel (and of residents asked) that may be dissatisfied, at most. */
  maxDissatisfiedShare: 0.5,
} as const;
export type WeakOrgsRuleKey = keyof typeof WEAK_ORGS_RULE_DEFAULTS;
export type WeakOrgsRules = { [K in WeakOrgsRuleKey]: number };
export const WEAK_ORGS_RULE_LABELS: Record<WeakOrgsRuleKey, Labelled> = {
  passScore: l('验收合格分（分）', 'Pass mark of an acceptance'),
  maxDissatisfiedShare: l('不满意人数最多占比', 'Largest share dissatisfied'),
};
export const WEAK_ORGS_RULE_SET_LABEL = l('软弱涣散整顿验收标准', 'Weak organizations: the acceptance rule');

/** The verdict of an acceptance under the rules: passed, and each rule it missed. */
export function judgeAcceptance(
  rules: WeakOrgsRules,
  a: {
    score: number;
    panelSize: number;
    panelDissatisfied: number;
    residentsAsked?: number | null;
    residentsDissatisfied?: number | null;
  },
): { passed: boolean; failures: AcceptanceFailure[] } {
  const failures: AcceptanceFailure[] = [];
  if (a.score < rules.passScore) failures.push('score');
  // Compared as whole people: "not more than half" of 9 is 4, of 10 is 5.
  if (a.panelDissatisfied > a.panelSize * rules.maxDissatisfiedShare) failures.push('panel');
  const asked = a.residentsAsked ?? 0;
  if (asked > 0 && (a.residentsDissatisfied ?? 0) > asked * rules.maxDissatisfiedShare) failures.push('residents');
  return { passed: failures.length === 0, failures };
}

const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
const Month = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM', ...labelled(zh, en) });
const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });

/** One measure of a rectification plan, with its due date. */
export const WeakOrgMeasure = Type.Object({
  content: Words1(200, '整改措施', 'Measure'),
  dueOn: Day('完成时限', 'Due on'),
  done: Type.Optional(Type.Boolean(labelled('已完成', 'Done'))),
});
export type WeakOrgMeasureT = Static<typeof WeakOrgMeasure>;

/** The last acceptance of a file as its list row shows it. */
const LastAcceptance = Nullable(
  Type.Object({ acceptedOn: Type.String(), score: Type.Number(), passed: Type.Boolean() }),
);

/** A rectification file as a list row. */
export const WeakOrgItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  townshipId: Nullable(Type.Integer()),
  townshipName: Nullable(Type.String()),
  year: Type.Integer(),
  status: KeyOf(WEAK_ORG_STATUSES),
  reasons: Type.Array(KeyOf(WEAK_ORG_REASONS)),
  reasonText: Nullable(Type.String()),
  flaggedOn: Type.String(),
  leaderName: Type.String(),
  leaderPost: Type.String(),
  listed: Type.Boolean({ description: '挂牌督战' }),
  plan: Nullable(Type.String()),
  measures: Type.Array(WeakOrgMeasure),
  monthsInRectification: Type.Integer({ description: 'whole months from flagging to release or today' }),
  lastCheckupMonth: Nullable(Type.String()),
  lastAcceptance: LastAcceptance,
  releasedOn: Nullable(Type.String()),
  ...Stamps,
});
export type WeakOrgItemT = Static<typeof WeakOrgItem>;

/** One topic of a check-up: its rating, findings, and the problem it opened. */
export const CheckupItem = Type.Object({
  topic: KeyOf(CHECKUP_TOPICS),
  rating: KeyOf(CHECKUP_RATINGS),
  findings: Type.Optional(Nullable(Words(500, '发现问题', 'Findings'))),
  /** Opens a problem (问题整改) from these findings. */
  openProblem: Type.Optional(Type.Boolean(labelled('转为问题整改', 'Open a problem'))),
});
export const Checkup = Type.Object({
  id: Type.Integer(),
  month: Type.String(),
  checkedBy: Type.String(),
  items: Type.Array(
    Type.Object({
      topic: KeyOf(CHECKUP_TOPICS),
      rating: KeyOf(CHECKUP_RATINGS),
      findings: Nullable(Type.String()),
      problemId: Nullable(Type.Integer()),
    }),
  ),
  createdAt: Type.String(),
});
export type CheckupT = Static<typeof Checkup>;

export const Acceptance = Type.Object({
  id: Type.Integer(),
  acceptedOn: Type.String(),
  panelSize: Type.Integer(),
  panelDissatisfied: Type.Integer(),
  residentsAsked: Nullable(Type.Integer()),
  residentsDissatisfied: Nullable(Type.Integer()),
  score: Type.Number(),
  passed: Type.Boolean(),
  failures: Type.Array(KeyOf(ACCEPTANCE_FAILURES)),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type AcceptanceT = Static<typeof Acceptance>;

/** A file with its check-ups, acceptances, timeline and the moves the caller may make. */
export const WeakOrgDetail = Type.Composite([
  WeakOrgItem,
  Type.Object({
    checkups: Type.Array(Checkup),
    acceptances: Type.Array(Acceptance),
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
    /** Whether the caller may record a check-up / an acceptance / edit the plan now. */
    canCheckup: Type.Boolean(),
    canEdit: Type.Boolean(),
  }),
]);
export type WeakOrgDetailT = Static<typeof WeakOrgDetail>;
export const WeakOrgList = ListOf(WeakOrgItem);

export const WeakOrgListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(KeyOf(WEAK_ORG_STATUSES)),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') })),
  township: Type.Optional(Id()),
  reason: Type.Optional(KeyOf(WEAK_ORG_REASONS)),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type WeakOrgListQueryT = Static<typeof WeakOrgListQuery>;

const Reasons = Type.Array(KeyOf(WEAK_ORG_REASONS), { maxItems: 8, uniqueItems: true, ...labelled('原因', 'Reasons') });
const Measures = Type.Array(WeakOrgMeasure, { maxItems: 30, ...labelled('整改措施', 'Measures') });

/** The county flags an organization: its reasons and the county leader assigned (包抓). */
export const WeakOrgCreate = Body({
  orgId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('党组织', 'Organization') }),
  flaggedOn: Type.Optional(Day('确定日期', 'Flagged on')),
  reasons: Reasons,
  reasonText: Type.Optional(Nullable(Words(500, '具体表现', 'In words'))),
  leaderName: Words1(40, '包抓领导', 'Leader assigned'),
  leaderPost: Words1(60, '包抓领导职务', "Leader's post"),
  listed: Type.Optional(Type.Boolean(labelled('挂牌督战', 'Listed for supervision'))),
  plan: Type.Optional(Nullable(Words(4000, '整顿方案', 'Plan'))),
  measures: Type.Optional(Measures),
});
export type WeakOrgCreateT = Static<typeof WeakOrgCreate>;

/** Changes a file: the plan and measures (county or township); reasons and leader only by the county. */
export const WeakOrgUpdate = Body({
  reasons: Type.Optional(Reasons),
  reasonText: Type.Optional(Nullable(Words(500, '具体表现', 'In words'))),
  leaderName: Type.Optional(Words1(40, '包抓领导', 'Leader assigned')),
  leaderPost: Type.Optional(Words1(60, '包抓领导职务', "Leader's post")),
  listed: Type.Optional(Type.Boolean(labelled('挂牌督战', 'Listed for supervision'))),
  plan: Type.Optional(Nullable(Words(4000, '整顿方案', 'Plan'))),
  measures: Type.Optional(Measures),
});
export type WeakOrgUpdateT = Static<typeof WeakOrgUpdate>;

export const WeakOrgNote = Body({ note: Type.Optional(Nullable(Words(500, '说明', 'Note'))) });
export const WeakOrgExtend = Body({ reason: Words1(500, '延期原因', 'Reason') });

/** A monthly check-up: the month, who checked, and each of the four topics once. */
export const CheckupCreate = Body({
  month: Month('体检月份', 'Month'),
  checkedBy: Words1(60, '体检人', 'Checked by'),
  items: Type.Array(CheckupItem, { minItems: 4, maxItems: 4, ...labelled('体检内容', 'Topics') }),
});
export type CheckupCreateT = Static<typeof CheckupCreate>;

/** An acceptance by the inspection group. */
export const AcceptanceCreate = Body({
  acceptedOn: Day('验收日期', 'Accepted on'),
  panelSize: Type.Integer({ minimum: 1, maximum: 200, ...labelled('验收组人数', 'Panel size') }),
  panelDissatisfied: Type.Integer({ minimum: 0, maximum: 200, ...labelled('验收组不满意人数', 'Panel dissatisfied') }),
  residentsAsked: Type.Optional(
    Nullable(Type.Integer({ minimum: 0, maximum: 10000, ...labelled('参加测评群众人数', 'Residents asked') })),
  ),
  residentsDissatisfied: Type.Optional(
    Nullable(Type.Integer({ minimum: 0, maximum: 10000, ...labelled('群众不满意人数', 'Residents dissatisfied') })),
  ),
  score: Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.1, ...labelled('验收得分', 'Score') }),
  note: Type.Optional(Nullable(Words(500, '验收意见', 'Remarks'))),
});
export type AcceptanceCreateT = Static<typeof AcceptanceCreate>;

/**
 * The flow of a file: flagged by the county → rectifying once the plan is made → accepting when the township asks
 * for acceptance → an acceptance that passes leaves it for the county to release; one that fails sends it back
 * to rectifying. The county may extend the rectification (延期整顿) with a reason; an extended file asks again.
 */
export const WEAK_ORG_FLOW = defineFlowSpec({
  entityType: 'weak_org',
  label: l('软弱涣散党组织整顿', 'Rectification of a weak organization'),
  states: WEAK_ORG_STATUSES,
  actions: {
    flag: moveSpec('确定为软弱涣散党组织', 'Flag', 'flagged', { from: [], to: 'flagged', by: ['weakOrgs.flag'] }),
    start: moveSpec('启动整顿', 'Start the rectification', 'started', {
      from: ['flagged'],
      to: 'rectifying',
      by: ['weakOrgs.write'],
    }),
    submit: moveSpec('申请验收', 'Ask for acceptance', 'submitted', {
      from: ['rectifying', 'extended'],
      to: 'accepting',
      by: ['weakOrgs.write'],
    }),
    assess: moveSpec('录入验收结果', 'Record the acceptance', 'assessed', {
      from: ['accepting'],
      to: ['accepting', 'rectifying'],
      by: ['weakOrgs.accept'],
    }),
    release: moveSpec('销号', 'Release', 'released', { from: ['accepting'], to: 'released', by: ['weakOrgs.flag'] }),
    extend: moveSpec('延期整顿', 'Extend', 'extended', {
      from: ['rectifying', 'accepting'],
      to: 'extended',
      by: ['weakOrgs.flag'],
      required: ['reason'],
    }),
  },
});
export type WeakOrgAction = keyof typeof WEAK_ORG_FLOW.actions;
/** The timeline word of a check-up (not a move: the state stays). */
export const CHECKUP_EVENT = { kind: 'checkup', label: l('全面体检', 'Monthly check-up') } as const;

/** 软弱涣散整顿情况 of a subtree and period: its query and answer. */
export const WeakOrgsSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  from: DateString('from'),
  to: DateString('to'),
});
export type WeakOrgsSummaryQueryT = Static<typeof WeakOrgsSummaryQuery>;
const SummaryCounts = {
  flagged: Type.Integer({ description: 'files flagged in the period' }),
  inRectification: Type.Integer({ description: 'files open at the end of the period' }),
  released: Type.Integer({ description: 'files released in the period' }),
};
export const WeakOrgsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  from: Type.String(),
  to: Type.String(),
  ...SummaryCounts,
  failedAcceptances: Type.Integer({ description: 'acceptances that failed in the period' }),
  byReason: Type.Array(Type.Object({ reason: KeyOf(WEAK_ORG_REASONS), count: Type.Integer() })),
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...SummaryCounts })),
});
export type WeakOrgsSummaryT = Static<typeof WeakOrgsSummary>;
