/**
 * API schemas of households and residents, household groups (联户组), pairings (结对帮扶) and responsibility zones (党员责任区).
 */
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
  OrgRecord,
} from '../core/schemas.js';
import { GROUP_LEADER_KINDS, HOUSEHOLD_TAGS, RESIDENT_RELATIONS } from './residents.js';
import { labelled } from '../core/fieldLabels.js';

const Phone = Type.String({ maxLength: 20, ...VERBATIM });
const IdNumber = Type.String({ minLength: 15, maxLength: 18, ...VERBATIM });
const Bool = Type.Boolean();

// ---- households and residents ----
export const Resident = Type.Object({
  id: Type.Integer(),
  householdId: Type.Integer(),
  name: Type.String(),
  relation: KeyOf(RESIDENT_RELATIONS),
  gender: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  idNumber: Nullable(Type.String({ description: 'masked unless revealed' })),
  phone: Nullable(Type.String({ description: 'masked unless revealed' })),
});
export type ResidentT = Static<typeof Resident>;

export const Household = Type.Object({
  ...OrgRecord,
  address: Type.String(),
  headName: Type.String(),
  phone: Nullable(Type.String({ description: 'masked unless revealed' })),
  tags: Type.Array(KeyOf(HOUSEHOLD_TAGS)),
  isPoor: Bool,
  people: Type.Integer({ description: 'live residents' }),
  groupId: Nullable(Type.Integer()),
  groupName: Nullable(Type.String()),
  cadres: Type.Array(Type.Object({ memberId: Type.Integer(), name: Type.String() }), {
    description: 'cadres of the live, unended pairings',
  }),
  note: Nullable(Type.String()),
  ...Stamps,
});
export type HouseholdT = Static<typeof Household>;

export const Pairing = Type.Object({
  ...OrgRecord,
  householdId: Type.Integer(),
  householdHead: Type.String(),
  householdAddress: Type.String(),
  cadreMemberId: Type.Integer(),
  cadreName: Type.String(),
  cadreOrgName: Type.String(),
  startedOn: Type.String(),
  endedOn: Nullable(Type.String()),
  ...Stamps,
});
export type PairingT = Static<typeof Pairing>;

export const HouseholdDetail = Type.Intersect([
  Household,
  Type.Object({
    residents: Type.Array(Resident),
    pairings: Type.Array(Pairing),
    recentVisits: Type.Array(
      Type.Object({ id: Type.Integer(), visitedOn: Type.String(), visitorName: Type.String(), found: Type.String() }),
    ),
    requestCount: Type.Integer(),
  }),
]);
export type HouseholdDetailT = Static<typeof HouseholdDetail>;

const ResidentFields = {
  name: Type.String({ minLength: 1, maxLength: 40 }),
  relation: KeyOf(RESIDENT_RELATIONS),
  idNumber: Type.Optional(Nullable(IdNumber)),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM, ...labelled('手机号码', 'Mobile') }))),
};
export const ResidentCreate = Type.Object(ResidentFields, { additionalProperties: false });
export type ResidentCreateT = Static<typeof ResidentCreate>;
export const ResidentPatch = Type.Partial(Type.Object(ResidentFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type ResidentPatchT = Static<typeof ResidentPatch>;

const HouseholdFields = {
  orgId: Type.Integer(),
  address: Type.String({ minLength: 1, maxLength: 200 }),
  headName: Type.String({ minLength: 1, maxLength: 40 }),
  phone: Type.Optional(Nullable(Phone)),
  tags: Type.Array(KeyOf(HOUSEHOLD_TAGS), { maxItems: 20, uniqueItems: true }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};
export const HouseholdCreate = Body({
  ...HouseholdFields,
  residents: Type.Optional(Type.Array(ResidentCreate, { maxItems: 50 })),
});
export type HouseholdCreateT = Static<typeof HouseholdCreate>;
export const HouseholdPatch = Type.Partial(Type.Object(HouseholdFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type HouseholdPatchT = Static<typeof HouseholdPatch>;

export const HouseholdListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'head name or address contains; a full 18-digit ID or 11-digit phone matches exactly',
    }),
  ),
  tag: Type.Optional(KeyOf(HOUSEHOLD_TAGS)),
  poor: Type.Optional(Bool),
  grouped: Type.Optional(Bool),
  paired: Type.Optional(Bool),
  deleted: Type.Optional(Bool),
  ...Paging,
});
export type HouseholdListQueryT = Static<typeof HouseholdListQuery>;
export const HouseholdList = ListOf(Household);

export const RevealedNumbers = Type.Object({
  idNumber: Type.Optional(Nullable(Type.String())),
  phone: Type.Optional(Nullable(Type.String())),
});

// ---- household groups ----
const GroupSummaryFields = {
  ...OrgRecord,
  name: Type.String(),
  leaderKind: KeyOf(GROUP_LEADER_KINDS),
  leaderName: Type.String(),
  leaderMemberId: Nullable(Type.Integer()),
  leaderPhone: Nullable(Type.String({ description: 'masked' })),
  poorHouseholds: Type.Integer(),
  people: Type.Integer(),
  sizeOk: Type.Boolean({ description: 'groupSizeMin ≤ households ≤ groupSizeMax' }),
  poorOk: Type.Boolean({ description: 'groupPoorMin ≤ poor households ≤ groupPoorMax' }),
  ...Stamps,
};
export const HouseholdGroup = Type.Object({ ...GroupSummaryFields, households: Type.Integer() });
export type HouseholdGroupT = Static<typeof HouseholdGroup>;
export const GroupHousehold = Type.Object({
  id: Type.Integer(),
  address: Type.String(),
  headName: Type.String(),
  tags: Type.Array(KeyOf(HOUSEHOLD_TAGS)),
  isPoor: Bool,
  people: Type.Integer(),
});
/** The detail of a group: `households` is the list of its households (their count is the summary's `households`). */
export const HouseholdGroupDetail = Type.Object({ ...GroupSummaryFields, households: Type.Array(GroupHousehold) });
export type HouseholdGroupDetailT = Static<typeof HouseholdGroupDetail>;

const GroupFields = {
  orgId: Type.Integer(),
  name: Type.String({ minLength: 1, maxLength: 80, ...labelled('联户组名称', 'Group name') }),
  leaderKind: KeyOf(GROUP_LEADER_KINDS),
  leaderName: Type.String({ minLength: 1, maxLength: 40 }),
  leaderMemberId: Type.Optional(Nullable(Type.Integer())),
  leaderPhone: Type.Optional(Nullable(Phone)),
  householdIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200, uniqueItems: true }),
};
export const HouseholdGroupCreate = Type.Object(GroupFields, { additionalProperties: false });
export type HouseholdGroupCreateT = Static<typeof HouseholdGroupCreate>;
export const HouseholdGroupPatch = Type.Partial(Type.Object(GroupFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type HouseholdGroupPatchT = Static<typeof HouseholdGroupPatch>;
export const HouseholdGroupListQuery = ListQuery({
  deleted: Type.Optional(Bool),
});
export type HouseholdGroupListQueryT = Static<typeof HouseholdGroupListQuery>;

const CoverageFigures = {
  groups: Type.Integer(),
  households: Type.Integer({ description: 'households in a live group' }),
  householdsTotal: Type.Integer(),
  people: Type.Integer({ description: 'people of the households in a group' }),
  peopleTotal: Type.Integer(),
  coverageRate: Type.Number({ description: 'households / householdsTotal (0 when there are none)' }),
};
export const GroupCoverage = Type.Object({
  ...CoverageFigures,
  poorHouseholds: Type.Integer(),
  poorCovered: Type.Integer(),
  groupsOffRule: Type.Integer({ description: 'groups whose size or poor count is outside the rules' }),
  byOrg: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...CoverageFigures })),
});
export type GroupCoverageT = Static<typeof GroupCoverage>;
export const OrgPagingQuery = Type.Object({ org: Type.Optional(Id()), ...Paging });

// ---- pairings ----
export const PairingCreate = Body({
  householdId: Type.Integer(),
  cadreMemberId: Type.Integer(),
  startedOn: DateString('结对开始日期'),
});
export type PairingCreateT = Static<typeof PairingCreate>;
export const PairingEnd = Body({ endedOn: DateString('结对结束日期') });
export const PairingListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40, description: 'cadre name or household head contains' })),
  cadre: Type.Optional(Id()),
  active: Type.Optional(Type.Boolean({ description: 'true: not ended; false: ended' })),
  deleted: Type.Optional(Bool),
  ...Paging,
});
export type PairingListQueryT = Static<typeof PairingListQuery>;
const CadreLoad = Type.Object({
  memberId: Type.Integer(),
  name: Type.String(),
  orgName: Type.String(),
  load: Type.Integer(),
});
export const PairingGaps = Type.Object({
  poorHouseholds: Type.Integer(),
  pairedHouseholds: Type.Integer(),
  unpaired: Type.Array(
    Type.Object({
      householdId: Type.Integer(),
      headName: Type.String(),
      address: Type.String(),
      orgName: Type.String(),
    }),
    { description: 'first 200' },
  ),
  unpairedTotal: Type.Integer(),
  cadres: Type.Integer({ description: 'cadres paired with a household of the subtree' }),
  overloaded: Type.Array(CadreLoad),
  underloaded: Type.Array(CadreLoad),
  loadMin: Type.Integer(),
  loadMax: Type.Integer(),
});
export type PairingGapsT = Static<typeof PairingGaps>;

// ---- zones ----
export const ZoneMember = Type.Object({
  memberId: Type.Integer(),
  name: Type.String(),
  orgName: Type.String(),
  assignedOn: Type.String(),
});
export const Zone = Type.Object({
  ...OrgRecord,
  name: Type.String(),
  area: Nullable(Type.String()),
  households: Type.Integer(),
  members: Type.Array(ZoneMember),
  ...Stamps,
});
export type ZoneT = Static<typeof Zone>;
const ZoneFields = {
  orgId: Type.Integer(),
  name: Type.String({ minLength: 1, maxLength: 80, ...labelled('责任区名称', 'Zone name') }),
  area: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  households: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
};
export const ZoneCreate = Type.Object(ZoneFields, { additionalProperties: false });
export type ZoneCreateT = Static<typeof ZoneCreate>;
export const ZonePatch = Type.Partial(Type.Object(ZoneFields), { additionalProperties: false, minProperties: 1 });
export type ZonePatchT = Static<typeof ZonePatch>;
export const ZoneMemberBody = Body({ memberId: Type.Integer() });
export const ZoneListQuery = ListQuery({
  deleted: Type.Optional(Bool),
});
export type ZoneListQueryT = Static<typeof ZoneListQuery>;

// ---- villages (村、社区) as places ----
/** A village or community of the caller's scope: its place name, its party organization's, its township. */
export const Village = Type.Object({
  id: Type.Integer(),
  /** The place's name (大岭村). */
  name: Type.String(),
  /** The village-level party organization's name (大岭村党总支). */
  orgName: Type.String(),
  townshipId: Nullable(Type.Integer()),
  townshipName: Type.String(),
});
export type VillageT = Static<typeof Village>;
export const VillageList = Type.Object({ items: Type.Array(Village) });
export type VillageListT = Static<typeof VillageList>;
export const VillageQuery = Type.Object({ org: Type.Optional(Id()) });
