/** API schemas of visits (走访), requests (民情诉求) with their cards and escalation, and the three evaluations (三评). */
import { Type, type Static } from '@sinclair/typebox';
import {
  DateString,
  Id,
  KeyOf,
  ListOf,
  Nullable,
  Paging,
  VERBATIM,
  Body,
  Stamps,
  ListQuery,
  Text,
  OrgRecord,
} from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';
import {
  EVALUATION_GRADES,
  EVALUATION_KINDS,
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_LEVELS,
  REQUEST_STATUSES,
  SATISFACTION,
} from './residents.js';

// ---- visits ----
export const Visit = Type.Object({
  ...OrgRecord,
  householdId: Type.Integer(),
  householdHead: Type.String(),
  householdAddress: Type.String(),
  visitorMemberId: Type.Integer(),
  visitorName: Type.String(),
  visitedOn: Type.String(),
  found: Type.String(),
  promised: Nullable(Type.String()),
  requestId: Nullable(Type.Integer()),
  photos: Type.Integer(),
  ...Stamps,
});
export type VisitT = Static<typeof Visit>;
export const VisitList = ListOf(Visit);
export const VisitListQuery = ListQuery({
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
  visitor: Type.Optional(Id()),
  deleted: Type.Optional(Type.Boolean()),
});
export type VisitListQueryT = Static<typeof VisitListQuery>;
/** A request raised during a visit (channel outreach, accepted by the household's organization). */
export const VisitRequestInput = Body({
  category: KeyOf(REQUEST_CATEGORIES),
  level: KeyOf(REQUEST_LEVELS),
  description: Text(2000),
  result: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export const VisitCreate = Body({
  householdId: Type.Integer(),
  visitorMemberId: Type.Integer(),
  visitedOn: DateString('走访日期'),
  found: Text(2000),
  promised: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  request: Type.Optional(VisitRequestInput),
});
export type VisitCreateT = Static<typeof VisitCreate>;
export const VisitPatch = Type.Partial(
  Type.Object({
    visitorMemberId: Type.Integer(),
    visitedOn: DateString(),
    found: Text(2000),
    promised: Nullable(Type.String({ maxLength: 2000 })),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type VisitPatchT = Static<typeof VisitPatch>;
export const VisitQuotaQuery = Type.Object({
  org: Type.Optional(Id()),
  week: Type.Optional(Type.String({ pattern: '^\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])$', description: 'ISO week YYYY-Www' })),
  quarter: Type.Optional(Type.String({ pattern: '^\\d{4}-Q[1-4]$', description: 'YYYY-Qn' })),
});
export const VisitQuotas = Type.Object({
  quarter: Type.String(),
  quarterFrom: Type.String(),
  quarterTo: Type.String(),
  villages: Type.Integer(),
  villagesVisited: Type.Integer(),
  villagesShort: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), visits: Type.Integer() })),
  week: Type.String(),
  weekFrom: Type.String(),
  weekTo: Type.String(),
  cadres: Type.Integer(),
  cadresShort: Type.Array(
    Type.Object({
      memberId: Type.Integer(),
      name: Type.String(),
      orgName: Type.String(),
      days: Type.Integer(),
      households: Type.Integer(),
    }),
  ),
  rules: Type.Object({
    villageVisitsPerQuarter: Type.Integer(),
    cadreVisitDaysPerWeek: Type.Integer(),
    cadreVisitHouseholdsPerWeek: Type.Integer(),
  }),
});
export type VisitQuotasT = Static<typeof VisitQuotas>;

// ---- requests ----
export const RequestItem = Type.Object({
  ...OrgRecord,
  requestNo: Type.String({ description: '受理编号 acceptance number YYYY-NNNNN, unique per county and year' }),
  originOrgId: Type.Integer(),
  originOrgName: Type.String(),
  householdId: Nullable(Type.Integer()),
  householdHead: Nullable(Type.String({ description: "the household's head, when a household is named" })),
  residentName: Nullable(Type.String({ description: 'null = anonymous' })),
  phone: Nullable(Type.String({ description: 'masked unless revealed' })),
  channel: KeyOf(REQUEST_CHANNELS),
  category: KeyOf(REQUEST_CATEGORIES),
  description: Type.String(),
  level: KeyOf(REQUEST_LEVELS),
  status: KeyOf(REQUEST_STATUSES),
  overdue: Type.Boolean(),
  acceptedAt: Type.String(),
  dueAt: Nullable(Type.String()),
  ownerMemberId: Nullable(Type.Integer()),
  ownerName: Nullable(Type.String()),
  department: Nullable(Type.String()),
  escalations: Type.Integer(),
  escalatedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  result: Nullable(Type.String()),
  rating: Nullable(KeyOf(SATISFACTION)),
  ratedAt: Nullable(Type.String()),
  reopened: Type.Integer(),
  ...Stamps,
});
export type RequestItemT = Static<typeof RequestItem>;
export const RequestEvent = TimelineEvent;
export const RequestDetail = Type.Composite([
  RequestItem,
  Type.Object({ events: Type.Array(RequestEvent), actions: AllowedActions }),
]);
export type RequestDetailT = Static<typeof RequestDetail>;
export const RequestList = ListOf(RequestItem);
export const RequestListQuery = Type.Object({
  org: Type.Optional(Id()),
  view: Type.Optional(
    Type.Union([Type.Literal('handling'), Type.Literal('accepted')], {
      description: 'handling (default): by the organization handling it now; accepted: by the one that accepted it',
    }),
  ),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(KeyOf(REQUEST_STATUSES)),
  overdue: Type.Optional(Type.Boolean()),
  level: Type.Optional(KeyOf(REQUEST_LEVELS)),
  channel: Type.Optional(KeyOf(REQUEST_CHANNELS)),
  category: Type.Optional(KeyOf(REQUEST_CATEGORIES)),
  from: Type.Optional(DateString('accepted on or after')),
  to: Type.Optional(DateString('accepted on or before')),
  rating: Type.Optional(KeyOf(SATISFACTION)),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type RequestListQueryT = Static<typeof RequestListQuery>;
export const RequestCreate = Body({
  orgId: Type.Integer(),
  channel: KeyOf(REQUEST_CHANNELS),
  category: KeyOf(REQUEST_CATEGORIES),
  description: Text(2000),
  level: KeyOf(REQUEST_LEVELS),
  householdId: Type.Optional(Nullable(Type.Integer())),
  residentName: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM }))),
  ownerMemberId: Type.Optional(Nullable(Type.Integer())),
  ownerName: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  result: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  acceptedAt: Type.Optional(
    Nullable(Type.String({ format: 'date-time', description: 'for a paper record entered later; not in the future' })),
  ),
});
export type RequestCreateT = Static<typeof RequestCreate>;
export const RequestAssign = Body({
  ownerMemberId: Type.Optional(Nullable(Type.Integer())),
  ownerName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
});
export type RequestAssignT = Static<typeof RequestAssign>;
export const RequestTransfer = Body({
  toOrgId: Type.Optional(Nullable(Type.Integer())),
  department: Type.Optional(Nullable(Type.String({ maxLength: 80 }))),
  note: Type.String({ maxLength: 500 }),
});
export type RequestTransferT = Static<typeof RequestTransfer>;
export const RequestNote = Body({ note: Text(2000) });
export const RequestClose = Body({ result: Text(2000) });
export const RequestRate = Body({ rating: KeyOf(SATISFACTION) });
export const RequestCardQuery = Type.Object({
  type: Type.Union([Type.Literal('commitment'), Type.Literal('feedback')]),
});
export const RequestRevealBody = Type.Object({
  fields: Type.Array(Type.Literal('phone'), { minItems: 1, maxItems: 1 }),
});
export const EscalationResult = Type.Object({ escalated: Type.Integer(), notified: Type.Integer() });

// ---- evaluations ----
export const Evaluation = Type.Object({
  ...OrgRecord,
  kind: KeyOf(EVALUATION_KINDS),
  period: Type.String(),
  grade: Nullable(KeyOf(EVALUATION_GRADES)),
  satisfied: Nullable(Type.Integer()),
  fairlySatisfied: Nullable(Type.Integer()),
  dissatisfied: Nullable(Type.Integer()),
  comments: Nullable(Type.String()),
  evaluatorName: Type.String(),
  ...Stamps,
});
export type EvaluationT = Static<typeof Evaluation>;
export const EvaluationList = ListOf(Evaluation);
export const EvaluationListQuery = Type.Object({
  org: Type.Optional(Id()),
  kind: Type.Optional(KeyOf(EVALUATION_KINDS)),
  period: Type.Optional(Type.String({ maxLength: 10 })),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type EvaluationListQueryT = Static<typeof EvaluationListQuery>;
const Count = Type.Optional(Nullable(Type.Integer({ minimum: 0 })));
export const EvaluationCreate = Body({
  orgId: Type.Integer(),
  kind: KeyOf(EVALUATION_KINDS),
  period: Type.String({
    maxLength: 10,
    description: 'monthly_review YYYY-MM, half_year_residents YYYY-H1|H2, year_end_org YYYY',
  }),
  grade: Type.Optional(Nullable(KeyOf(EVALUATION_GRADES))),
  satisfied: Count,
  fairlySatisfied: Count,
  dissatisfied: Count,
  comments: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  evaluatorName: Text(40),
});
export type EvaluationCreateT = Static<typeof EvaluationCreate>;
export const EvaluationSuggestQuery = Type.Object({
  org: Type.Optional(Id()),
  kind: Type.Optional(KeyOf(EVALUATION_KINDS)),
  period: Type.String({ maxLength: 10 }),
});
export const EvaluationSuggestion = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  kind: KeyOf(EVALUATION_KINDS),
  period: Type.String(),
  from: Type.String(),
  to: Type.String(),
  closed: Type.Integer(),
  rated: Type.Integer(),
  satisfied: Type.Integer(),
  fairlySatisfied: Type.Integer(),
  dissatisfied: Type.Integer(),
});

/**
 * The flow of a request (三级联动): accepted (open, or closed at once on the spot), handled (assign, progress,
 * transfer; escalated by the daily job past its deadline), closed with its result, rated by the resident;
 * 不满意 within the reopen limit reopens it with a new deadline.
 */
export const REQUEST_FLOW = defineFlowSpec({
  entityType: 'request',
  label: { zh: '民情诉求', en: 'Request' },
  states: REQUEST_STATUSES,
  actions: {
    accept: moveSpec('受理', 'Accept', 'accepted', {
      from: [],
      to: ['open', 'closed'],
      by: ['residents.write'],
      required: ['description'],
    }),
    assign: moveSpec('指定承办人', 'Assign', 'assigned', {
      from: ['open', 'reopened'],
      to: null,
      by: ['residents.write'],
      required: ['ownerName'],
    }),
    progress: moveSpec('记录进展', 'Record progress', 'progress', {
      from: ['open', 'reopened'],
      to: null,
      by: ['residents.write'],
      required: ['note'],
    }),
    transfer: moveSpec('转办', 'Transfer', 'transferred', {
      from: ['open', 'reopened'],
      to: null,
      by: ['residents.write'],
    }),
    escalate: moveSpec('逾期上报', 'Escalate', 'escalated', { from: ['open', 'reopened'], to: null, by: ['system'] }),
    close: moveSpec('办结', 'Close', 'closed', {
      from: ['open', 'reopened'],
      to: 'closed',
      by: ['residents.write'],
      required: ['result'],
    }),
    rate: moveSpec('群众评价', 'Rate', 'rated', {
      from: ['closed'],
      to: null,
      by: ['residents.write', 'resident'],
      required: ['rating'],
      notBy: { zh: '每次办结只评价一次', en: 'Once per closing' },
    }),
    reopen: moveSpec('重新办理', 'Reopen', 'reopened', { from: ['closed'], to: 'reopened', by: ['system'] }),
  },
});
