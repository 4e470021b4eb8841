/**
 * Organizational life (组织生活): kinds, attendance, grades, and the API schemas of meetings, compliance and notifications.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { DateString, Id, KeyOf, ListOf, Nullable, Paging, Body, OrgRecord } from '../core/schemas.js';

export const MEETING_KIND_LABELS = {
  general_meeting: { zh: '支部党员大会', en: 'General meeting' },
  committee_meeting: { zh: '支部委员会', en: 'Committee meeting' },
  group_meeting: { zh: '党小组会', en: 'Party group meeting' },
  party_lecture: { zh: '党课', en: 'Party lecture' },
  theme_day: { zh: '主题党日', en: 'Theme party day' },
  life_meeting: { zh: '组织生活会', en: 'Organizational life meeting' },
  member_review: { zh: '民主评议党员', en: 'Democratic review of members' },
  leadership_life_meeting: { zh: '民主生活会', en: 'Leadership life meeting' },
  heart_to_heart: { zh: '谈心谈话', en: 'Heart-to-heart talk' },
} satisfies Record<string, Labelled>;
export type MeetingKindT = keyof typeof MEETING_KIND_LABELS;

/**
 * The time limits of organizational life (rule set `meeting_timing`), national defaults a county may change per year:
 * how many days ahead a meeting may be planned (recorded before it is held, to open its sign-in), and how many hours
 * before a meeting its secretary may start sign-in at once (立即开始签到).
 */
export const MEETING_TIMING_DEFAULTS = { planAheadDays: 60, checkinStartNowHours: 12 };
export type MeetingTimingRules = typeof MEETING_TIMING_DEFAULTS;

/** The words and bounds of each time limit. */
export const MEETING_TIMING_KEYS = {
  planAheadDays: { zh: '最多提前安排天数', en: 'Days a meeting may be planned ahead', min: 1, max: 366 },
  checkinStartNowHours: {
    zh: '会前可立即开始签到的小时数',
    en: 'Hours before a meeting sign-in may start',
    min: 1,
    max: 72,
  },
} satisfies Record<keyof MeetingTimingRules, Labelled & { min: number; max: number }>;

export const ATTENDANCE_STATUSES = {
  present: { zh: '出席', en: 'Present' },
  leave: { zh: '请假', en: 'On leave' },
  absent: { zh: '缺席', en: 'Absent' },
  // Shown, never stored: a member not yet marked at a meeting that has not begun is expected, not absent.
  expected: { zh: '未开始', en: 'Not yet held' },
} satisfies Record<string, Labelled>;

export const REVIEW_GRADES = {
  excellent: { zh: '优秀', en: 'Excellent' },
  qualified: { zh: '合格', en: 'Qualified' },
  basically_qualified: { zh: '基本合格', en: 'Basically qualified' },
  unqualified: { zh: '不合格', en: 'Unqualified' },
} satisfies Record<string, Labelled>;

export const COMPLIANCE_STATUSES = {
  done: { zh: '已完成', en: 'Done' },
  due_soon: { zh: '待完成', en: 'Due soon' },
  behind: { zh: '滞后', en: 'Behind' },
} satisfies Record<string, Labelled>;

export const LECTURER_ROLES = {
  secretary: { zh: '书记', en: 'Secretary' },
  leader: { zh: '领导干部', en: 'Leading cadre' },
  member: { zh: '党员', en: 'Member' },
  other: { zh: '其他', en: 'Other' },
} satisfies Record<string, Labelled>;

export const CADENCES = {
  month: { zh: '每月', en: 'Monthly' },
  quarter: { zh: '每季度', en: 'Quarterly' },
  year: { zh: '每年', en: 'Yearly' },
} satisfies Record<string, Labelled>;

const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', examples: ['19:30'] });

export const AttendanceEntry = Type.Object({
  memberId: Type.Integer(),
  status: KeyOf(ATTENDANCE_STATUSES),
  leaveReason: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
});
export const MotionInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  yes: Type.Integer({ minimum: 0 }),
  no: Type.Integer({ minimum: 0 }),
  abstain: Type.Integer({ minimum: 0 }),
});
export const ReviewInput = Type.Object({ memberId: Type.Integer(), grade: KeyOf(REVIEW_GRADES) });

const MeetingFields = {
  orgId: Type.Integer(),
  kind: KeyOf(MEETING_KIND_LABELS),
  topic: Type.String({ minLength: 1, maxLength: 200 }),
  heldOn: DateString('召开日期'),
  startTime: Time,
  endTime: Type.Optional(Nullable(Time)),
  place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  hostName: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  recorderName: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  lecturerMemberId: Type.Optional(Nullable(Type.Integer())),
  lecturerRole: Type.Optional(Nullable(KeyOf(LECTURER_ROLES))),
  minutes: Type.Optional(Nullable(Type.String({ maxLength: 20000 }))),
  decisions: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  attendance: Type.Optional(Type.Array(AttendanceEntry, { maxItems: 2000 })),
  motions: Type.Optional(Type.Array(MotionInput, { maxItems: 50 })),
  reviews: Type.Optional(Type.Array(ReviewInput, { maxItems: 2000 })),
};
export const MeetingCreate = Type.Object(MeetingFields, { additionalProperties: false });
export type MeetingCreateT = Static<typeof MeetingCreate>;
export const MeetingPatch = Type.Partial(Type.Object(MeetingFields), { additionalProperties: false, minProperties: 1 });
export type MeetingPatchT = Static<typeof MeetingPatch>;

export const MeetingSummary = Type.Object({
  ...OrgRecord,
  kind: KeyOf(MEETING_KIND_LABELS),
  topic: Type.String(),
  heldOn: Type.String(),
  startTime: Type.String(),
  place: Nullable(Type.String()),
  expected: Type.Integer(),
  present: Type.Integer(),
  leave: Type.Integer(),
  absent: Type.Integer(),
  photoCount: Type.Integer(),
  complete: Type.Boolean({ description: 'minutes and attendance recorded (纪实完整)' }),
  missing: Type.Array(Type.String(), { description: 'what keeps the record incomplete: minutes, attendance' }),
  enteredAt: Type.String(),
  lateEntry: Type.Boolean(),
  checkinOpen: Type.Boolean(),
  upcoming: Type.Boolean({ description: 'the meeting has not begun: nobody is absent yet (未开始)' }),
  deletedAt: Nullable(Type.String()),
});
export type MeetingSummaryT = Static<typeof MeetingSummary>;

export const Meeting = Type.Intersect([
  MeetingSummary,
  Type.Object({
    endTime: Nullable(Type.String()),
    hostName: Nullable(Type.String()),
    recorderName: Nullable(Type.String()),
    lecturerMemberId: Nullable(Type.Integer()),
    lecturerName: Nullable(Type.String()),
    lecturerRole: Nullable(Type.String()),
    minutes: Nullable(Type.String()),
    decisions: Nullable(Type.String()),
    attendance: Type.Array(
      Type.Object({
        memberId: Type.Integer(),
        name: Type.String(),
        memberStatus: Type.String(),
        status: KeyOf(ATTENDANCE_STATUSES),
        leaveReason: Nullable(Type.String()),
        checkedInAt: Nullable(Type.String()),
        method: Nullable(Type.String()),
      }),
    ),
    motions: Type.Array(
      Type.Object({
        id: Type.Integer(),
        title: Type.String(),
        yes: Type.Integer(),
        no: Type.Integer(),
        abstain: Type.Integer(),
        entitled: Type.Integer(),
        presentVoting: Type.Integer(),
        quorumMet: Type.Boolean(),
        passed: Type.Boolean(),
      }),
    ),
    reviews: Type.Array(Type.Object({ memberId: Type.Integer(), name: Type.String(), grade: KeyOf(REVIEW_GRADES) })),
    photos: Type.Array(
      Type.Object({ id: Type.Integer(), mime: Type.String(), bytes: Type.Integer(), url: Type.String() }),
    ),
    checkin: Nullable(
      Type.Object({
        code: Type.String(),
        validFrom: Type.String(),
        validTo: Type.String(),
        qrSvg: Type.String(),
        url: Type.String(),
        started: Type.Boolean({ description: 'the window has begun: members can sign in now' }),
      }),
    ),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  }),
]);
export type MeetingT = Static<typeof Meeting>;

export const MeetingListQuery = Type.Object({
  org: Type.Optional(Id()),
  kind: Type.Optional(KeyOf(MEETING_KIND_LABELS)),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  incomplete: Type.Optional(Type.Boolean()),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type MeetingListQueryT = Static<typeof MeetingListQuery>;
export const MeetingList = ListOf(MeetingSummary);

export const CheckinOpenBody = Body({
  minutes: Type.Optional(Type.Integer({ minimum: 10, maximum: 24 * 60 })),
  /** Start the window now, before the usual hour before the meeting (立即开始签到). */
  now: Type.Optional(Type.Boolean()),
});
export const CheckinOpen = Type.Object({
  code: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  qrSvg: Type.String(),
  url: Type.String(),
  started: Type.Boolean({ description: 'the window has begun: members can sign in now' }),
});
export const CheckinBody = Body({ code: Type.String({ pattern: '^\\d{6}$' }) });
export const CheckinResult = Type.Object({
  meetingId: Type.Integer(),
  topic: Type.String(),
  kind: Type.String(),
  orgName: Type.String(),
  checkedInAt: Type.String(),
});

export const FrequencyRuleSchema = Body({
  every: KeyOf(CADENCES),
  min: Type.Integer({ minimum: 1, maximum: 31 }),
  perMember: Type.Optional(Type.Boolean()),
  fixedDay: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 31 }))),
});
export type FrequencyRuleT = Static<typeof FrequencyRuleSchema>;
/** National defaults (中国共产党支部工作条例（试行）, 2018), the `meetings` rule set. `null`: not required by default. */
export const MEETING_FREQUENCY_DEFAULTS: Record<MeetingKindT, FrequencyRuleT | null> = {
  general_meeting: { every: 'quarter', min: 1 },
  committee_meeting: { every: 'month', min: 1 },
  group_meeting: { every: 'month', min: 1 },
  party_lecture: { every: 'quarter', min: 1 },
  theme_day: { every: 'month', min: 1, fixedDay: null },
  life_meeting: { every: 'year', min: 1 },
  member_review: { every: 'year', min: 1 },
  leadership_life_meeting: { every: 'year', min: 1 },
  heart_to_heart: { every: 'year', min: 1, perMember: true },
};
export const RulesInForce = Type.Object({
  year: Type.Integer(),
  rules: Type.Array(
    Type.Object({
      kind: KeyOf(MEETING_KIND_LABELS),
      rule: Nullable(FrequencyRuleSchema),
      source: Type.Union([Type.Literal('national'), Type.Literal('county')]),
      appliesTo: Type.Array(Type.String()),
    }),
  ),
});
export const RuleOverrideBody = Body({ rule: Nullable(FrequencyRuleSchema) });

export const ComplianceQuery = Type.Object({
  org: Type.Optional(Id()),
  period: Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$', description: 'YYYY-MM, YYYY-Qn or YYYY' }),
  status: Type.Optional(KeyOf(COMPLIANCE_STATUSES)),
});
export const Compliance = Type.Object({
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  items: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      orgName: Type.String(),
      kind: KeyOf(MEETING_KIND_LABELS),
      required: Type.Integer(),
      held: Type.Integer(),
      status: KeyOf(COMPLIANCE_STATUSES),
      dueBy: Nullable(Type.String()),
    }),
  ),
  summary: Type.Object({
    rate: Type.Number({ minimum: 0, maximum: 1 }),
    required: Type.Integer(),
    held: Type.Integer(),
    done: Type.Integer(),
    dueSoon: Type.Integer(),
    behind: Type.Integer(),
  }),
});

export const MeetingStatsQuery = Type.Object({
  org: Type.Optional(Id()),
  period: Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$' }),
});
export const MeetingStats = Type.Object({
  byKind: Type.Array(Type.Object({ key: Type.String(), count: Type.Integer() })),
  meetings: Type.Integer(),
  attendance: Type.Object({
    expected: Type.Integer(),
    present: Type.Integer(),
    leave: Type.Integer(),
    rate: Type.Number(),
  }),
  orgs: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      orgName: Type.String(),
      meetings: Type.Integer(),
      expected: Type.Integer(),
      present: Type.Integer(),
      rate: Type.Number(),
    }),
  ),
  members: Type.Array(
    Type.Object({
      memberId: Type.Integer(),
      name: Type.String(),
      orgName: Type.String(),
      expected: Type.Integer(),
      present: Type.Integer(),
      rate: Type.Number(),
    }),
  ),
  lectures: Type.Object({ total: Type.Integer(), bySecretaries: Type.Integer() }),
  incomplete: Type.Integer(),
});

export const Notification = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});
export const NotificationList = Type.Object({
  items: Type.Array(Notification),
  total: Type.Integer(),
  unread: Type.Integer(),
});
export const NotificationQuery = Type.Object({ unread: Type.Optional(Type.Boolean()), ...Paging });
