/**
 * The development module's contracts (area people, 发展党员): the candidates, their stages and recorded steps, the
 * answers and bodies of `/api/development`, and the flow spec of the stage moves. The 25 steps and their time
 * rules are data in `development.steps.ts`, the rule defaults in `development.rules.ts`.
 */
import { type Static, Type } from '@sinclair/typebox';
import { EDUCATIONS, ETHNICITIES, GENDERS, MEMBER_CATEGORIES } from '../core/enums.js';
import {
  Body,
  DateString,
  Id,
  KeyOf,
  ListOf,
  ListQuery,
  Nullable,
  OrgRecord,
  Stamps,
  Text,
  VERBATIM,
} from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';
import { DEVELOPMENT_MATERIALS, DEVELOPMENT_STAGES, DEVELOPMENT_STEP_LABELS } from './development.steps.js';

export * from './development.rules.js';
export * from './development.steps.js';

export const DEVELOPMENT_MODULE = 'development' as const;

/** Where a candidate's next step stands today. */
export const NEXT_STEP_STATES = {
  not_yet: { zh: '未到时间', en: 'Not open yet' },
  open: { zh: '可办理', en: 'Open' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已逾期', en: 'Overdue' },
} as const;
export type NextStepState = keyof typeof NEXT_STEP_STATES;

const Person = Type.Object({ memberId: Nullable(Type.Integer()), name: Type.String() });

/** The step a candidate answers next, with the day it opens and the day it is due (null: no time rule). */
export const NextStep = Type.Object({
  step: KeyOf(DEVELOPMENT_STEP_LABELS),
  opensOn: Nullable(Type.String()),
  dueOn: Nullable(Type.String()),
  state: KeyOf(NEXT_STEP_STATES),
});
export type NextStepT = Static<typeof NextStep>;

/** A candidate (发展对象 in the wide sense: anyone on the path) as the list answers it. */
export const DevelopmentCandidate = Type.Object({
  ...OrgRecord,
  name: Type.String(),
  gender: KeyOf(GENDERS),
  idNumber: Type.String({ description: 'masked' }),
  phone: Nullable(Type.String({ description: 'masked' })),
  birthDate: Type.String(),
  ethnicity: Nullable(KeyOf(ETHNICITIES)),
  education: Nullable(KeyOf(EDUCATIONS)),
  category: Nullable(KeyOf(MEMBER_CATEGORIES)),
  stage: KeyOf(DEVELOPMENT_STAGES),
  stageSince: Type.String(),
  appliedOn: Type.String(),
  activistOn: Nullable(Type.String()),
  targetOn: Nullable(Type.String()),
  admittedOn: Nullable(Type.String({ description: "the higher committee's approval: joined as probationary" })),
  probationEnd: Nullable(Type.String()),
  extendedMonths: Type.Integer(),
  convertedOn: Nullable(Type.String()),
  closedOn: Nullable(Type.String({ description: 'refused or lapsed on' })),
  closeReason: Nullable(Type.String()),
  contacts: Type.Array(Person, { description: '培养联系人 (1–2)' }),
  introducers: Type.Array(Person, { description: '入党介绍人 (2 full members)' }),
  talkerName: Nullable(Type.String()),
  planYear: Type.Integer({ description: 'the year of the guiding plan it counts against' }),
  outsidePlan: Type.Boolean({ description: 'developed outside the guiding plan (set by the plans)' }),
  memberId: Nullable(Type.Integer({ description: 'the member record once admitted' })),
  next: Nullable(NextStep),
  ...Stamps,
});
export type DevelopmentCandidateT = Static<typeof DevelopmentCandidate>;
export const DevelopmentList = ListOf(DevelopmentCandidate);

/** The votes of a general meeting on a candidate (counted as the meetings module counts a motion). */
export const DevelopmentVote = Type.Object({
  entitled: Type.Integer({ minimum: 0, description: 'full members with a vote' }),
  presentVoting: Type.Integer({ minimum: 0, description: 'full members with a vote present' }),
  yes: Type.Integer({ minimum: 0 }),
  no: Type.Integer({ minimum: 0 }),
  abstain: Type.Integer({ minimum: 0 }),
});
export type DevelopmentVoteT = Static<typeof DevelopmentVote>;

/** One recorded step. */
export const DevelopmentStepRecord = Type.Object({
  id: Type.Integer(),
  step: KeyOf(DEVELOPMENT_STEP_LABELS),
  no: Type.Integer({ description: 'its number among the 25' }),
  doneOn: Type.String(),
  people: Type.Array(Person),
  vote: Nullable(Type.Composite([DevelopmentVote, Type.Object({ quorumMet: Type.Boolean(), passed: Type.Boolean() })])),
  trainingDays: Nullable(Type.Integer()),
  trainingHours: Nullable(Type.Integer()),
  months: Nullable(Type.Integer()),
  materials: Type.Array(KeyOf(DEVELOPMENT_MATERIALS)),
  meetingId: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  overrideReason: Nullable(Type.String({ description: 'why a step out of its time rules was let through' })),
  recordedBy: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type DevelopmentStepRecordT = Static<typeof DevelopmentStepRecord>;

/** A step the candidate may take now or later, with the dates its rules give (for the detail page). */
export const DevelopmentStepOption = Type.Object({
  step: KeyOf(DEVELOPMENT_STEP_LABELS),
  opensOn: Nullable(Type.String()),
  dueOn: Nullable(Type.String()),
  /** Past this day even a written reason does not let it through. */
  closesOn: Nullable(Type.String()),
  /** Whether the caller may record it (the branch's or the higher committee's step). */
  canRecord: Type.Boolean(),
});

/** A scan of a material (JPEG/PNG, EXIF stripped), filed under a step and a material of the checklist. */
export const DevelopmentFile = Type.Object({
  id: Type.Integer(),
  step: Nullable(KeyOf(DEVELOPMENT_STEP_LABELS)),
  material: Nullable(KeyOf(DEVELOPMENT_MATERIALS)),
  mime: Type.String(),
  bytes: Type.Integer(),
  url: Type.String(),
  createdAt: Type.String(),
});
export type DevelopmentFileT = Static<typeof DevelopmentFile>;
/** Where an uploaded scan is filed (query of the upload). */
export const DevelopmentFileQuery = Type.Object({
  step: Type.Optional(KeyOf(DEVELOPMENT_STEP_LABELS)),
  material: Type.Optional(KeyOf(DEVELOPMENT_MATERIALS)),
});
export const DevelopmentFileParams = Type.Object({ id: Id(), fileId: Id() });

/** A candidate with its steps, timeline and the moves the caller may make now. */
export const DevelopmentDetail = Type.Composite([
  DevelopmentCandidate,
  Type.Object({
    steps: Type.Array(DevelopmentStepRecord),
    files: Type.Array(DevelopmentFile, { description: 'scans of the materials' }),
    available: Type.Array(DevelopmentStepOption, { description: 'the steps that may come next, in order' }),
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
  }),
]);
export type DevelopmentDetailT = Static<typeof DevelopmentDetail>;

export const DevelopmentListQuery = ListQuery({
  stage: Type.Optional(KeyOf(DEVELOPMENT_STAGES)),
  overdue: Type.Optional(Type.Boolean()),
  planYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  deleted: Type.Optional(Type.Boolean()),
});
export type DevelopmentListQueryT = Static<typeof DevelopmentListQuery>;

const Optional = <T extends Parameters<typeof Nullable>[0]>(s: T) => Type.Optional(Nullable(s));

/** An application (递交入党申请书): the person and the day; the ID number gives gender and birth date. */
export const DevelopmentCreate = Body({
  orgId: Type.Integer(),
  name: Text(40),
  idNumber: Type.String({ minLength: 15, maxLength: 18, ...VERBATIM }),
  phone: Optional(Type.String({ maxLength: 20, ...VERBATIM })),
  ethnicity: Optional(KeyOf(ETHNICITIES)),
  education: Optional(KeyOf(EDUCATIONS)),
  category: Optional(KeyOf(MEMBER_CATEGORIES)),
  appliedOn: DateString('递交申请日期'),
  planYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  note: Optional(Type.String({ maxLength: 500 })),
});
export type DevelopmentCreateT = Static<typeof DevelopmentCreate>;

export const DevelopmentPatch = Type.Partial(
  Type.Object({
    name: Text(40),
    idNumber: Type.String({ minLength: 15, maxLength: 18, ...VERBATIM }),
    phone: Nullable(Type.String({ maxLength: 20, ...VERBATIM })),
    ethnicity: Nullable(KeyOf(ETHNICITIES)),
    education: Nullable(KeyOf(EDUCATIONS)),
    category: Nullable(KeyOf(MEMBER_CATEGORIES)),
    planYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
    outsidePlan: Type.Boolean(),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type DevelopmentPatchT = Static<typeof DevelopmentPatch>;

/** Recording a step: its day, its people, votes, training, materials; `overrideReason` lets a late step through. */
export const DevelopmentStepCreate = Body({
  step: KeyOf(DEVELOPMENT_STEP_LABELS),
  date: DateString('办理日期'),
  talkerName: Optional(Type.String({ minLength: 1, maxLength: 40 })),
  talkerMemberId: Optional(Id()),
  contactIds: Type.Optional(Type.Array(Id(), { minItems: 1, maxItems: 2, description: '培养联系人 member ids' })),
  introducerIds: Type.Optional(Type.Array(Id(), { minItems: 2, maxItems: 2, description: '入党介绍人 member ids' })),
  vote: Type.Optional(DevelopmentVote),
  meetingId: Optional(Id()),
  trainingDays: Optional(Type.Integer({ minimum: 0, maximum: 366 })),
  trainingHours: Optional(Type.Integer({ minimum: 0, maximum: 2000 })),
  materials: Type.Optional(Type.Array(KeyOf(DEVELOPMENT_MATERIALS), { maxItems: 30 })),
  note: Optional(Type.String({ maxLength: 2000 })),
  overrideReason: Optional(Type.String({ minLength: 1, maxLength: 500 })),
});
export type DevelopmentStepCreateT = Static<typeof DevelopmentStepCreate>;

/** Extending probation once (延长预备期), by 6 to 12 months, decided by the general meeting. */
export const DevelopmentExtend = Body({
  date: DateString('决定日期'),
  months: Type.Integer({ minimum: 1, maximum: 24 }),
  reason: Text(500),
});
export type DevelopmentExtendT = Static<typeof DevelopmentExtend>;

/** Ending a candidacy: refused (不予发展 / 取消预备党员资格) or lapsed (中止); the history stays. */
export const DevelopmentClose = Body({ date: DateString('日期'), reason: Text(500) });
export type DevelopmentCloseT = Static<typeof DevelopmentClose>;

export const DevelopmentOverdueQuery = ListQuery({});
export type DevelopmentOverdueQueryT = Static<typeof DevelopmentOverdueQuery>;

/** A signed-in member's own progress (a probationary member's record from application on). */
export const DevelopmentMine = Type.Object({
  candidate: Nullable(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      orgName: Type.String(),
      stage: KeyOf(DEVELOPMENT_STAGES),
      appliedOn: Type.String(),
      admittedOn: Nullable(Type.String()),
      probationEnd: Nullable(Type.String()),
      convertedOn: Nullable(Type.String()),
      done: Type.Array(
        Type.Object({ step: KeyOf(DEVELOPMENT_STEP_LABELS), no: Type.Integer(), doneOn: Type.String() }),
      ),
      next: Nullable(NextStep),
    }),
  ),
});
export type DevelopmentMineT = Static<typeof DevelopmentMine>;

/** What the daily deadline job did. */
export const DevelopmentRemindResult = Type.Object({ candidates: Type.Integer(), notified: Type.Integer() });

/**
 * The flow of a candidate through the five stages: the application creates it; four steps move it on (the
 * activist and target decisions by the branch, the approval and the conversion approval by the higher committee);
 * every other step is recorded in place; probation is extended once; a candidacy ends refused or lapsed.
 */
export const DEVELOPMENT_FLOW = defineFlowSpec({
  entityType: 'development_candidate',
  label: { zh: '发展党员', en: 'Member development' },
  states: DEVELOPMENT_STAGES,
  actions: {
    apply: moveSpec('递交入党申请', 'Apply', 'applied', {
      from: [],
      to: 'applicant',
      by: ['development.write'],
      required: ['name', 'idNumber', 'appliedOn'],
    }),
    record_step: moveSpec('记录发展步骤', 'Record a step', 'step', {
      from: ['applicant', 'activist', 'target', 'probationary'],
      to: null,
      by: ['development.write', 'development.approve'],
      required: ['step', 'date'],
    }),
    make_activist: moveSpec('确定为入党积极分子', 'Make an activist', 'made_activist', {
      from: ['applicant'],
      to: 'activist',
      by: ['development.write'],
      required: ['date'],
    }),
    make_target: moveSpec('确定为发展对象', 'Make a development target', 'made_target', {
      from: ['activist'],
      to: 'target',
      by: ['development.write'],
      required: ['date'],
    }),
    admit: moveSpec('审批接收为预备党员', 'Admit as probationary', 'admitted', {
      from: ['target'],
      to: 'probationary',
      by: ['development.approve'],
      required: ['date'],
    }),
    convert: moveSpec('审批转为正式党员', 'Convert to full member', 'converted', {
      from: ['probationary'],
      to: 'full',
      by: ['development.approve'],
      required: ['date'],
    }),
    extend: moveSpec('延长预备期', 'Extend probation', 'extended', {
      from: ['probationary'],
      to: null,
      by: ['development.write'],
      required: ['months', 'reason'],
      notBy: { zh: '预备期只能延长一次', en: 'Probation is extended once at most' },
    }),
    refuse: moveSpec('不予发展', 'Refuse', 'refused', {
      from: ['applicant', 'activist', 'target', 'probationary'],
      to: 'refused',
      by: ['development.write'],
      required: ['reason'],
    }),
    lapse: moveSpec('中止发展', 'Lapse', 'lapsed', {
      from: ['applicant', 'activist', 'target'],
      to: 'lapsed',
      by: ['development.write'],
      required: ['reason'],
    }),
  },
});
export type DevelopmentAction = keyof typeof DEVELOPMENT_FLOW.actions;

/** The query of the pipeline figure: a subtree (default the caller's) and a year. */
export const DevelopmentPipelineQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
});
export type DevelopmentPipelineQueryT = Static<typeof DevelopmentPipelineQuery>;
const PipelineCounts = {
  applicants: Type.Integer({ description: 'applications received in the year' }),
  activists: Type.Integer({ description: 'made activists in the year' }),
  targets: Type.Integer({ description: 'made development targets in the year' }),
  admitted: Type.Integer({ description: 'admitted as probationary members in the year' }),
  converted: Type.Integer({ description: 'converted to full members in the year' }),
};
/** 发展党员进度 (`development.pipeline`): each stage's entries in a year, per child organization and in all. */
export const DevelopmentPipeline = Type.Object({
  year: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...PipelineCounts })),
  total: Type.Object(PipelineCounts),
});
export type DevelopmentPipelineT = Static<typeof DevelopmentPipeline>;
