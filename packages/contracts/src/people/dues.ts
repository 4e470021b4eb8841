/**
 * The dues module's contracts (area people): party dues (党费) — categories and their rules versioned by month,
 * members' dues profiles, monthly bills, payments with the review of back payments, the six-month flag, figures.
 * Money crosses the API in 元 as a number with two decimals; the server stores integer fen (分).
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
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
  VERBATIM,
} from '../core/schemas.js';
import { defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';
import { MonthString } from './dues.rules.js';

export * from './dues.rules.js';

export const DUES_MODULE = 'dues' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** The dues categories of the national rules (党费收缴标准的人员类别). */
export const DUES_CATEGORIES = {
  employed: l('在职党员', 'Employed'),
  retired: l('离退休党员', 'Retired'),
  farmer: l('农民党员', 'Farmer'),
  student: l('学生党员', 'Student'),
  unemployed: l('下岗失业党员', 'Unemployed'),
  subsistence: l('享受低保党员', 'On subsistence allowance (低保)'),
} as const satisfies Record<string, Labelled>;
export type DuesCategory = keyof typeof DUES_CATEGORIES;

/** A bill's state: nothing paid, part paid, settled, or exempt (免交). */
export const DUES_BILL_STATUSES = {
  due: l('未缴', 'Due'),
  partial: l('部分缴纳', 'Partly paid'),
  paid: l('已缴清', 'Paid'),
  exempt: l('免交', 'Exempt'),
} as const satisfies Record<string, Labelled>;
export type DuesBillStatus = keyof typeof DUES_BILL_STATUSES;

/** How a payment was made. */
export const DUES_PAYMENT_METHODS = {
  cash: l('现金', 'Cash'),
  transfer: l('银行转账', 'Bank transfer'),
  online: l('线上缴纳', 'Online'),
} as const satisfies Record<string, Labelled>;
export type DuesPaymentMethod = keyof typeof DUES_PAYMENT_METHODS;

/**
 * A payment's state: a payment for the current month counts at once (`recorded`); a back payment (补交, for an
 * earlier month) waits for the township's review and counts only once approved.
 */
export const DUES_PAYMENT_STATUSES = {
  recorded: l('已登记', 'Recorded'),
  pending: l('补交待审核', 'Back payment awaiting review'),
  approved: l('补交已通过', 'Back payment approved'),
  refused: l('补交已退回', 'Back payment refused'),
} as const satisfies Record<string, Labelled>;
export type DuesPaymentStatus = keyof typeof DUES_PAYMENT_STATUSES;

/** The payment states whose amount counts as paid on its bills. */
export const DUES_COUNTED_PAYMENT_STATUSES: readonly DuesPaymentStatus[] = ['recorded', 'approved'];

/** The review of a back payment: the township (or county) approves or refuses it with a reason. */
export const DUES_PAYMENT_FLOW = defineFlowSpec({
  entityType: 'dues_payment',
  label: l('党费补交审核', 'Back payment review'),
  states: DUES_PAYMENT_STATUSES,
  actions: {
    approve: moveSpec('审核通过', 'Approve', 'approved', { from: ['pending'], to: 'approved', by: ['dues.review'] }),
    refuse: moveSpec('退回', 'Refuse', 'refused', {
      from: ['pending'],
      to: 'refused',
      by: ['dues.review'],
      required: ['note'],
    }),
  },
});

// ---- quote ----
export const DuesQuoteQuery = Type.Object({
  category: KeyOf(DUES_CATEGORIES),
  monthlyIncome: Type.Optional(
    Type.Number({ minimum: 0, maximum: 10_000_000, ...labelled('月收入（元）', 'Monthly income (元)') }),
  ),
  month: Type.Optional(MonthString('default: this month')),
});
export type DuesQuoteQueryT = Static<typeof DuesQuoteQuery>;
export const DuesQuote = Type.Object({
  amount: Type.Number({ description: '元, two decimals' }),
  ruleVersion: Type.Integer(),
});
export type DuesQuoteT = Static<typeof DuesQuote>;

// ---- profiles ----
/** A member's dues profile; `monthlyIncome` is personal data, null for who may not see it. */
export const DuesProfile = Type.Object({
  memberId: Type.Integer(),
  memberName: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  category: Nullable(KeyOf(DUES_CATEGORIES, 'null: not set, and none follows from the member record')),
  categorySet: Type.Boolean({ description: 'false: the category follows from the member record' }),
  monthlyIncome: Nullable(Type.Number({ description: '元 after tax; personal' })),
  fixedAmount: Nullable(Type.Number({ description: "元, a fixed category's amount chosen by the branch" })),
  exempt: Type.Boolean(),
  exemptReason: Nullable(Type.String()),
  monthlyDues: Nullable(Type.Number({ description: '元, this month’s dues; null when the profile is incomplete' })),
  arrearsReason: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
});
export type DuesProfileT = Static<typeof DuesProfile>;
export const DuesProfileList = ListOf(DuesProfile);
export const DuesProfileQuery = ListQuery({
  category: Type.Optional(KeyOf(DUES_CATEGORIES)),
  unset: Type.Optional(Type.Boolean({ ...labelled('未设置', 'Not set'), description: 'only members without one' })),
});
export type DuesProfileQueryT = Static<typeof DuesProfileQuery>;
export const DuesProfileSet = Body({
  category: KeyOf(DUES_CATEGORIES),
  monthlyIncome: Type.Optional(
    Nullable(Type.Number({ minimum: 0, maximum: 10_000_000, ...labelled('月收入（元）', 'Monthly income (元)') })),
  ),
  fixedAmount: Type.Optional(
    Nullable(Type.Number({ minimum: 0, maximum: 1000, ...labelled('固定金额（元）', 'Fixed amount (元)') })),
  ),
  exempt: Type.Optional(Type.Boolean(labelled('免交', 'Exempt'))),
  exemptReason: Type.Optional(
    Nullable(Type.String({ maxLength: 200, ...labelled('免交原因', 'Reason for exemption') })),
  ),
});
export type DuesProfileSetT = Static<typeof DuesProfileSet>;
export const MemberIdParams = Type.Object({ memberId: Id() });

// ---- bills ----
export const DuesBill = Type.Object({
  ...OrgRecord,
  memberId: Type.Integer(),
  memberName: Type.String(),
  month: Type.String({ description: 'YYYY-MM' }),
  category: KeyOf(DUES_CATEGORIES),
  base: Nullable(Type.Number({ description: '元, the income billed on; personal, null for who may not see it' })),
  amount: Type.Number({ description: '元' }),
  paid: Type.Number({ description: '元, counted payments' }),
  outstanding: Type.Number({ description: '元' }),
  ruleVersion: Type.Integer(),
  status: KeyOf(DUES_BILL_STATUSES),
  ...Stamps,
});
export type DuesBillT = Static<typeof DuesBill>;
export const DuesBillList = ListOf(DuesBill);
export const DuesBillQuery = ListQuery({
  month: Type.Optional(MonthString()),
  from: Type.Optional(MonthString('first month')),
  to: Type.Optional(MonthString('last month')),
  status: Type.Optional(KeyOf(DUES_BILL_STATUSES)),
  memberId: Type.Optional(Id()),
  unpaid: Type.Optional(Type.Boolean({ ...labelled('未缴清', 'Not settled'), description: 'due or partly paid' })),
});
export type DuesBillQueryT = Static<typeof DuesBillQuery>;
export const DuesGenerate = Body({
  orgId: Id(),
  month: MonthString('not later than this month'),
});
export type DuesGenerateT = Static<typeof DuesGenerate>;
export const DuesGenerated = Type.Object({
  month: Type.String(),
  created: Type.Integer(),
  existing: Type.Integer(),
  missingProfile: Type.Integer({ description: 'members not billed: no category, or no income for a rate category' }),
});

// ---- payments ----
export const DuesPaymentBill = Type.Object({ billId: Type.Integer(), month: Type.String(), amount: Type.Number() });
export const DuesPayment = Type.Object({
  ...OrgRecord,
  memberId: Type.Integer(),
  memberName: Type.String(),
  paidOn: Type.String(),
  amount: Type.Number({ description: '元' }),
  method: KeyOf(DUES_PAYMENT_METHODS),
  reference: Nullable(Type.String()),
  note: Nullable(Type.String()),
  status: KeyOf(DUES_PAYMENT_STATUSES),
  backPayment: Type.Boolean({ description: '补交: pays a month before the month it was paid in' }),
  bills: Type.Array(DuesPaymentBill),
  recordedByName: Nullable(Type.String()),
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  reviewNote: Nullable(Type.String()),
  actions: Type.Array(Type.String(), { description: 'the review moves the caller may make now' }),
  ...Stamps,
});
export type DuesPaymentT = Static<typeof DuesPayment>;
/** A payment with its timeline (recorded, approved or refused, deleted, restored). */
export const DuesPaymentDetail = Type.Composite([DuesPayment, Type.Object({ events: Type.Array(TimelineEvent) })]);
export type DuesPaymentDetailT = Static<typeof DuesPaymentDetail>;
export const DuesPaymentList = ListOf(DuesPayment);
export const DuesPaymentQuery = ListQuery({
  status: Type.Optional(KeyOf(DUES_PAYMENT_STATUSES)),
  method: Type.Optional(KeyOf(DUES_PAYMENT_METHODS)),
  memberId: Type.Optional(Id()),
  backPayment: Type.Optional(Type.Boolean(labelled('补交', 'Back payment'))),
  from: Type.Optional(DateString('paid on or after')),
  to: Type.Optional(DateString('paid on or before')),
  deleted: Type.Optional(Type.Boolean()),
});
export type DuesPaymentQueryT = Static<typeof DuesPaymentQuery>;
export const DuesPaymentCreate = Body({
  memberId: Id(),
  billIds: Type.Array(Id(), { minItems: 1, maxItems: 36, uniqueItems: true, ...labelled('账单', 'Bills') }),
  paidOn: Type.String({
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    format: 'date',
    description: 'not in the future',
    ...labelled('缴纳日期', 'Paid on'),
  }),
  amount: Type.Number({ minimum: 0.01, maximum: 1_000_000, ...labelled('缴纳金额（元）', 'Amount (元)') }),
  method: KeyOf(DUES_PAYMENT_METHODS),
  reference: Type.Optional(Nullable(Type.String({ maxLength: 60, ...VERBATIM, ...labelled('交易单号', 'Reference') }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});
export type DuesPaymentCreateT = Static<typeof DuesPaymentCreate>;
export const DuesReviewBody = Body({ note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) });
export type DuesReviewBodyT = Static<typeof DuesReviewBody>;

// ---- the six-month flag ----
/** A member who paid nothing for the last six complete months, without a recorded reason. */
export const DuesFlag = Type.Object({
  memberId: Type.Integer(),
  memberName: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  unpaidMonths: Type.Integer({ description: 'consecutive complete months with nothing paid, up to last month' }),
  since: Type.String({ description: 'YYYY-MM, the first of them' }),
  owed: Type.Number({ description: '元, outstanding on those bills' }),
  reason: Nullable(Type.String({ description: 'recorded reason (the member is then not flagged)' })),
});
export type DuesFlagT = Static<typeof DuesFlag>;
export const DuesFlagList = ListOf(DuesFlag);
export const DuesFlagQuery = ListQuery({
  withReason: Type.Optional(
    Type.Boolean({ ...labelled('含已说明原因', 'Include explained'), description: 'also those with a reason' }),
  ),
});
export type DuesFlagQueryT = Static<typeof DuesFlagQuery>;
export const DuesReasonBody = Body({
  reason: Type.String({ minLength: 1, maxLength: 500, ...labelled('未缴原因', 'Reason for not paying') }),
});
export type DuesReasonBodyT = Static<typeof DuesReasonBody>;
/** Months in a row with nothing paid after which a member is flagged (six-month rule, 党章第三十八条). */
export const DUES_FLAG_MONTHS = 6;

// ---- the member's own bills ----
export const DuesMineBill = Type.Object({
  id: Type.Integer(),
  month: Type.String(),
  category: KeyOf(DUES_CATEGORIES),
  amount: Type.Number(),
  paid: Type.Number(),
  outstanding: Type.Number(),
  status: KeyOf(DUES_BILL_STATUSES),
  ruleVersion: Type.Integer(),
  pending: Type.Number({ description: '元 of back payments awaiting review' }),
});
export type DuesMineBillT = Static<typeof DuesMineBill>;
export const DuesMine = Type.Object({
  items: Type.Array(DuesMineBill),
  total: Type.Integer(),
  owed: Type.Number({ description: '元 outstanding over all its bills' }),
  orgName: Nullable(Type.String()),
  category: Nullable(KeyOf(DUES_CATEGORIES)),
});
export type DuesMineT = Static<typeof DuesMine>;
export const DuesMineQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 24 })),
});

// ---- figures ----
/** One line of the collection figures: an organization (or the whole subtree) and a month (or the period). */
export const DuesCollectionRow = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  month: Nullable(Type.String({ description: 'YYYY-MM; null on a line of the whole period' })),
  bills: Type.Integer(),
  due: Type.Number({ description: '元 billed (exempt bills count 0)' }),
  paid: Type.Number({ description: '元 counted' }),
  rate: Nullable(Type.Number({ description: 'paid / due, 0–1, 4 decimals; null when nothing is due' })),
  arrears: Type.Number({ description: '元 outstanding' }),
  unpaidBills: Type.Integer(),
});
export type DuesCollectionRowT = Static<typeof DuesCollectionRow>;
export const DuesCollection = Type.Object({
  period: Type.String({ description: 'YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY' }),
  total: DuesCollectionRow,
  byOrg: Type.Array(DuesCollectionRow),
  byMonth: Type.Array(DuesCollectionRow),
});
export type DuesCollectionT = Static<typeof DuesCollection>;
export const DuesCollectionQuery = Type.Object({
  org: Type.Optional(Id()),
  period: Type.String({
    pattern: '^\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$',
    description: 'YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY',
  }),
});
export type DuesCollectionQueryT = Static<typeof DuesCollectionQuery>;
