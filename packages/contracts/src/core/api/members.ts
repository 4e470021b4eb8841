/** Schemas of the members (党员) and the roster imports. */
import { Type, type Static } from '@sinclair/typebox';
import { AGE_BANDS, EDUCATIONS, ETHNICITIES, GENDERS, MEMBER_CATEGORIES, MEMBER_STATUSES } from '../enums.js';
import { KeyOf, DateString, Nullable, VERBATIM, Stamps, ListQuery, OrgRecord } from '../schemas.js';
import { MOBILITY_STATES } from '../../people/mobility.js';

export const Member = Type.Object({
  ...OrgRecord,
  name: Type.String(),
  gender: KeyOf(GENDERS),
  idNumber: Type.String({ description: 'masked unless revealed' }),
  phone: Nullable(Type.String()),
  birthDate: Type.String(),
  age: Type.Integer(),
  ethnicity: Nullable(KeyOf(ETHNICITIES)),
  education: Nullable(KeyOf(EDUCATIONS)),
  category: Nullable(KeyOf(MEMBER_CATEGORIES)),
  joinedAt: Type.String(),
  fullMemberAt: Nullable(Type.String()),
  status: KeyOf(MEMBER_STATUSES),
  partyYears: Type.Integer(),
  ...Stamps,
});
export type MemberT = Static<typeof Member>;
const MemberFields = {
  orgId: Type.Integer(),
  name: Type.String({ minLength: 1, maxLength: 40 }),
  idNumber: Type.String({ minLength: 15, maxLength: 18, ...VERBATIM }),
  gender: KeyOf(GENDERS),
  joinedAt: DateString('入党时间 date of joining'),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM }))),
  birthDate: Type.Optional(DateString('出生日期, must agree with the ID number')),
  ethnicity: Type.Optional(Nullable(KeyOf(ETHNICITIES))),
  education: Type.Optional(Nullable(KeyOf(EDUCATIONS))),
  category: Type.Optional(Nullable(KeyOf(MEMBER_CATEGORIES))),
  fullMemberAt: Type.Optional(Nullable(DateString('转正时间'))),
  status: Type.Optional(KeyOf(MEMBER_STATUSES)),
};
export const MemberCreate = Type.Object(MemberFields, { additionalProperties: false });
export type MemberCreateT = Static<typeof MemberCreate>;
export const MemberPatch = Type.Partial(Type.Object(MemberFields), { additionalProperties: false, minProperties: 1 });
export type MemberPatchT = Static<typeof MemberPatch>;
export const MemberListQuery = ListQuery({
  status: Type.Optional(KeyOf(MEMBER_STATUSES)),
  gender: Type.Optional(KeyOf(GENDERS)),
  ageBand: Type.Optional(KeyOf(AGE_BANDS)),
  education: Type.Optional(KeyOf(EDUCATIONS)),
  category: Type.Optional(KeyOf(MEMBER_CATEGORIES)),
  ethnicity: Type.Optional(KeyOf(ETHNICITIES)),
  joinYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  mobility: Type.Optional(KeyOf(MOBILITY_STATES)),
  deleted: Type.Optional(Type.Boolean()),
  sort: Type.Optional(
    Type.Union([Type.Literal('name'), Type.Literal('joinedAt'), Type.Literal('birthDate'), Type.Literal('createdAt')]),
  ),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
});
export type MemberListQueryT = Static<typeof MemberListQuery>;
export const RevealBody = Type.Object({
  fields: Type.Array(Type.Union([Type.Literal('idNumber'), Type.Literal('phone')]), { minItems: 1, uniqueItems: true }),
});
export const ImportReport = Type.Object({
  ok: Type.Boolean(),
  total: Type.Integer(),
  valid: Type.Integer(),
  imported: Type.Integer(),
  errors: Type.Array(
    Type.Object({ row: Type.Integer(), field: Nullable(Type.String()), code: Type.String(), message: Type.String() }),
  ),
});
export type ImportReportT = Static<typeof ImportReport>;
/** The imports of the caller's county: the running one first (position 0), then those waiting their turn. */
export const ImportQueue = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.Union([Type.Literal('members'), Type.Literal('households'), Type.Literal('transfers')]),
      dryRun: Type.Boolean(),
      state: Type.Union([
        Type.Literal('waiting'),
        Type.Literal('reading'),
        Type.Literal('checking'),
        Type.Literal('writing'),
      ]),
      position: Type.Integer({ minimum: 0 }),
      rowsRead: Type.Integer({ minimum: 0 }),
      mine: Type.Boolean(),
      queuedAt: Type.String(),
      startedAt: Nullable(Type.String()),
    }),
  ),
});
export type ImportQueueT = Static<typeof ImportQueue>;
