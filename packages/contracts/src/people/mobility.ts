/**
 * The mobility module's contracts (area people): members who move away (外出流动, 流动党员) and members out of
 * contact (失联). These are states of the membership, not separate registers: each departure or loss opens a
 * record of the member (where to, who keeps contact, when back), its moves are a small flow, and the member's
 * state is that of its open record (none: local).
 */
import { type Static, Type } from '@sinclair/typebox';
import { labelled } from '../core/fieldLabels.js';
import type { Labelled } from '../core/enums.js';
import { Body, Id, MAX_ID, KeyOf, ListOf, ListQuery, Nullable, OrgRecord, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const MOBILITY_MODULE = 'mobility' as const;

/** The state of a member's membership as to where it is. */
export const MOBILITY_STATES = {
  local: { zh: '在本地', en: 'Local' },
  flowing: { zh: '外出流动', en: 'Away' },
  out_of_contact: { zh: '失联', en: 'Out of contact' },
} as const satisfies Record<string, Labelled>;
export type MobilityState = keyof typeof MOBILITY_STATES;

/** The state of one record (an absence): away, out of contact, or closed by the member's return. */
export const MOBILITY_STATUSES = {
  flowing: { zh: '外出流动', en: 'Away' },
  out_of_contact: { zh: '失联', en: 'Out of contact' },
  returned: { zh: '已返回', en: 'Back' },
} as const satisfies Record<string, Labelled>;
export type MobilityStatus = keyof typeof MOBILITY_STATUSES;

/** The states that leave a record open (the member is not local). */
export const MOBILITY_OPEN: readonly MobilityStatus[] = ['flowing', 'out_of_contact'];

const L = {
  state: labelled('状态', 'State'),
  since: labelled('外出（失联）日期', 'Since'),
  destination: labelled('外出地点', 'Where to'),
  unit: labelled('所在单位', 'Workplace'),
  flowOrgName: labelled('流入地党组织', 'Party organization there'),
  contactMemberId: labelled('联系人', 'Contact'),
  expectedReturn: labelled('预计返回日期', 'Expected back'),
  on: labelled('日期', 'Date'),
  member: labelled('党员', 'Member'),
  open: labelled('仅未返回', 'Still away'),
};
/** A member id field with its name in words. */
const memberRef = (label: ReturnType<typeof labelled>) => Type.Integer({ minimum: 1, maximum: MAX_ID, ...label });
/** A calendar date field with its name in words (as `DateString`, labelled). */
const day = (label: ReturnType<typeof labelled>) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-03-01'], ...label });

/** One record of a member's absence, as the console shows it. */
export const MobilityRecord = Type.Object({
  ...OrgRecord,
  memberId: Type.Integer(),
  memberName: Type.String(),
  status: KeyOf(MOBILITY_STATUSES),
  since: Type.String({ description: 'the day the member left or was lost (YYYY-MM-DD)' }),
  destination: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  flowOrgName: Nullable(Type.String({ description: 'the party organization of the place the member went to' })),
  contact: Nullable(Type.Object({ memberId: Type.Integer(), name: Type.String() })),
  expectedReturn: Nullable(Type.String()),
  lostOn: Nullable(Type.String({ description: 'the day contact was lost' })),
  returnedOn: Nullable(Type.String()),
  note: Nullable(Type.String()),
  ...Stamps,
});
export type MobilityRecordT = Static<typeof MobilityRecord>;
export const MobilityDetail = Type.Composite([
  MobilityRecord,
  Type.Object({ events: Type.Array(TimelineEvent), actions: AllowedActions }),
]);
export type MobilityDetailT = Static<typeof MobilityDetail>;
export const MobilityList = ListOf(MobilityRecord);
export const MobilityListQuery = ListQuery({
  status: Type.Optional(KeyOf(MOBILITY_STATUSES)),
  open: Type.Optional(Type.Boolean({ description: 'only records still open (away or out of contact)', ...L.open })),
  memberId: Type.Optional(memberRef(L.member)),
  deleted: Type.Optional(Type.Boolean()),
});
export type MobilityListQueryT = Static<typeof MobilityListQuery>;

/** Where a member away is and who keeps contact: the fields a departure records and an update changes. */
const WhereFields = {
  destination: Type.Optional(Nullable(Type.String({ maxLength: 60, ...L.destination }))),
  unit: Type.Optional(Nullable(Type.String({ maxLength: 60, ...L.unit }))),
  flowOrgName: Type.Optional(Nullable(Type.String({ maxLength: 60, ...L.flowOrgName }))),
  contactMemberId: Type.Optional(Nullable(memberRef(L.contactMemberId))),
  expectedReturn: Type.Optional(Nullable(day(L.expectedReturn))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
};

/** A departure (state flowing: a destination is needed) or a loss of contact of a local member. */
export const MobilityCreate = Body({
  memberId: Id(),
  state: Type.Union([Type.Literal('flowing'), Type.Literal('out_of_contact')], L.state),
  since: day(L.since),
  ...WhereFields,
});
export type MobilityCreateT = Static<typeof MobilityCreate>;
export const MobilityPatch = Type.Partial(Type.Object(WhereFields), { additionalProperties: false, minProperties: 1 });
export type MobilityPatchT = Static<typeof MobilityPatch>;
/** A move on a record: its day (default today) and a note. */
export const MobilityMove = Body({
  on: Type.Optional(day(L.on)),
  destination: Type.Optional(Nullable(Type.String({ maxLength: 60, ...L.destination }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});
export type MobilityMoveT = Static<typeof MobilityMove>;

/** A member's state and every record of its absences, newest first (the member's history). */
export const MemberMobility = Type.Object({
  memberId: Type.Integer(),
  memberName: Type.String(),
  state: KeyOf(MOBILITY_STATES),
  current: Nullable(MobilityRecord),
  records: Type.Array(MobilityDetail),
});
export type MemberMobilityT = Static<typeof MemberMobility>;

/** Members away and out of contact in a subtree, and the same by child organization (figure mobility.states). */
const StateCounts = {
  members: Type.Integer({ description: 'live members' }),
  flowing: Type.Integer(),
  outOfContact: Type.Integer(),
};
export const MobilityStates = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  ...StateCounts,
  byOrg: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...StateCounts })),
  destinations: Type.Array(Type.Object({ destination: Type.String(), flowing: Type.Integer() }), {
    description: 'where the members away are, most first (top 10)',
  }),
});
export type MobilityStatesT = Static<typeof MobilityStates>;

const WRITE = ['mobility.write'] as const;

/**
 * The flow of a record: a member leaves (away) or is found out of contact; a member away may lose contact and
 * one out of contact be found again (away); either comes back, which closes the record.
 */
export const MOBILITY_FLOW = defineFlowSpec({
  entityType: 'mobility',
  label: { zh: '流动（失联）登记', en: 'Mobility record' },
  states: MOBILITY_STATUSES,
  actions: {
    depart: moveSpec('登记外出', 'Record leaving', 'departed', { from: [], to: 'flowing', by: WRITE }),
    report_lost: moveSpec('登记失联', 'Record out of contact', 'lost', { from: [], to: 'out_of_contact', by: WRITE }),
    lose_contact: moveSpec('失去联系', 'Lost contact', 'lost', { from: ['flowing'], to: 'out_of_contact', by: WRITE }),
    regain: moveSpec('恢复联系', 'Contact regained', 'regained', {
      from: ['out_of_contact'],
      to: 'flowing',
      by: WRITE,
    }),
    return: moveSpec('登记返回', 'Back home', 'returned', {
      from: ['flowing', 'out_of_contact'],
      to: 'returned',
      by: WRITE,
    }),
  },
});

/** The words of a record's timeline entries (the moves' events, and deleted / restored). */
export const MOBILITY_EVENT_KINDS = {
  departed: { zh: '登记外出', en: 'Left' },
  lost: { zh: '失去联系', en: 'Lost contact' },
  regained: { zh: '恢复联系', en: 'Contact regained' },
  returned: { zh: '返回', en: 'Back' },
  deleted: { zh: '删除', en: 'Deleted' },
  restored: { zh: '恢复', en: 'Restored' },
} as const satisfies Record<string, Labelled>;
