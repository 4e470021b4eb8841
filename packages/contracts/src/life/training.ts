/**
 * The training module's contracts (area life): rotation training classes and the hours members earn by attending
 * (三分五统, 学时). The county or a township organizes a class; its course plan (sessions with their hours) is
 * submitted and reviewed by the county before the class opens; the organizer records each session's attendance and,
 * at the end, each attendee's result. A member's hours of a year are counted from attendance only: sessions attended
 * plus the organizational life the `training` rules count (a meeting once per member) — never from study time,
 * views or clicks. The hours required (32, or 56 for secretaries and committee members) are rules as data.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';
import type { MeetingKindT } from './meetings.js';

export const TRAINING_MODULE = 'training' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Kinds of classes (data: a county may run others under 其他). */
export const TRAINING_KINDS = {
  rotation: l('党员轮训（三分五统）', 'Rotation training of members'),
  secretaries: l('村（社区）党组织书记培训班', 'Secretaries’ class'),
  cadres: l('村“两委”干部培训班', 'Village cadres’ class'),
  new_members: l('新党员培训班', 'New members’ class'),
  activists: l('入党积极分子培训班', 'Activists’ class'),
  other: l('其他专题培训', 'Other training'),
} as const satisfies Record<string, Labelled>;
export type TrainingKind = keyof typeof TRAINING_KINDS;

/** States of a class: its plan is drafted, submitted, returned or approved (the class opens), then finished. */
export const TRAINING_STATUSES = {
  draft: l('编排计划', 'Planning'),
  submitted: l('计划待审核', 'Plan submitted'),
  returned: l('计划已退回', 'Plan returned'),
  approved: l('已开班', 'Open'),
  finished: l('已结业', 'Finished'),
} as const satisfies Record<string, Labelled>;
export type TrainingStatus = keyof typeof TRAINING_STATUSES;

/** An attendee's result at the end of the class (结业考核). */
export const TRAINING_RESULTS = {
  passed: l('合格', 'Passed'),
  failed: l('不合格', 'Failed'),
} as const satisfies Record<string, Labelled>;
export type TrainingResult = keyof typeof TRAINING_RESULTS;

/** Where a member's hours come from. */
export const HOURS_SOURCES = {
  classes: l('培训班学时', 'Class sessions'),
  meetings: l('组织生活学时', 'Organizational life'),
} as const satisfies Record<string, Labelled>;

/**
 * The `training` rule set: the hours a year required of a member and of a secretary or committee member, and the
 * hours one meeting of a kind counts (0: not counted). Meeting kinds not named here never count.
 */
export const TRAINING_RULE_DEFAULTS = {
  memberHours: 32,
  committeeHours: 56,
  partyLectureHours: 2,
  themeDayHours: 2,
  generalMeetingHours: 1,
  groupMeetingHours: 1,
  lifeMeetingHours: 2,
} as const;
export type TrainingRuleKey = keyof typeof TRAINING_RULE_DEFAULTS;
export type TrainingRules = { [K in TrainingRuleKey]: number };
export const TRAINING_RULE_LABELS: Record<TrainingRuleKey, Labelled> = {
  memberHours: l('党员每年应修学时', 'Hours a year required of a member'),
  committeeHours: l('书记和支部委员每年应修学时', 'Hours a year required of secretaries and committee members'),
  partyLectureHours: l('每次党课计入学时', 'Hours of one party lecture'),
  themeDayHours: l('每次主题党日计入学时', 'Hours of one theme party day'),
  generalMeetingHours: l('每次支部党员大会计入学时', 'Hours of one general meeting'),
  groupMeetingHours: l('每次党小组会计入学时', 'Hours of one party group meeting'),
  lifeMeetingHours: l('每次组织生活会计入学时', 'Hours of one organizational life meeting'),
};
export const TRAINING_RULE_SET_LABEL = l('学时标准', 'Training hours: the rule');
/** Which rule gives the hours of a meeting kind. */
export const MEETING_HOURS_RULE: Partial<Record<MeetingKindT, TrainingRuleKey>> = {
  party_lecture: 'partyLectureHours',
  theme_day: 'themeDayHours',
  general_meeting: 'generalMeetingHours',
  group_meeting: 'groupMeetingHours',
  life_meeting: 'lifeMeetingHours',
};

const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });
const Fen = (zh: string, en: string) => Type.Integer({ minimum: 0, maximum: 10_000_000_000, ...labelled(zh, en) });
const MemberIds = (zh: string, en: string) =>
  Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), {
    maxItems: 1000,
    uniqueItems: true,
    ...labelled(zh, en),
  });
const Year = () => Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') });

/** One session of the course plan. */
export const TrainingSession = Type.Object({
  id: Type.Integer(),
  heldOn: Type.String(),
  topic: Type.String(),
  teacher: Type.String(),
  hours: Type.Number(),
  /** Attendees marked present (null: not recorded yet). */
  present: Nullable(Type.Integer()),
  absent: Nullable(Type.Integer()),
});
export type TrainingSessionT = Static<typeof TrainingSession>;

/** An attendee of a class: hours attended in it and the result. */
export const TrainingAttendee = Type.Object({
  memberId: Type.Integer(),
  name: Type.String(),
  orgName: Type.String(),
  hours: Type.Number(),
  sessionsAttended: Type.Integer(),
  /** Session ids the attendee was present at. */
  presentAt: Type.Array(Type.Integer()),
  result: Nullable(KeyOf(TRAINING_RESULTS)),
});
export type TrainingAttendeeT = Static<typeof TrainingAttendee>;

/** A class as a list row. */
export const TrainingClassItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  kind: KeyOf(TRAINING_KINDS),
  status: KeyOf(TRAINING_STATUSES),
  startOn: Type.String(),
  endOn: Type.String(),
  place: Type.String(),
  target: Type.String(),
  teachers: Type.String(),
  budgetFen: Type.Integer(),
  spentFen: Type.Integer(),
  sessions: Type.Integer(),
  plannedHours: Type.Number(),
  attendees: Type.Integer(),
  /** Attendances recorded present (人次). */
  personTimes: Type.Integer(),
  passed: Type.Integer(),
  failed: Type.Integer(),
  returnReason: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  ...Stamps,
});
export type TrainingClassItemT = Static<typeof TrainingClassItem>;

/** A class with its plan, attendees, timeline and the moves the caller may make. */
export const TrainingClassDetail = Type.Composite([
  TrainingClassItem,
  Type.Object({
    plan: Type.Array(TrainingSession),
    people: Type.Array(TrainingAttendee),
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
    canEdit: Type.Boolean(),
  }),
]);
export type TrainingClassDetailT = Static<typeof TrainingClassDetail>;
export const TrainingClassList = ListOf(TrainingClassItem);

export const TrainingClassListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(KeyOf(TRAINING_STATUSES)),
  kind: Type.Optional(KeyOf(TRAINING_KINDS)),
  year: Type.Optional(Year()),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type TrainingClassListQueryT = Static<typeof TrainingClassListQuery>;

const ClassFields = {
  title: Words1(80, '培训班名称', 'Title'),
  kind: Type.Union(
    Object.keys(TRAINING_KINDS).map((k) => Type.Literal(k)),
    labelled('培训类别', 'Kind'),
  ) as unknown as ReturnType<typeof KeyOf<typeof TRAINING_KINDS>>,
  startOn: Day('开班日期', 'Starts on'),
  endOn: Day('结业日期', 'Ends on'),
  place: Words1(100, '培训地点', 'Place'),
  target: Words1(100, '培训对象', 'Target group'),
  teachers: Type.Optional(Words(300, '授课教师', 'Teachers')),
  budgetFen: Type.Optional(Fen('经费预算（分）', 'Budget (fen)')),
  spentFen: Type.Optional(Fen('实际支出（分）', 'Spent (fen)')),
};

/** A new class of the caller's organization (or one below it). */
export const TrainingClassCreate = Body({ orgId: Type.Optional(Id()), ...ClassFields });
export type TrainingClassCreateT = Static<typeof TrainingClassCreate>;

/** Changes a class (dates only while the plan may change; the funding at any time before the end). */
export const TrainingClassUpdate = Body({
  title: Type.Optional(ClassFields.title),
  kind: Type.Optional(ClassFields.kind),
  startOn: Type.Optional(ClassFields.startOn),
  endOn: Type.Optional(ClassFields.endOn),
  place: Type.Optional(ClassFields.place),
  target: Type.Optional(ClassFields.target),
  teachers: Type.Optional(ClassFields.teachers),
  budgetFen: Type.Optional(Fen('经费预算（分）', 'Budget (fen)')),
  spentFen: Type.Optional(Fen('实际支出（分）', 'Spent (fen)')),
});
export type TrainingClassUpdateT = Static<typeof TrainingClassUpdate>;

/** The course plan: its sessions (replaced whole while the plan is drafted or returned). */
export const TrainingPlan = Body({
  sessions: Type.Array(
    Type.Object({
      heldOn: Day('上课日期', 'Held on'),
      topic: Words1(100, '课程内容', 'Topic'),
      teacher: Words1(40, '授课教师', 'Teacher'),
      hours: Type.Number({ minimum: 0.5, maximum: 12, multipleOf: 0.5, ...labelled('学时', 'Hours') }),
    }),
    { minItems: 1, maxItems: 60, ...labelled('课程安排', 'Sessions') },
  ),
});
export type TrainingPlanT = Static<typeof TrainingPlan>;

/** The attendees of a class (the whole list): members of the organizer's subtree. */
export const TrainingAttendees = Body({ memberIds: MemberIds('参训学员', 'Attendees') });
export type TrainingAttendeesT = Static<typeof TrainingAttendees>;

/** The attendance of one session: the attendees present (the others absent). */
export const TrainingAttendance = Body({ present: MemberIds('出勤学员', 'Present') });
export type TrainingAttendanceT = Static<typeof TrainingAttendance>;
export const TrainingSessionParams = Type.Object({
  id: Id(),
  sessionId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('课程', 'Session') }),
});

/** The attendees' results (合格/不合格). */
export const TrainingResults = Body({
  results: Type.Array(
    Type.Object({
      memberId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('学员', 'Attendee') }),
      result: Type.Union(
        Object.keys(TRAINING_RESULTS).map((k) => Type.Literal(k)),
        labelled('考核结果', 'Result'),
      ) as unknown as ReturnType<typeof KeyOf<typeof TRAINING_RESULTS>>,
    }),
    { maxItems: 1000, ...labelled('考核结果', 'Results') },
  ),
});
export type TrainingResultsT = Static<typeof TrainingResults>;

export const TrainingNote = Body({ note: Type.Optional(Nullable(Words(500, '说明', 'Note'))) });
export const TrainingReturn = Body({ reason: Words1(500, '退回理由', 'Reason') });
export const TrainingFinish = Body({ summary: Words1(2000, '培训总结', 'Summary') });

/** The flow of a class's plan: submitted, reviewed (approved: the class opens; returned with a reason), finished. */
export const TRAINING_FLOW = defineFlowSpec({
  entityType: 'training_class',
  label: l('培训班', 'Training class'),
  states: TRAINING_STATUSES,
  actions: {
    create: moveSpec('新建培训班', 'Create', 'created', { from: [], to: 'draft', by: ['training.write'] }),
    submit: moveSpec('提交课程计划', 'Submit the plan', 'submitted', {
      from: ['draft', 'returned'],
      to: 'submitted',
      by: ['training.write'],
    }),
    approve: moveSpec('审核通过（开班）', 'Approve the plan', 'approved', {
      from: ['submitted'],
      to: 'approved',
      by: ['training.review'],
    }),
    return: moveSpec('退回修改', 'Return the plan', 'returned', {
      from: ['submitted'],
      to: 'returned',
      by: ['training.review'],
      required: ['reason'],
    }),
    finish: moveSpec('结业', 'Finish the class', 'finished', {
      from: ['approved'],
      to: 'finished',
      by: ['training.write'],
      required: ['summary'],
    }),
  },
});
export type TrainingAction = keyof typeof TRAINING_FLOW.actions;

/** The hours of a year: the query. */
export const TrainingHoursQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Type.Optional(Year()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  short: Type.Optional(Type.Boolean(labelled('只看学时不足', 'Short only'))),
  ...Paging,
});
export type TrainingHoursQueryT = Static<typeof TrainingHoursQuery>;

/** One member's hours of a year by source, against the requirement. */
export const MemberHours = Type.Object({
  memberId: Type.Integer(),
  name: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  /** A secretary or committee member (a party post held now): the higher requirement. */
  committee: Type.Boolean(),
  classHours: Type.Number(),
  meetingHours: Type.Number(),
  hours: Type.Number(),
  required: Type.Number(),
  short: Type.Boolean(),
  /** Attended at least one rotation class this year. */
  rotated: Type.Boolean(),
});
export type MemberHoursT = Static<typeof MemberHours>;

const OrgCounts = {
  members: Type.Integer(),
  reached: Type.Integer(),
  short: Type.Integer(),
  rotated: Type.Integer(),
  /** Rotation coverage: members who attended a rotation class this year / all (0–1). */
  coverage: Type.Number(),
};
export const HoursOrgRow = Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...OrgCounts });
export type HoursOrgRowT = Static<typeof HoursOrgRow>;

/** The hours list: members (paged) with the subtree's counts and each organization below it. */
export const TrainingHoursList = Type.Object({
  items: Type.Array(MemberHours),
  total: Type.Integer(),
  year: Type.Integer(),
  totals: Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...OrgCounts }),
  rows: Type.Array(HoursOrgRow),
  rules: Type.Object({ memberHours: Type.Number(), committeeHours: Type.Number() }),
});
export type TrainingHoursListT = Static<typeof TrainingHoursList>;

/** My hours this year (the member's phone page). */
export const MyTrainingHours = Type.Object({
  year: Type.Integer(),
  name: Type.String(),
  committee: Type.Boolean(),
  classHours: Type.Number(),
  meetingHours: Type.Number(),
  hours: Type.Number(),
  required: Type.Number(),
  short: Type.Boolean(),
  classes: Type.Array(Type.Object({ title: Type.String(), hours: Type.Number(), sessions: Type.Integer() })),
  meetings: Type.Array(Type.Object({ kind: Type.String(), count: Type.Integer(), hours: Type.Number() })),
});
export type MyTrainingHoursT = Static<typeof MyTrainingHours>;
export const MyTrainingHoursQuery = Type.Object({ year: Type.Optional(Year()) });

/** 教育培训情况 (`training.summary`) of a subtree and year. */
export const TrainingSummaryQuery = Type.Object({ org: Type.Optional(Id()), year: Year() });
export type TrainingSummaryQueryT = Static<typeof TrainingSummaryQuery>;
export const TrainingSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  classes: Type.Integer({ description: 'classes approved or finished starting in the year' }),
  personTimes: Type.Integer({ description: 'attendances recorded present in the year' }),
  hours: Type.Number({ description: 'hours attended in classes and counted meetings' }),
  members: Type.Integer(),
  reached: Type.Integer(),
  reachedShare: Type.Number(),
  rotated: Type.Integer(),
  coverage: Type.Number(),
});
export type TrainingSummaryT = Static<typeof TrainingSummary>;
