/**
 * The problems module's contracts (area supervision): problems and their rectification (问题整改) from any source
 * (an inspection, a self-inspection, a low star rating, an overdue development step, a resident's complaint, an
 * overdue task), the one flow found → assigned (交办单) → rectifying → claimed → verified and closed (销号) with
 * its follow-up check (回头看), the measures, the categories as data and the rule defaults.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, DateString, Id, KeyOf, ListOf, MAX_ID, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const PROBLEMS_MODULE = 'problems' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });
/** A calendar date named in words (the refusal says which date). */
const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
/** A row id named in words. */
const RefId = (zh: string, en: string) => Type.Integer({ minimum: 1, maximum: MAX_ID, ...labelled(zh, en) });

/** Where a problem came from; `source_ref` names the record (`inspection_finding:12`, `weak_org:3` …). */
export const PROBLEM_SOURCES = {
  inspection: l('督查检查', 'Inspection'),
  self_inspection: l('自查自纠', 'Self-inspection'),
  star_rating: l('星级评定', 'Star rating'),
  development: l('发展党员逾期', 'Overdue development step'),
  complaint: l('群众投诉', "Resident's complaint"),
  task: l('任务逾期', 'Overdue task'),
  other: l('其他', 'Other'),
} as const satisfies Record<string, Labelled>;
export type ProblemSource = keyof typeof PROBLEM_SOURCES;

/** Sources a person records by hand (the others come from their modules through `openProblem`). */
export const PROBLEM_MANUAL_SOURCES = ['self_inspection', 'complaint', 'other'] as const;

/** States of a problem. */
export const PROBLEM_STATUSES = {
  found: l('待交办', 'Found'),
  assigned: l('已交办，待整改', 'Assigned'),
  rectifying: l('整改中', 'Rectifying'),
  claimed: l('已报整改完成，待验收', 'Fix claimed, awaiting verification'),
  closed: l('已验收销号', 'Verified and closed'),
} as const satisfies Record<string, Labelled>;
export type ProblemStatus = keyof typeof PROBLEM_STATUSES;

/** States in which a problem is still to be fixed (its due date counts). */
export const PROBLEM_OPEN_STATUSES = ['found', 'assigned', 'rectifying'] as const;

/** The four categories of seed 000 (四大类), the county's list until it edits it. */
export const PROBLEM_DEFAULT_CATEGORIES = [
  { key: 'organization', zh: '组织建设', en: 'Organization building' },
  { key: 'conduct', zh: '作风纪律', en: 'Conduct and discipline' },
  { key: 'service', zh: '服务群众', en: 'Service to residents' },
  { key: 'key_work', zh: '重点工作', en: 'Key work' },
] as const;

/** A category as the county lists it: a key, its name in words, and whether it is still offered. */
export const ProblemCategory = Type.Object({
  // The code's form (a-z, 0-9, _) is checked by the server, which refuses it in words.
  key: Type.String({ minLength: 1, maxLength: 40, description: 'a-z, 0-9, _', ...labelled('类别代码', 'Code') }),
  zh: Type.String({ minLength: 1, maxLength: 20, ...labelled('中文名称', 'Name (Chinese)') }),
  en: Type.String({ minLength: 1, maxLength: 60, ...labelled('英文名称', 'Name (English)') }),
  active: Type.Boolean({ ...labelled('是否启用', 'Active') }),
});
export type ProblemCategoryT = Static<typeof ProblemCategory>;
export const ProblemCategoryList = Type.Object({ items: Type.Array(ProblemCategory) });
/** The county's whole list at once (a category in use is kept, inactive, rather than removed). */
export const ProblemCategoriesPut = Body({
  items: Type.Array(ProblemCategory, { minItems: 1, maxItems: 30, ...labelled('问题类别', 'Categories') }),
});
export type ProblemCategoriesPutT = Static<typeof ProblemCategoriesPut>;

/** The rule defaults of the `problems` rule set. */
export const PROBLEM_RULE_DEFAULTS = {
  /** Days from the notice to the due date, per default category. */
  dueDays: { organization: 30, conduct: 30, service: 15, key_work: 60 },
  /** Days for a category the county added. */
  otherDueDays: 30,
  /** Days before the due date the responsible organization's secretary is reminded. */
  warnDays: 5,
  /** Months after closing that the follow-up check (回头看) falls due. */
  followUpMonths: 3,
};
export type ProblemRules = {
  dueDays: Record<'organization' | 'conduct' | 'service' | 'key_work', number>;
  otherDueDays: number;
  warnDays: number;
  followUpMonths: number;
};
export const PROBLEM_RULE_LABELS: Record<keyof ProblemRules, Labelled> = {
  dueDays: l('各类问题整改时限（天）', 'Days to fix, per category'),
  otherDueDays: l('其他类别整改时限（天）', 'Days to fix, other categories'),
  warnDays: l('到期前提醒（天）', 'Days of warning before the due date'),
  followUpMonths: l('销号后回头看（月）', 'Months after closing to follow up'),
};

/** What another module passes to `openProblem` (the server's `problems.service.ts`). */
export interface ProblemOpen {
  orgId: number;
  source: ProblemSource;
  sourceRef?: string | null;
  category: string;
  title: string;
  description?: string | null;
  photoIds?: number[];
  dueOn?: string | null;
}

const Title = () => Type.String({ minLength: 1, maxLength: 100, ...labelled('问题标题', 'Title') });
const Description = () => Type.String({ maxLength: 4000, ...labelled('问题描述', 'Description') });
const Person = () => Type.String({ minLength: 1, maxLength: 40, ...labelled('整改责任人', 'Responsible person') });
const CategoryKey = () => Type.String({ minLength: 1, maxLength: 40, ...labelled('问题类别', 'Category') });

/** A problem as a list shows it. */
export const ProblemItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  source: KeyOf(PROBLEM_SOURCES),
  sourceRef: Nullable(Type.String()),
  category: Type.String(),
  categoryName: Type.String({ description: "the category's name in Chinese" }),
  title: Type.String(),
  description: Nullable(Type.String()),
  status: KeyOf(PROBLEM_STATUSES),
  overdue: Type.Boolean(),
  foundOn: Type.String(),
  foundBy: Nullable(Type.String()),
  dueOn: Nullable(Type.String()),
  responsibleName: Nullable(Type.String()),
  responsibleMemberId: Nullable(Type.Integer()),
  noticeNo: Nullable(Type.String()),
  assignedOn: Nullable(Type.String()),
  claimedOn: Nullable(Type.String()),
  claimedBy: Nullable(Type.String()),
  closedOn: Nullable(Type.String()),
  verifiedBy: Nullable(Type.String()),
  followUpDue: Nullable(Type.String()),
  followedUpOn: Nullable(Type.String()),
  reopened: Type.Integer(),
  photos: Type.Integer(),
  ...Stamps,
});
export type ProblemItemT = Static<typeof ProblemItem>;

/** A measure of a problem's rectification (措施清单). */
export const ProblemMeasure = Type.Object({
  id: Type.Integer(),
  problemId: Type.Integer(),
  content: Type.String(),
  ownerName: Type.String(),
  ownerMemberId: Nullable(Type.Integer()),
  dueOn: Nullable(Type.String()),
  doneOn: Nullable(Type.String()),
  ...Stamps,
});
export type ProblemMeasureT = Static<typeof ProblemMeasure>;
export const ProblemMeasureList = ListOf(ProblemMeasure);

/** The record a problem came from, when the platform holds it (its web page's path). */
export const ProblemSourceLink = Type.Object({
  label: Type.String({ description: 'the kind of record in Chinese, e.g. 督查发现问题' }),
  path: Nullable(Type.String({ description: 'the web page of the record, e.g. /supervision/inspections/3' })),
});

/** One problem with its timeline, measures, photos, its source and the moves the caller may make now. */
export const ProblemDetail = Type.Composite([
  ProblemItem,
  Type.Object({
    claimNote: Nullable(Type.String()),
    rejectReason: Nullable(Type.String()),
    followUpResult: Nullable(Type.String()),
    sourceLink: Nullable(ProblemSourceLink),
    measures: Type.Array(ProblemMeasure),
    photoList: Type.Array(
      Type.Object({ id: Type.Integer(), mime: Type.String(), bytes: Type.Integer(), url: Type.String() }),
    ),
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
  }),
]);
export type ProblemDetailT = Static<typeof ProblemDetail>;
export const ProblemList = ListOf(ProblemItem);

export const ProblemListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(KeyOf(PROBLEM_STATUSES)),
  category: Type.Optional(CategoryKey()),
  source: Type.Optional(
    Type.Union(
      Object.keys(PROBLEM_SOURCES).map((k) => Type.Literal(k as ProblemSource)),
      labelled('问题来源', 'Source'),
    ),
  ),
  overdue: Type.Optional(Type.Boolean()),
  from: Type.Optional(DateString('found on or after')),
  to: Type.Optional(DateString('found on or before')),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type ProblemListQueryT = Static<typeof ProblemListQuery>;

/** A problem recorded by hand: a self-inspection, a complaint, or another source. */
export const ProblemCreate = Body({
  orgId: Id(),
  source: Type.Union(
    PROBLEM_MANUAL_SOURCES.map((s) => Type.Literal(s)),
    labelled('问题来源', 'Source'),
  ),
  category: CategoryKey(),
  title: Title(),
  description: Type.Optional(Nullable(Description())),
  foundOn: Type.Optional(Nullable(Day('发现日期', 'Found on'))),
  foundBy: Type.Optional(Nullable(Type.String({ maxLength: 40, ...labelled('发现人', 'Found by') }))),
  dueOn: Type.Optional(Nullable(Day('整改期限', 'Due on'))),
});
export type ProblemCreateT = Static<typeof ProblemCreate>;
export const ProblemPatch = Type.Partial(
  Type.Object({
    category: CategoryKey(),
    title: Title(),
    description: Nullable(Description()),
    foundOn: Day('发现日期', 'Found on'),
    foundBy: Nullable(Type.String({ maxLength: 40, ...labelled('发现人', 'Found by') })),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type ProblemPatchT = Static<typeof ProblemPatch>;

/** The notice (交办单): due date and responsible person; the number is given by the server. */
export const ProblemAssign = Body({
  dueOn: Type.Optional(Nullable(Day('整改期限', 'Due on'))),
  responsibleName: Person(),
  responsibleMemberId: Type.Optional(Nullable(RefId('整改责任人', 'Responsible person'))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500, ...labelled('交办意见', 'Instructions') }))),
});
export type ProblemAssignT = Static<typeof ProblemAssign>;
export const ProblemNote = Body({
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000, ...labelled('说明', 'Note') }))),
});
/** Rectification claimed: what was done (the measures and photos are recorded on the problem). */
export const ProblemClaim = Body({
  claimNote: Type.String({ minLength: 1, maxLength: 2000, ...labelled('整改情况', 'What was done') }),
});
export type ProblemClaimT = Static<typeof ProblemClaim>;
export const ProblemVerify = Body({
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000, ...labelled('验收意见', 'Verification note') }))),
});
export const ProblemReject = Body({
  reason: Type.String({ minLength: 1, maxLength: 1000, ...labelled('验收不通过原因', 'Why it fails') }),
  dueOn: Type.Optional(Nullable(Day('整改期限', 'Due on'))),
});
export type ProblemRejectT = Static<typeof ProblemReject>;
/** The follow-up check (回头看): it holds (stays closed) or reopens the problem with a new due date. */
export const ProblemFollowUp = Body({
  holds: Type.Boolean({ ...labelled('整改成效是否巩固', 'Does the fix hold') }),
  result: Type.String({ minLength: 1, maxLength: 1000, ...labelled('回头看情况', 'Follow-up findings') }),
  dueOn: Type.Optional(Nullable(Day('整改期限', 'Due on'))),
});
export type ProblemFollowUpT = Static<typeof ProblemFollowUp>;

export const MeasureCreate = Body({
  content: Type.String({ minLength: 1, maxLength: 1000, ...labelled('整改措施', 'Measure') }),
  ownerName: Type.String({ minLength: 1, maxLength: 40, ...labelled('措施责任人', 'Owner') }),
  ownerMemberId: Type.Optional(Nullable(RefId('措施责任人', 'Owner'))),
  dueOn: Type.Optional(Nullable(Day('完成时限', 'Due on'))),
  doneOn: Type.Optional(Nullable(Day('完成日期', 'Done on'))),
});
export type MeasureCreateT = Static<typeof MeasureCreate>;
export const MeasurePatch = Type.Partial(
  Type.Object({
    content: Type.String({ minLength: 1, maxLength: 1000, ...labelled('整改措施', 'Measure') }),
    ownerName: Type.String({ minLength: 1, maxLength: 40, ...labelled('措施责任人', 'Owner') }),
    ownerMemberId: Nullable(RefId('措施责任人', 'Owner')),
    dueOn: Nullable(Day('完成时限', 'Due on')),
    doneOn: Nullable(Day('完成日期', 'Done on')),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type MeasurePatchT = Static<typeof MeasurePatch>;
export const MeasureParams = Type.Object({ id: Id(), measureId: RefId('整改措施', 'Measure') });

/** The printable notice (交办单) of an assigned problem: what the web prints on an A4 page. */
export const ProblemNotice = Type.Object({
  id: Type.Integer(),
  noticeNo: Type.String(),
  issuerName: Type.String({ description: 'the organization that issues the notice' }),
  orgName: Type.String({ description: 'the organization responsible' }),
  title: Type.String(),
  description: Nullable(Type.String()),
  categoryName: Type.String(),
  sourceName: Type.String(),
  foundOn: Type.String(),
  assignedOn: Type.String(),
  dueOn: Nullable(Type.String()),
  responsibleName: Type.String(),
  instructions: Nullable(Type.String()),
  measures: Type.Array(
    Type.Object({ content: Type.String(), ownerName: Type.String(), dueOn: Nullable(Type.String()) }),
  ),
});
export type ProblemNoticeT = Static<typeof ProblemNotice>;

/** The three lists (问题清单、措施清单、责任清单) workbook's query. */
export const ProblemListsQuery = Type.Object({
  org: Type.Optional(Id()),
  from: Type.Optional(DateString('found on or after')),
  to: Type.Optional(DateString('found on or before')),
});
export type ProblemListsQueryT = Static<typeof ProblemListsQuery>;

/** A problem opened from an overdue development step (source `development`). */
export const ProblemFromDevelopment = Body({
  candidateId: RefId('发展对象', 'Candidate'),
  category: Type.Optional(CategoryKey()),
});

/**
 * The flow of a problem. Found (by hand or from its source) → assigned with a notice (交办单: number, due date,
 * responsible person) → rectifying (optional) → claimed with what was done → verified and closed (销号) by a
 * user of the same level or above who is not the one who claimed the fix; a failed verification sends it back
 * to assigned with a reason. After closing, the follow-up check (回头看) holds it or reopens it.
 */
export const PROBLEM_FLOW = defineFlowSpec({
  entityType: 'problem',
  label: { zh: '问题整改', en: 'Problem' },
  states: PROBLEM_STATUSES,
  actions: {
    open: moveSpec('登记问题', 'Record', 'found', { from: [], to: 'found', by: ['problems.write'] }),
    assign: moveSpec('交办', 'Assign', 'assigned', {
      from: ['found'],
      to: 'assigned',
      by: ['problems.verify'],
      required: ['responsibleName', 'dueOn'],
    }),
    start: moveSpec('开始整改', 'Start', 'started', { from: ['assigned'], to: 'rectifying', by: ['problems.write'] }),
    claim: moveSpec('报整改完成', 'Claim the fix', 'claimed', {
      from: ['assigned', 'rectifying'],
      to: 'claimed',
      by: ['problems.write'],
      required: ['claimNote'],
    }),
    verify: moveSpec('验收销号', 'Verify and close', 'verified', {
      from: ['claimed'],
      to: 'closed',
      by: ['problems.verify'],
      notBy: { zh: '报整改完成的人和整改责任人不能验收', en: 'Not the one who claimed or made the fix' },
    }),
    reject: moveSpec('验收不通过', 'Fail verification', 'rejected', {
      from: ['claimed'],
      to: 'assigned',
      by: ['problems.verify'],
      required: ['reason'],
      notBy: { zh: '报整改完成的人和整改责任人不能验收', en: 'Not the one who claimed or made the fix' },
    }),
    followUp: moveSpec('回头看：成效巩固', 'Follow-up: it holds', 'followed_up', {
      from: ['closed'],
      to: 'closed',
      by: ['problems.verify'],
      required: ['result'],
    }),
    reopen: moveSpec('回头看：重新整改', 'Follow-up: reopen', 'reopened', {
      from: ['closed'],
      to: 'assigned',
      by: ['problems.verify'],
      required: ['result', 'dueOn'],
    }),
  },
});
export type ProblemAction = keyof typeof PROBLEM_FLOW.actions;
