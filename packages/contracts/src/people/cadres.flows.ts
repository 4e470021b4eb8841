/** The cadres module's filings with the county (备案) and joint reviews (联审): schemas and flow specs. */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';
import {
  CADRE_COMMITTEES,
  CADRE_POST_CODES,
  FILING_STATUSES,
  REVIEW_STATUSES,
  REVIEW_UNITS,
  REVIEW_VERDICTS,
} from './cadres.enums.js';
import { Choice, Day, RefId, Term, Words, Words1 } from './cadres.fields.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** A new party secretary's filing with the county (备案). */
export const CadreFilingItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  townshipId: Nullable(Type.Integer()),
  townshipName: Nullable(Type.String()),
  cadreId: Type.Integer(),
  cadreName: Type.String(),
  term: Type.Integer(),
  appointedOn: Type.String(),
  status: KeyOf(FILING_STATUSES),
  filedOn: Type.String(),
  acknowledgedOn: Nullable(Type.String()),
  returnReason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  ...Stamps,
});
export type CadreFilingItemT = Static<typeof CadreFilingItem>;
export const CadreFilingDetail = Type.Composite([
  CadreFilingItem,
  Type.Object({ events: Type.Array(TimelineEvent), actions: AllowedActions }),
]);
export type CadreFilingDetailT = Static<typeof CadreFilingDetail>;
export const CadreFilingList = ListOf(CadreFilingItem);
export const CadreFilingListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40, ...labelled('姓名', 'Name') })),
  status: Type.Optional(Choice(FILING_STATUSES, '备案状态', 'Filing state')),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') })),
  term: Type.Optional(Term()),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type CadreFilingListQueryT = Static<typeof CadreFilingListQuery>;
/** The township files a new secretary (a person of its village) with the county. */
export const CadreFilingCreate = Body({
  cadreId: RefId('村（社区）党组织书记', 'Secretary'),
  term: Term(),
  appointedOn: Day('任职日期', 'Appointed on'),
  note: Type.Optional(Nullable(Words(500, '备注', 'Note'))),
});
export type CadreFilingCreateT = Static<typeof CadreFilingCreate>;
export const CadreFilingNote = Body({ note: Type.Optional(Nullable(Words(500, '说明', 'Note'))) });
export const CadreFilingReturn = Body({ reason: Words1(500, '退回原因', 'Reason') });

/** The filing flow: the township files; the county acknowledges or returns with a reason; a returned one is refiled. */
export const CADRE_FILING_FLOW = defineFlowSpec({
  entityType: 'cadre_filing',
  label: l('村党组织书记备案', "A secretary's filing"),
  states: FILING_STATUSES,
  actions: {
    file: moveSpec('报县委组织部备案', 'File with the county', 'filed', {
      from: [],
      to: 'filed',
      by: ['cadres.file'],
    }),
    acknowledge: moveSpec('确认备案', 'Acknowledge', 'acknowledged', {
      from: ['filed'],
      to: 'acknowledged',
      by: ['cadres.acknowledge'],
    }),
    return: moveSpec('退回', 'Return', 'returned', {
      from: ['filed'],
      to: 'returned',
      by: ['cadres.acknowledge'],
      required: ['reason'],
    }),
    refile: moveSpec('重新报备', 'File again', 'refiled', { from: ['returned'], to: 'filed', by: ['cadres.file'] }),
  },
});
export type CadreFilingAction = keyof typeof CADRE_FILING_FLOW.actions;

/** One unit's opinion on a candidate. */
export const ReviewOpinion = Type.Object({
  unit: KeyOf(REVIEW_UNITS),
  verdict: Nullable(KeyOf(REVIEW_VERDICTS)),
  reason: Nullable(Type.String()),
  on: Nullable(Type.String()),
});
/** A candidate's joint review before appointment (联审). */
export const CadreReviewItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  townshipId: Nullable(Type.Integer()),
  townshipName: Nullable(Type.String()),
  cadreId: Type.Integer(),
  cadreName: Type.String(),
  term: Type.Integer(),
  committee: KeyOf(CADRE_COMMITTEES),
  post: KeyOf(CADRE_POST_CODES),
  status: KeyOf(REVIEW_STATUSES),
  units: Type.Array(KeyOf(REVIEW_UNITS)),
  cleared: Type.Integer({ description: 'units that cleared' }),
  stoppedBy: Type.Array(KeyOf(REVIEW_UNITS)),
  note: Nullable(Type.String()),
  ...Stamps,
});
export type CadreReviewItemT = Static<typeof CadreReviewItem>;
export const CadreReviewDetail = Type.Composite([
  CadreReviewItem,
  Type.Object({
    opinions: Type.Array(ReviewOpinion),
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
  }),
]);
export type CadreReviewDetailT = Static<typeof CadreReviewDetail>;
export const CadreReviewList = ListOf(CadreReviewItem);
export const CadreReviewListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40, ...labelled('姓名', 'Name') })),
  status: Type.Optional(Choice(REVIEW_STATUSES, '联审状态', 'Review state')),
  term: Type.Optional(Term()),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type CadreReviewListQueryT = Static<typeof CadreReviewListQuery>;
/** The township puts a candidate (a person of its village) to the joint review. */
export const CadreReviewCreate = Body({
  cadreId: RefId('人选', 'Candidate'),
  term: Term(),
  committee: Choice(CADRE_COMMITTEES, '班子', 'Committee'),
  post: Choice(CADRE_POST_CODES, '拟任职务', 'Proposed post'),
  units: Type.Optional(
    Type.Array(Choice(REVIEW_UNITS, '联审单位', 'Unit'), {
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
      ...labelled('联审单位', 'Units'),
    }),
  ),
  note: Type.Optional(Nullable(Words(500, '备注', 'Note'))),
});
export type CadreReviewCreateT = Static<typeof CadreReviewCreate>;
/** A unit's opinion: clear, or stop with a reason. */
export const CadreReviewOpinionBody = Body({
  unit: Choice(REVIEW_UNITS, '联审单位', 'Unit'),
  reason: Type.Optional(Nullable(Words(500, '意见说明', 'Reason'))),
});
export type CadreReviewOpinionBodyT = Static<typeof CadreReviewOpinionBody>;

/**
 * The joint review: opened by the township; each unit clears (the review stays under review until the last one
 * clears) or stops it with a reason (one stop stops the candidate).
 */
export const CADRE_REVIEW_FLOW = defineFlowSpec({
  entityType: 'cadre_review',
  label: l('村干部人选联审', "A candidate's joint review"),
  states: REVIEW_STATUSES,
  actions: {
    open: moveSpec('提请联审', 'Open the review', 'opened', { from: [], to: 'reviewing', by: ['cadres.write'] }),
    clear: moveSpec('联审单位无异议', 'A unit clears', 'unit_cleared', {
      from: ['reviewing'],
      to: ['reviewing', 'cleared'],
      by: ['cadres.review'],
      required: ['unit'],
    }),
    stop: moveSpec('联审单位否决', 'A unit stops', 'unit_stopped', {
      from: ['reviewing'],
      to: 'stopped',
      by: ['cadres.review'],
      required: ['unit', 'reason'],
    }),
  },
});
export type CadreReviewAction = keyof typeof CADRE_REVIEW_FLOW.actions;

/** `cadres.committees` and `cadres.filings` figures: their queries. */
export const CadreFilingsSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') }),
});
export const CadreFilingsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  filed: Type.Integer({ description: 'filings made in the year' }),
  acknowledged: Type.Integer(),
  returned: Type.Integer(),
  waiting: Type.Integer({ description: 'filed, not yet acknowledged or returned' }),
});
export type CadreFilingsSummaryT = Static<typeof CadreFilingsSummary>;
