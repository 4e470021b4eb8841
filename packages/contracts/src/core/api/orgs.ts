/** Schemas of the organizations (组织). */
import { Type, type Static } from '@sinclair/typebox';
import { ORG_FIELDS, ORG_TYPES, ELECTION_STATUSES } from '../enums.js';
import { KeyOf, DateString, Nullable, Id, Paging, Body, Stamps } from '../schemas.js';
import { labelled } from '../fieldLabels.js';

export const CommitteeSeat = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 40 }),
  position: Type.String({ minLength: 1, maxLength: 40 }),
  memberId: Type.Optional(Nullable(Type.Integer())),
});
export const OrgNode = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  name: Type.String(),
  type: KeyOf(ORG_TYPES),
  field: Nullable(KeyOf(ORG_FIELDS)),
  hasChildren: Type.Boolean(),
  memberCount: Type.Integer(),
  pathNames: Type.Optional(
    Type.Array(Type.String(), { description: "names from the caller's root down to the organization itself" }),
  ),
});
export type OrgNodeT = Static<typeof OrgNode>;
export const Org = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  name: Type.String(),
  type: KeyOf(ORG_TYPES),
  field: Nullable(KeyOf(ORG_FIELDS)),
  /** The place's name of a village-level or township organization (大岭村, 城关镇), else null. */
  placeName: Nullable(Type.String()),
  path: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  secretary: Nullable(Type.Object({ memberId: Type.Integer(), name: Type.String() })),
  committee: Type.Array(CommitteeSeat),
  termStart: Nullable(Type.String()),
  termEnd: Nullable(Type.String()),
  termYears: Type.Integer(),
  electionDueAt: Nullable(Type.String()),
  electionStatus: KeyOf(ELECTION_STATUSES),
  childCount: Type.Integer(),
  memberCounts: Type.Object({ total: Type.Integer(), full: Type.Integer(), probationary: Type.Integer() }),
  ...Stamps,
});
export type OrgT = Static<typeof Org>;
const OrgFields = {
  name: Type.String({ minLength: 1, maxLength: 80, ...labelled('组织名称', 'Organization name') }),
  type: KeyOf(ORG_TYPES),
  field: Type.Optional(Nullable(KeyOf(ORG_FIELDS))),
  placeName: Type.Optional(Nullable(Type.String({ maxLength: 40, description: '村（社区）名称 place name' }))),
  termStart: Type.Optional(Nullable(DateString('届期开始 term start'))),
  termEnd: Type.Optional(Nullable(DateString('届期结束 term end'))),
  secretaryMemberId: Type.Optional(Nullable(Type.Integer())),
  committee: Type.Optional(Type.Array(CommitteeSeat, { maxItems: 30 })),
};
export const OrgCreate = Body({ parentId: Type.Integer(), ...OrgFields });
export type OrgCreateT = Static<typeof OrgCreate>;
export const OrgPatch = Type.Partial(Type.Object(OrgFields), { additionalProperties: false, minProperties: 1 });
export type OrgPatchT = Static<typeof OrgPatch>;
export const OrgMove = Body({ parentId: Type.Integer() });
export const OrgTreeQuery = Type.Object({ parent: Type.Optional(Id()) });
export const OrgListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 40 })),
  type: Type.Optional(KeyOf(ORG_TYPES)),
  field: Type.Optional(KeyOf(ORG_FIELDS)),
  parent: Type.Optional(Id()),
  ...Paging,
});
