/**
 * The transfers module's contracts (area people): transfers of membership (组织关系转接) within the platform
 * (both sides act), out of it (a printed introduction letter and its return slip) and into it from outside; the
 * flow spec, the answers and bodies, and the national system's Excel columns.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { GENDERS, MEMBER_STATUSES } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, DateString, Id, KeyOf, ListOf, Nullable, Paging, Stamps, Text, VERBATIM } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const TRANSFERS_MODULE = 'transfers' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Kinds of transfer: within the platform, out to an organization outside it, in from one outside it. */
export const TRANSFER_KINDS = {
  internal: l('系统内转接', 'Within the platform'),
  outgoing: l('转出到系统外', 'Out of the platform'),
  incoming: l('从系统外转入', 'Into the platform'),
} as const satisfies Record<string, Labelled>;
export type TransferKind = keyof typeof TRANSFER_KINDS;

/** States of a transfer. */
export const TRANSFER_STATUSES = {
  applied: l('待审批', 'Awaiting approval'),
  issued: l('已开介绍信，待接收', 'Letter issued, awaiting receipt'),
  accepted: l('已接收', 'Received'),
  returned: l('已退回', 'Sent back'),
  withdrawn: l('已撤回', 'Withdrawn'),
} as const satisfies Record<string, Labelled>;
export type TransferStatus = keyof typeof TRANSFER_STATUSES;

/** Which side of a transfer the caller stands on: the sending one, the receiving one, or both (one township). */
export const TRANSFER_SIDES = {
  out: l('转出方', 'Sending side'),
  in: l('转入方', 'Receiving side'),
  both: l('转出方与转入方', 'Both sides'),
} as const satisfies Record<string, Labelled>;

/** A letter is valid for at most three months from its issue (组织关系介绍信有效期最长三个月). */
export const LETTER_MAX_MONTHS = 3;
/** The validity a letter gets when the approver names none (days). */
export const LETTER_DEFAULT_DAYS = 30;

const Month = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM', ...labelled(zh, en) });
const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
const DuesPaidTo = () => Month('党费交至', 'Dues paid to');
const OrgName = (zh: string, en: string) => Type.String({ minLength: 1, maxLength: 80, ...labelled(zh, en) });

/**
 * A transfer as a caller sees it. The receiving side alone (a township that only receives it) sees the person's
 * name, masked ID, the organizations' names, the letter and the dates: the member's id and the reason are null.
 */
export const TransferItem = Type.Object({
  id: Type.Integer(),
  kind: KeyOf(TRANSFER_KINDS),
  status: KeyOf(TRANSFER_STATUSES),
  side: KeyOf(TRANSFER_SIDES),
  overdue: Type.Boolean(),
  memberId: Nullable(Type.Integer()),
  name: Type.String(),
  gender: KeyOf(GENDERS),
  idNumber: Type.String({ description: 'masked' }),
  fromOrgId: Nullable(Type.Integer()),
  fromOrgName: Type.String(),
  toOrgId: Nullable(Type.Integer()),
  toOrgName: Type.String(),
  toAddress: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  appliedOn: Type.String(),
  letterNo: Nullable(Type.String()),
  issuedOn: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  duesPaidTo: Nullable(Type.String()),
  acceptedOn: Nullable(Type.String()),
  receiptOn: Nullable(Type.String()),
  returnReason: Nullable(Type.String()),
  ...Stamps,
});
export type TransferItemT = Static<typeof TransferItem>;
export const TransferDetail = Type.Composite([
  TransferItem,
  Type.Object({ events: Type.Array(TimelineEvent), actions: AllowedActions }),
]);
export type TransferDetailT = Static<typeof TransferDetail>;
export const TransferList = ListOf(TransferItem);

export const TransferListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  direction: Type.Optional(
    Type.Union([Type.Literal('in'), Type.Literal('out')], {
      description: 'in: received by the subtree; out: sent from it; both when left out',
      ...labelled('转接方向', 'Direction'),
    }),
  ),
  kind: Type.Optional(KeyOf(TRANSFER_KINDS)),
  status: Type.Optional(KeyOf(TRANSFER_STATUSES)),
  overdue: Type.Optional(Type.Boolean()),
  from: Type.Optional(DateString('applied on or after')),
  to: Type.Optional(DateString('applied on or before')),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type TransferListQueryT = Static<typeof TransferListQuery>;

/** An application of the sending side: to an organization of the platform, or to a unit outside it. */
export const TransferCreate = Body({
  memberId: Id(),
  toOrgId: Type.Optional(Nullable(Id())),
  toOrgName: Type.Optional(Nullable(OrgName('系统外接收单位', 'Receiving unit outside'))),
  toAddress: Type.Optional(Nullable(Type.String({ maxLength: 120, ...labelled('接收单位地址', 'Its address') }))),
  reason: Type.Optional(Nullable(Type.String({ maxLength: 500, ...labelled('转接原因', 'Reason') }))),
  duesPaidTo: Type.Optional(Nullable(DuesPaidTo())),
});
export type TransferCreateT = Static<typeof TransferCreate>;

/** A letter from outside registered by the receiving organization (the member is created on acceptance). */
export const TransferRegister = Body({
  orgId: Id(),
  name: Text(40),
  gender: KeyOf(GENDERS),
  idNumber: Type.String({ minLength: 15, maxLength: 18, ...VERBATIM }),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM }))),
  joinedAt: DateString('入党日期'),
  memberStatus: Type.Optional(
    Type.Union(
      [Type.Literal('full'), Type.Literal('probationary')],
      labelled('正式或预备党员', 'Full or probationary'),
    ),
  ),
  fromOrgName: OrgName('转出党组织', 'Sending organization'),
  letterNo: Type.String({ minLength: 1, maxLength: 40, ...labelled('介绍信编号', 'Letter number') }),
  issuedOn: Day('开具日期', 'Issued on'),
  validUntil: Day('有效期至', 'Valid until'),
  // Required: optional in the schema only so that a missing month is refused on its field, in words.
  duesPaidTo: Type.Optional(Nullable(DuesPaidTo())),
});
export type TransferRegisterT = Static<typeof TransferRegister>;

export const TransferApprove = Body({
  validUntil: Type.Optional(Nullable(Day('有效期至', 'Valid until'))),
  duesPaidTo: Type.Optional(Nullable(DuesPaidTo())),
});
export type TransferApproveT = Static<typeof TransferApprove>;
export const TransferReason = Body({ reason: Type.String({ minLength: 1, maxLength: 500 }) });
export const TransferNote = Body({ note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) });
export const TransferReceipt = Body({
  receiptOn: Day('回执日期', 'Return slip dated'),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});
export type TransferReceiptT = Static<typeof TransferReceipt>;

/** The printed introduction letter (介绍信) of an outgoing transfer, with its return slip. */
export const TransferLetter = Type.Object({
  id: Type.Integer(),
  letterNo: Type.String(),
  name: Type.String(),
  gender: KeyOf(GENDERS),
  age: Nullable(Type.Integer()),
  ethnicity: Nullable(Type.String()),
  idNumber: Type.String(),
  memberStatus: KeyOf(MEMBER_STATUSES),
  fromOrgName: Type.String(),
  toOrgName: Type.String(),
  toAddress: Nullable(Type.String()),
  issuedOn: Type.String(),
  validUntil: Type.String(),
  validDays: Type.Integer(),
  duesPaidTo: Type.String(),
  issuerName: Type.String({ description: 'the approving committee that signs the letter' }),
});
export type TransferLetterT = Static<typeof TransferLetter>;

/** The national system's columns (全国党员管理信息系统 组织关系转接), in order: export and import. */
export const TRANSFER_SHEET_COLUMNS = [
  { key: 'name', zh: '姓名', en: 'Name' },
  { key: 'gender', zh: '性别', en: 'Sex' },
  { key: 'idNumber', zh: '身份证号', en: 'ID number' },
  { key: 'fromOrg', zh: '转出党组织', en: 'Sending organization' },
  { key: 'toOrg', zh: '转入党组织', en: 'Receiving organization' },
  { key: 'letterNo', zh: '介绍信编号', en: 'Letter number' },
  { key: 'validUntil', zh: '有效期', en: 'Valid until' },
  { key: 'duesPaidTo', zh: '党费交至', en: 'Dues paid to' },
  { key: 'kind', zh: '转接类型', en: 'Kind' },
  { key: 'status', zh: '状态', en: 'Status' },
  { key: 'date', zh: '办理日期', en: 'Date' },
  { key: 'joinedAt', zh: '入党日期', en: 'Joined' },
  { key: 'toAddress', zh: '接收单位地址', en: 'Address' },
  { key: 'reason', zh: '转接原因', en: 'Reason' },
] as const;

/**
 * The flow of a transfer. Within the platform: the sending side applies, its higher committee approves and
 * issues the letter, the receiving side accepts it or sends it back; the sender may withdraw before it is
 * accepted or resubmit one sent back. Out of the platform: the letter is printed and the return slip recorded.
 * Into the platform: a letter from outside is registered and the receiving side accepts it.
 */
export const TRANSFER_FLOW = defineFlowSpec({
  entityType: 'transfer',
  label: { zh: '组织关系转接', en: 'Transfer of membership' },
  states: TRANSFER_STATUSES,
  actions: {
    apply: moveSpec('申请转接', 'Apply', 'applied', { from: [], to: 'applied', by: ['transfers.write'] }),
    register: moveSpec('登记转入介绍信', 'Register a letter', 'registered', {
      from: [],
      to: 'issued',
      by: ['transfers.write'],
    }),
    approve: moveSpec('审批并开具介绍信', 'Approve and issue the letter', 'approved', {
      from: ['applied'],
      to: 'issued',
      by: ['transfers.approve'],
      // Asked by the action bar; the server fills a default validity and the applied month when left out.
      required: ['validUntil', 'duesPaidTo'],
    }),
    reject: moveSpec('不予批准', 'Refuse', 'rejected', {
      from: ['applied'],
      to: 'returned',
      by: ['transfers.approve'],
      required: ['reason'],
    }),
    accept: moveSpec('接收', 'Receive', 'accepted', {
      from: ['issued'],
      to: 'accepted',
      by: ['transfers.write'],
      notBy: { zh: '由转入方党组织办理', en: 'The receiving side' },
    }),
    sendBack: moveSpec('退回', 'Send back', 'sent_back', {
      from: ['issued'],
      to: 'returned',
      by: ['transfers.write'],
      required: ['reason'],
      notBy: { zh: '由转入方党组织办理', en: 'The receiving side' },
    }),
    receipt: moveSpec('登记回执', 'Record the return slip', 'receipt', {
      from: ['issued'],
      to: 'accepted',
      by: ['transfers.write'],
      required: ['receiptOn'],
    }),
    resubmit: moveSpec('重新提交', 'Resubmit', 'resubmitted', {
      from: ['returned'],
      to: 'applied',
      by: ['transfers.write'],
    }),
    withdraw: moveSpec('撤回', 'Withdraw', 'withdrawn', {
      from: ['applied', 'issued', 'returned'],
      to: 'withdrawn',
      by: ['transfers.write'],
    }),
  },
});
export type TransferAction = keyof typeof TRANSFER_FLOW.actions;

/** Organizations of the county that may receive a member, by name (the create form's picker). */
export const TransferTargets = ListOf(Type.Object({ id: Type.Integer(), name: Type.String() }));
export const TransferTargetsQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 40 })) });

/** The period of the transfers figure: a year `YYYY` or a month `YYYY-MM`. */
export const TransferFlowQuery = Type.Object({
  org: Type.Optional(Id()),
  period: Type.String({
    pattern: '^\\d{4}(-(0[1-9]|1[0-2]))?$',
    description: 'YYYY or YYYY-MM',
    ...labelled('统计期间', 'Period'),
  }),
});
export type TransferFlowQueryT = Static<typeof TransferFlowQuery>;
const FlowCounts = {
  in: Type.Integer({ description: 'received into the subtree in the period (from outside it)' }),
  out: Type.Integer({ description: 'received elsewhere from the subtree in the period' }),
  pending: Type.Integer({ description: 'under way now: applied or letter issued, not yet received' }),
  overdue: Type.Integer({ description: 'letters past their validity, not yet received, now' }),
};
/** 组织关系转接情况: transfers in, out, pending and overdue of a subtree, and of each organization below it. */
export const TransferFlow = Type.Object({
  period: Type.String(),
  from: Type.String(),
  to: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  total: Type.Object(FlowCounts),
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...FlowCounts })),
});
export type TransferFlowT = Static<typeof TransferFlow>;
