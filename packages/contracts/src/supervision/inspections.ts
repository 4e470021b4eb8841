/**
 * The inspections module's contracts (area supervision): inspections (季度督查, 半年督查, 随机暗访, 现场观摩, 专项督查)
 * issued by the county or a township, their team, the organizations visited with a checklist per kind, and the
 * findings of each visit — each finding opens a problem (问题整改) that links back to it.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, DateString, Id, KeyOf, ListOf, MAX_ID, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const INSPECTIONS_MODULE = 'inspections' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Kinds of inspection (双周计划+季度通报+半年督查+随机暗访+现场观摩, seed 003). */
export const INSPECTION_KINDS = {
  quarterly: l('季度督查', 'Quarterly inspection'),
  half_year: l('半年督查', 'Half-year inspection'),
  unannounced: l('随机暗访', 'Unannounced visit'),
  observation: l('现场观摩', 'On-site observation'),
  special: l('专项督查', 'Special inspection'),
} as const satisfies Record<string, Labelled>;
export type InspectionKind = keyof typeof INSPECTION_KINDS;

/** States of an inspection. */
export const INSPECTION_STATUSES = {
  planned: l('计划中', 'Planned'),
  in_progress: l('进行中', 'Under way'),
  completed: l('已完成', 'Completed'),
  cancelled: l('已取消', 'Cancelled'),
} as const satisfies Record<string, Labelled>;
export type InspectionStatus = keyof typeof INSPECTION_STATUSES;

/** The topics a checklist is made of. */
export const INSPECTION_TOPICS = {
  meetings: l('三会一课落实', 'Three meetings and one lesson'),
  theme_day: l('主题党日开展', 'Theme Party days'),
  development: l('党员发展', 'Member development'),
  dues: l('党费收缴', 'Party dues'),
  position: l('阵地建设', 'Activity venues'),
  service: l('为民服务', 'Service to residents'),
  team: l('班子建设', 'Leadership team'),
  education: l('学习教育', 'Study and education'),
  records: l('台账资料', 'Records and files'),
  rectification: l('问题整改落实', 'Rectification of earlier problems'),
  style: l('作风纪律', 'Work style and discipline'),
  economy: l('集体经济发展', 'Collective economy'),
} as const satisfies Record<string, Labelled>;
export type InspectionTopic = keyof typeof INSPECTION_TOPICS;

/** The checklist each kind starts from (the issuer may narrow or widen it when planning). */
export const INSPECTION_CHECKLISTS: Record<InspectionKind, readonly InspectionTopic[]> = {
  quarterly: ['meetings', 'theme_day', 'development', 'dues', 'position', 'service', 'records'],
  half_year: [
    'meetings',
    'development',
    'dues',
    'position',
    'service',
    'team',
    'education',
    'records',
    'rectification',
  ],
  unannounced: ['style', 'meetings', 'position', 'service'],
  observation: ['position', 'service', 'economy', 'team'],
  special: ['rectification', 'style', 'records'],
};

/** The result of one checklist topic at one visited organization. */
export const INSPECTION_CHECK_RESULTS = {
  meets: l('达标', 'Meets'),
  partly: l('基本达标', 'Partly meets'),
  fails: l('不达标', 'Fails'),
} as const satisfies Record<string, Labelled>;
export type InspectionCheckResult = keyof typeof INSPECTION_CHECK_RESULTS;

/** How serious a finding is. */
export const INSPECTION_SEVERITIES = {
  minor: l('一般', 'Minor'),
  major: l('较重', 'Major'),
  serious: l('严重', 'Serious'),
} as const satisfies Record<string, Labelled>;
export type InspectionSeverity = keyof typeof INSPECTION_SEVERITIES;

/** Photos one finding may carry. */
export const INSPECTION_PHOTOS_MAX = 9;
/** People on one inspection team. */
export const INSPECTION_TEAM_MAX = 20;
/** Organizations one inspection may visit. */
export const INSPECTION_VISITS_MAX = 300;

const Topic = () => KeyOf(INSPECTION_TOPICS);
/** A calendar date named in words (the refusal says which date). */
const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });

/** One person of the team: a name and a title, the account if any, and whether the person leads it. */
export const InspectionTeamMember = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40, ...labelled('组员姓名', 'Name') }),
    title: Type.String({ maxLength: 60, ...labelled('职务', 'Title') }),
    userId: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: MAX_ID, ...labelled('组员账号', 'Account') }))),
    leader: Type.Optional(Type.Boolean(labelled('组长', 'Leader'))),
  },
  { additionalProperties: false },
);
export type InspectionTeamMemberT = Static<typeof InspectionTeamMember>;

/** A photo of a finding: its id, type, size and the URL that serves it. */
export const InspectionPhoto = Type.Object({
  id: Type.Integer(),
  mime: Type.String(),
  bytes: Type.Integer(),
  url: Type.String(),
});
export type InspectionPhotoT = Static<typeof InspectionPhoto>;

/** A finding of a visit, with the problem it opened and that problem's state now. */
export const InspectionFinding = Type.Object({
  id: Type.Integer(),
  inspectionId: Type.Integer(),
  visitId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  text: Type.String(),
  category: Type.String({ description: "a problems' category key" }),
  severity: KeyOf(INSPECTION_SEVERITIES),
  photos: Type.Array(InspectionPhoto),
  problemId: Nullable(Type.Integer()),
  problemStatus: Nullable(Type.String({ description: "the problem's state (problems' flow spec)" })),
  createdAt: Type.String(),
});
export type InspectionFindingT = Static<typeof InspectionFinding>;

/** The result of one checklist topic at a visit. */
export const InspectionCheck = Type.Object(
  {
    topic: Topic(),
    result: KeyOf(INSPECTION_CHECK_RESULTS),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500, ...labelled('检查说明', 'Note') }))),
  },
  { additionalProperties: false },
);
export type InspectionCheckT = Static<typeof InspectionCheck>;

/** An organization visited (or to be visited) by an inspection, with its checklist results and findings. */
export const InspectionVisit = Type.Object({
  id: Type.Integer(),
  inspectionId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  visitedOn: Nullable(Type.String()),
  score: Nullable(Type.Integer()),
  results: Type.Array(InspectionCheck),
  note: Nullable(Type.String()),
  findings: Type.Array(InspectionFinding),
});
export type InspectionVisitT = Static<typeof InspectionVisit>;

/** An inspection in a list. `issuer` is false when the caller sees it as a visited organization only. */
export const InspectionItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer({ description: 'the issuing organization' }),
  orgName: Type.String(),
  kind: KeyOf(INSPECTION_KINDS),
  unannounced: Type.Boolean(),
  title: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  status: KeyOf(INSPECTION_STATUSES),
  team: Type.Array(InspectionTeamMember),
  checklist: Type.Array(Topic()),
  note: Nullable(Type.String()),
  visits: Type.Integer(),
  findings: Type.Integer(),
  problems: Type.Integer(),
  completedOn: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  issuer: Type.Boolean(),
  ...Stamps,
});
export type InspectionItemT = Static<typeof InspectionItem>;
export const InspectionList = ListOf(InspectionItem);

/** An inspection with its visits (a visited organization sees its own only), timeline and the moves allowed. */
export const InspectionDetail = Type.Composite([
  InspectionItem,
  Type.Object({ visitList: Type.Array(InspectionVisit), events: Type.Array(TimelineEvent), actions: AllowedActions }),
]);
export type InspectionDetailT = Static<typeof InspectionDetail>;

export const InspectionListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Type.Optional(KeyOf(INSPECTION_KINDS)),
  status: Type.Optional(KeyOf(INSPECTION_STATUSES)),
  from: Type.Optional(DateString('ending on or after')),
  to: Type.Optional(DateString('starting on or before')),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type InspectionListQueryT = Static<typeof InspectionListQuery>;

const Title = () => Type.String({ minLength: 1, maxLength: 80, ...labelled('督查名称', 'Title') });
const Note = () => Type.String({ maxLength: 1000, ...labelled('备注', 'Note') });

/** A new inspection: the issuing organization (county or township), its kind, dates, team and checklist. */
export const InspectionCreate = Body({
  orgId: Id(),
  kind: KeyOf(INSPECTION_KINDS),
  unannounced: Type.Optional(Type.Boolean(labelled('暗访（完成前被检查单位不可见）', 'Unannounced'))),
  title: Title(),
  startsOn: Day('开始日期', 'Starts on'),
  endsOn: Day('结束日期', 'Ends on'),
  team: Type.Array(InspectionTeamMember, {
    minItems: 1,
    maxItems: INSPECTION_TEAM_MAX,
    ...labelled('督查组成员', 'Team'),
  }),
  checklist: Type.Optional(Type.Array(Topic(), { minItems: 1, maxItems: 12, ...labelled('检查清单', 'Checklist') })),
  note: Type.Optional(Nullable(Note())),
  visitOrgIds: Type.Optional(
    Type.Array(Id(), {
      maxItems: INSPECTION_VISITS_MAX,
      uniqueItems: true,
      ...labelled('被检查单位', 'Organizations to visit'),
    }),
  ),
});
export type InspectionCreateT = Static<typeof InspectionCreate>;

/** A change of a planned or running inspection (its kind and issuer stay). */
export const InspectionUpdate = Body({
  unannounced: Type.Optional(Type.Boolean(labelled('暗访（完成前被检查单位不可见）', 'Unannounced'))),
  title: Type.Optional(Title()),
  startsOn: Type.Optional(Day('开始日期', 'Starts on')),
  endsOn: Type.Optional(Day('结束日期', 'Ends on')),
  team: Type.Optional(
    Type.Array(InspectionTeamMember, { minItems: 1, maxItems: INSPECTION_TEAM_MAX, ...labelled('督查组成员', 'Team') }),
  ),
  checklist: Type.Optional(Type.Array(Topic(), { minItems: 1, maxItems: 12, ...labelled('检查清单', 'Checklist') })),
  note: Type.Optional(Nullable(Note())),
});
export type InspectionUpdateT = Static<typeof InspectionUpdate>;

/** The note or reason a move carries (a cancellation needs its reason). */
export const InspectionMove = Body({
  reason: Type.Optional(Nullable(Type.String({ maxLength: 500, ...labelled('原因', 'Reason') }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500, ...labelled('说明', 'Note') }))),
});
export type InspectionMoveT = Static<typeof InspectionMove>;

/** An organization added to the visits (it must lie under the issuer). */
export const InspectionVisitCreate = Body({
  orgId: Id(),
  visitedOn: Type.Optional(Nullable(Day('检查日期', 'Visited on'))),
  note: Type.Optional(Nullable(Note())),
});
export type InspectionVisitCreateT = Static<typeof InspectionVisitCreate>;

/** The record of a visit: its date, checklist results, optional score and note (the phone form sends it whole). */
export const InspectionVisitUpdate = Body({
  visitedOn: Type.Optional(Nullable(Day('检查日期', 'Visited on'))),
  score: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100, ...labelled('得分', 'Score') }))),
  results: Type.Optional(Type.Array(InspectionCheck, { maxItems: 12, ...labelled('检查结果', 'Checklist results') })),
  note: Type.Optional(Nullable(Note())),
});
export type InspectionVisitUpdateT = Static<typeof InspectionVisitUpdate>;

/**
 * A finding of a visit. Photos: ids of photos uploaded to the visit first (`POST …/visits/:visitId/photos`, the
 * phone form's way), or the same fields as a multipart form with the photos as files.
 */
export const InspectionFindingCreate = Body({
  text: Type.String({ minLength: 1, maxLength: 1000, ...labelled('发现问题', 'Finding') }),
  category: Type.String({ minLength: 1, maxLength: 40, ...labelled('问题类别', 'Category') }),
  severity: Type.Union(
    Object.keys(INSPECTION_SEVERITIES).map((k) => Type.Literal(k)),
    labelled('严重程度', 'Severity'),
  ) as unknown as ReturnType<typeof KeyOf<typeof INSPECTION_SEVERITIES>>,
  dueOn: Type.Optional(Nullable(Day('整改期限', 'Due on'))),
  photoIds: Type.Optional(
    Type.Array(Id(), { maxItems: INSPECTION_PHOTOS_MAX, uniqueItems: true, ...labelled('照片', 'Photos') }),
  ),
});
export type InspectionFindingCreateT = Static<typeof InspectionFindingCreate>;

export const InspectionParams = Type.Object({ id: Id() });
const VisitId = () => Type.Integer({ minimum: 1, maximum: MAX_ID, ...labelled('检查单位记录', 'Visit') });
export const InspectionVisitParams = Type.Object({ id: Id(), visitId: VisitId() });
/** A photo uploaded to a visit, not yet attached to a finding. */
export const InspectionVisitPhoto = InspectionPhoto;

/**
 * The flow of an inspection: planned (the team and the organizations to visit), started, completed (at least one
 * visit recorded), or cancelled with a reason before it is completed.
 */
export const INSPECTION_FLOW = defineFlowSpec({
  entityType: 'inspection',
  label: { zh: '督查检查', en: 'Inspection' },
  states: INSPECTION_STATUSES,
  actions: {
    create: moveSpec('制定督查计划', 'Plan an inspection', 'created', {
      from: [],
      to: 'planned',
      by: ['inspections.write'],
    }),
    start: moveSpec('开始督查', 'Start', 'started', {
      from: ['planned'],
      to: 'in_progress',
      by: ['inspections.write'],
    }),
    complete: moveSpec('完成督查', 'Complete', 'completed', {
      from: ['in_progress'],
      to: 'completed',
      by: ['inspections.write'],
    }),
    reopen: moveSpec('重新开启', 'Reopen', 'reopened', {
      from: ['completed'],
      to: 'in_progress',
      by: ['inspections.write'],
      required: ['reason'],
    }),
    cancel: moveSpec('取消督查', 'Cancel', 'cancelled', {
      from: ['planned', 'in_progress'],
      to: 'cancelled',
      by: ['inspections.write'],
      required: ['reason'],
    }),
  },
});
export type InspectionAction = keyof typeof INSPECTION_FLOW.actions;

/** The moves of the flow, each its route (`POST /api/inspections/:id/start` …). */
export const INSPECTION_MOVES = ['start', 'complete', 'reopen', 'cancel'] as const;

/** The figure's parameters: a subtree (the caller's own by default) and a span of days. */
export const InspectionsSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  from: Day('统计开始日期', 'From'),
  to: Day('统计截止日期', 'To'),
});
export type InspectionsSummaryQueryT = Static<typeof InspectionsSummaryQuery>;
const SummaryCounts = {
  inspections: Type.Integer({ description: 'inspections with a visit in the subtree in the span' }),
  orgsVisited: Type.Integer({ description: 'distinct organizations of the subtree visited' }),
  visits: Type.Integer(),
  findings: Type.Integer(),
  problems: Type.Integer({ description: 'problems opened from those findings' }),
  problemsClosed: Type.Integer({ description: 'of those, closed (销号) now' }),
};
/** 督查检查情况: by kind, and per organization right below the subtree's root. */
export const InspectionsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  from: Type.String(),
  to: Type.String(),
  issued: Type.Integer({ description: 'inspections issued by the subtree in the span (not cancelled)' }),
  total: Type.Object(SummaryCounts),
  byKind: Type.Array(Type.Object({ kind: KeyOf(INSPECTION_KINDS), ...SummaryCounts })),
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...SummaryCounts })),
});
export type InspectionsSummaryT = Static<typeof InspectionsSummary>;
