/** TypeBox schemas of the API: they validate on the server, document OpenAPI and type the web client. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { AGE_BANDS, EDUCATIONS, ETHNICITIES, GENDERS, MEMBER_CATEGORIES, MEMBER_STATUSES, ORG_FIELDS, ORG_TYPES, ELECTION_STATUSES } from './enums.js';
import { ROLES } from './roles.js';

/** A string union schema of an enum map's keys. */
export function KeyOf<T extends Record<string, unknown>>(map: T, description?: string) {
  return Type.Union(Object.keys(map).map((k) => Type.Literal(k)), description ? { description } : {}) as unknown as TSchema & { static: keyof T & string };
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const DateString = (description?: string) => Type.String({ pattern: DATE_PATTERN, description, examples: ['2021-07-01'] });
/** A value or null; null comes first so that type coercion of request data never turns null into 0 or ''. */
export const Nullable = <T extends TSchema>(s: T) => Type.Union([Type.Null(), s]);
export const Id = Type.Integer({ minimum: 1 });

export const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});

export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
};

/** `{ items, total }` of a list. */
export function ListOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer() });
}

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const Ok = Type.Object({ ok: Type.Boolean() }, { additionalProperties: true });

// ---- auth ----
export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});
export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: KeyOf(ROLES),
  orgId: Nullable(Type.Integer()),
  orgName: Nullable(Type.String()),
  memberId: Nullable(Type.Integer()),
  locale: Type.String(),
  capabilities: Type.Array(Type.String()),
});
export type MeT = Static<typeof Me>;
export const PasswordChangeBody = Type.Object({ oldPassword: Type.String(), newPassword: Type.String({ maxLength: 256 }) });
export const LocaleBody = Type.Object({ locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]) });

// ---- orgs ----
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
  pathNames: Type.Optional(Type.Array(Type.String())),
});
export type OrgNodeT = Static<typeof OrgNode>;
export const Org = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  name: Type.String(),
  type: KeyOf(ORG_TYPES),
  field: Nullable(KeyOf(ORG_FIELDS)),
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
  createdAt: Type.String(),
  updatedAt: Type.String(),
  deletedAt: Nullable(Type.String()),
});
export type OrgT = Static<typeof Org>;
const OrgFields = {
  name: Type.String({ minLength: 1, maxLength: 80 }),
  type: KeyOf(ORG_TYPES),
  field: Type.Optional(Nullable(KeyOf(ORG_FIELDS))),
  termStart: Type.Optional(Nullable(DateString('届期开始 term start'))),
  termEnd: Type.Optional(Nullable(DateString('届期结束 term end'))),
  secretaryMemberId: Type.Optional(Nullable(Type.Integer())),
  committee: Type.Optional(Type.Array(CommitteeSeat, { maxItems: 30 })),
};
export const OrgCreate = Type.Object({ parentId: Type.Integer(), ...OrgFields }, { additionalProperties: false });
export type OrgCreateT = Static<typeof OrgCreate>;
export const OrgPatch = Type.Partial(Type.Object(OrgFields), { additionalProperties: false, minProperties: 1 });
export type OrgPatchT = Static<typeof OrgPatch>;
export const OrgMove = Type.Object({ parentId: Type.Integer() }, { additionalProperties: false });
export const OrgTreeQuery = Type.Object({ parent: Type.Optional(Type.Integer()) });
export const OrgListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 40 })),
  type: Type.Optional(KeyOf(ORG_TYPES)),
  field: Type.Optional(KeyOf(ORG_FIELDS)),
  parent: Type.Optional(Type.Integer()),
  ...Paging,
});

// ---- members ----
export const Member = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
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
  createdAt: Type.String(),
  updatedAt: Type.String(),
  deletedAt: Nullable(Type.String()),
});
export type MemberT = Static<typeof Member>;
const MemberFields = {
  orgId: Type.Integer(),
  name: Type.String({ minLength: 1, maxLength: 40 }),
  idNumber: Type.String({ minLength: 15, maxLength: 18 }),
  gender: KeyOf(GENDERS),
  joinedAt: DateString('入党时间 date of joining'),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
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
export const MemberListQuery = Type.Object({
  org: Type.Optional(Type.Integer()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(KeyOf(MEMBER_STATUSES)),
  gender: Type.Optional(KeyOf(GENDERS)),
  ageBand: Type.Optional(KeyOf(AGE_BANDS)),
  education: Type.Optional(KeyOf(EDUCATIONS)),
  category: Type.Optional(KeyOf(MEMBER_CATEGORIES)),
  ethnicity: Type.Optional(KeyOf(ETHNICITIES)),
  joinYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  deleted: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('joinedAt'), Type.Literal('birthDate'), Type.Literal('createdAt')])),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  ...Paging,
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
  errors: Type.Array(Type.Object({ row: Type.Integer(), field: Nullable(Type.String()), code: Type.String(), message: Type.String() })),
});
export type ImportReportT = Static<typeof ImportReport>;
/** The imports of the caller's county: the running one first (position 0), then those waiting their turn. */
export const ImportQueue = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.Union([Type.Literal('members'), Type.Literal('households')]),
      dryRun: Type.Boolean(),
      state: Type.Union([Type.Literal('waiting'), Type.Literal('reading'), Type.Literal('checking'), Type.Literal('writing')]),
      position: Type.Integer({ minimum: 0 }),
      rowsRead: Type.Integer({ minimum: 0 }),
      mine: Type.Boolean(),
      queuedAt: Type.String(),
      startedAt: Nullable(Type.String()),
    }),
  ),
});
export type ImportQueueT = Static<typeof ImportQueue>;

// ---- users ----
export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: KeyOf(ROLES),
  orgId: Nullable(Type.Integer()),
  orgName: Nullable(Type.String()),
  memberId: Nullable(Type.Integer()),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  lockedUntil: Nullable(Type.String()),
  lastLoginAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type UserT = Static<typeof User>;
export const UserCreate = Type.Object({
  username: Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' }),
  displayName: Type.String({ minLength: 1, maxLength: 40 }),
  password: Type.String({ maxLength: 256 }),
  role: KeyOf(ROLES),
  orgId: Type.Integer(),
  memberId: Type.Optional(Nullable(Type.Integer())),
}, { additionalProperties: false });
export type UserCreateT = Static<typeof UserCreate>;
export const UserPatch = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  role: Type.Optional(KeyOf(ROLES)),
  orgId: Type.Optional(Type.Integer()),
  memberId: Type.Optional(Nullable(Type.Integer())),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
}, { additionalProperties: false, minProperties: 1 });
export type UserPatchT = Static<typeof UserPatch>;
export const UserListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 40 })),
  role: Type.Optional(KeyOf(ROLES)),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  locked: Type.Optional(Type.Boolean()),
  ...Paging,
});
export const ResetPasswordBody = Type.Object({ password: Type.String({ maxLength: 256 }) }, { additionalProperties: false });

// ---- audit ----
export const AuditRecord = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  role: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  action: Type.String(),
  entityType: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  changes: Nullable(Type.Record(Type.String(), Type.Object({ before: Type.Unknown(), after: Type.Unknown() }))),
  success: Type.Boolean(),
  detail: Nullable(Type.String()),
});
export type AuditRecordT = Static<typeof AuditRecord>;
export const AuditQuery = Type.Object({
  from: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  entityType: Type.Optional(Type.String({ maxLength: 64 })),
  entityId: Type.Optional(Type.String({ maxLength: 64 })),
  success: Type.Optional(Type.Boolean()),
  ...Paging,
});
export const AuditVerify = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBroken: Nullable(Type.Object({ id: Type.Integer(), reason: Type.String() })),
});

// ---- stats ----
const KeyCount = Type.Array(Type.Object({ key: Type.String(), count: Type.Integer() }));
export const StatsOverview = Type.Object({
  orgs: Type.Object({ total: Type.Integer(), byType: KeyCount, byField: KeyCount }),
  members: Type.Object({
    total: Type.Integer(),
    byStatus: KeyCount,
    byGender: KeyCount,
    byAgeBand: KeyCount,
    byEducation: KeyCount,
    byCategory: KeyCount,
    byEthnicity: KeyCount,
    byJoinYear: Type.Array(Type.Object({ year: Type.Integer(), count: Type.Integer() })),
  }),
  elections: Type.Object({
    due: Type.Integer(),
    overdue: Type.Integer(),
    items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), termEnd: Type.String(), electionDueAt: Type.String(), status: KeyOf(ELECTION_STATUSES) })),
  }),
});
export type StatsOverviewT = Static<typeof StatsOverview>;
export const OrgScopeQuery = Type.Object({ org: Type.Optional(Type.Integer()) });
export { AGE_BANDS };
