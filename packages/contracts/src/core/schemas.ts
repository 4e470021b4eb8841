/** TypeBox schemas of the API: they validate on the server, document OpenAPI and type the web client. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  AGE_BANDS,
  EDUCATIONS,
  ETHNICITIES,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  ORG_FIELDS,
  ORG_TYPES,
  ELECTION_STATUSES,
} from './enums.js';
import { ROLES } from './roles.js';

/** A string union schema of an enum map's keys. */
export function KeyOf<T extends Record<string, unknown>>(map: T, description?: string) {
  return Type.Union(
    Object.keys(map).map((k) => Type.Literal(k)),
    description ? { description } : {},
  ) as unknown as TSchema & { static: keyof T & string };
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/**
 * A calendar date `YYYY-MM-DD`: the pattern fixes the shape and `format: 'date'` (ajv-formats, full mode) the
 * calendar, so `9999-99-99` and `2026-02-30` are a 400 `validation`. Every date parameter and body field uses it.
 */
export const DateString = (description?: string) =>
  Type.String({ pattern: DATE_PATTERN, format: 'date', description, examples: ['2021-07-01'] });
/** A value or null; null comes first so that type coercion of request data never turns null into 0 or ''. */
export const Nullable = <T extends TSchema>(s: T) => Type.Union([Type.Null(), s]);
/** The largest id: every id column is a 32-bit integer on PostgreSQL, so a bigger number can name nothing. */
export const MAX_ID = 2_147_483_647;
/** A row id in a path, query or body: a positive 32-bit integer. */
export const Id = (description?: string) =>
  Type.Integer({ minimum: 1, maximum: MAX_ID, ...(description ? { description } : {}) });
/** The largest page number a list accepts (beyond it there is nothing to show; `Infinity` is refused). */
export const MAX_PAGE = 1_000_000;
/**
 * Marks a string of a write body that the free-text guard leaves as typed: a structured personal number
 * guarded by its own field (encrypted, hashed, masked), or a secret. Every other string of every body has
 * its phone and ID numbers masked before a service sees it (see apps/server/src/platform/personalText.ts).
 */
export const VERBATIM = { 'x-verbatim': true } as const;

export const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});

/** Paging of every list: bounded integers (`page=Infinity`, `1e309`, `-1` are a 400 `validation`). */
export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
};

/**
 * The body of an upload route: one multipart part named `file`, read by the handler (not validated here,
 * hence `nullable`). Declared so that OpenAPI shows the route as `multipart/form-data`.
 */
export const MultipartFile = {
  content: {
    'multipart/form-data': {
      schema: { type: 'object', nullable: true, properties: { file: { type: 'string', format: 'binary' } } },
    },
  },
};

/** `{ items, total }` of a list. */
export function ListOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer() });
}

export const IdParams = Type.Object({ id: Id() });
export const Ok = Type.Object({ ok: Type.Boolean() }, { additionalProperties: true });

// ---- auth ----
export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64, ...VERBATIM }),
  password: Type.String({ minLength: 1, maxLength: 256, ...VERBATIM }),
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
  /** The account holds a one-time password: until it is changed, only the password change is allowed. */
  mustChangePassword: Type.Boolean(),
});
export type MeT = Static<typeof Me>;
export const PasswordChangeBody = Type.Object({
  oldPassword: Type.String(VERBATIM),
  newPassword: Type.String({ maxLength: 256, ...VERBATIM }),
});
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
export const OrgTreeQuery = Type.Object({ parent: Type.Optional(Id()) });
export const OrgListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 40 })),
  type: Type.Optional(KeyOf(ORG_TYPES)),
  field: Type.Optional(KeyOf(ORG_FIELDS)),
  parent: Type.Optional(Id()),
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
export const MemberListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(KeyOf(MEMBER_STATUSES)),
  gender: Type.Optional(KeyOf(GENDERS)),
  ageBand: Type.Optional(KeyOf(AGE_BANDS)),
  education: Type.Optional(KeyOf(EDUCATIONS)),
  category: Type.Optional(KeyOf(MEMBER_CATEGORIES)),
  ethnicity: Type.Optional(KeyOf(ETHNICITIES)),
  joinYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  deleted: Type.Optional(Type.Boolean()),
  sort: Type.Optional(
    Type.Union([Type.Literal('name'), Type.Literal('joinedAt'), Type.Literal('birthDate'), Type.Literal('createdAt')]),
  ),
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
      kind: Type.Union([Type.Literal('members'), Type.Literal('households')]),
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
  mustChangePassword: Type.Boolean(),
});
export type UserT = Static<typeof User>;
/** An account just given a one-time password, shown once to the administrator who hands it over. */
export const UserWithOneTimePassword = Type.Object({ user: User, oneTimePassword: Type.String() });
export type UserWithOneTimePasswordT = Static<typeof UserWithOneTimePassword>;
export const UserCreate = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$', ...VERBATIM }),
    displayName: Type.String({ minLength: 1, maxLength: 40 }),
    role: KeyOf(ROLES),
    orgId: Type.Integer(),
    memberId: Type.Optional(Nullable(Type.Integer())),
  },
  { additionalProperties: false },
);
export type UserCreateT = Static<typeof UserCreate>;
export const UserPatch = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    role: Type.Optional(KeyOf(ROLES)),
    orgId: Type.Optional(Type.Integer()),
    memberId: Type.Optional(Nullable(Type.Integer())),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserPatchT = Static<typeof UserPatch>;
export const UserListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 40 })),
  role: Type.Optional(KeyOf(ROLES)),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  locked: Type.Optional(Type.Boolean()),
  ...Paging,
});
export const ResetPasswordBody = Type.Object({}, { additionalProperties: false });

// ---- grants of administrator roles (two persons) ----
export const GRANT_STATUSES = {
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
} as const;
export const RoleGrant = Type.Object({
  id: Type.Integer(),
  userId: Nullable(Type.Integer()),
  username: Type.String(),
  displayName: Type.String(),
  /** True when the grant creates the account on approval. */
  newAccount: Type.Boolean(),
  role: KeyOf(ROLES),
  previousRole: Nullable(KeyOf(ROLES)),
  orgId: Type.Integer(),
  orgName: Nullable(Type.String()),
  status: KeyOf(GRANT_STATUSES),
  proposedBy: Type.Integer(),
  proposedByName: Nullable(Type.String()),
  proposedAt: Type.String(),
  decidedBy: Nullable(Type.Integer()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type RoleGrantT = Static<typeof RoleGrant>;
export const RoleGrantPropose = Type.Object(
  {
    /** An existing account in scope (its role and organization change), or a new one created on approval. */
    username: Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$', ...VERBATIM }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    role: KeyOf(ROLES),
    orgId: Type.Integer({ minimum: 1 }),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type RoleGrantProposeT = Static<typeof RoleGrantPropose>;
export const RoleGrantDecide = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export const RoleGrantListQuery = Type.Object({ status: Type.Optional(KeyOf(GRANT_STATUSES)), ...Paging });
/** The answer to an approval: the grant, and for a new account its one-time password (shown once). */
export const RoleGrantDecision = Type.Object({ grant: RoleGrant, oneTimePassword: Nullable(Type.String()) });

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
/** A day or an instant (the audit trail's bounds): `YYYY-MM-DD` or an ISO-8601 timestamp, both real. */
const DayOrInstant = (description: string) =>
  Type.Union([DateString(), Type.String({ format: 'date-time', maxLength: 40 })], { description });
export const AuditQuery = Type.Object({
  from: Type.Optional(DayOrInstant('on or after')),
  to: Type.Optional(DayOrInstant('on or before (a day: the whole day)')),
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
    items: Type.Array(
      Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        termEnd: Type.String(),
        electionDueAt: Type.String(),
        status: KeyOf(ELECTION_STATUSES),
      }),
    ),
  }),
});
export type StatsOverviewT = Static<typeof StatsOverview>;
export const OrgScopeQuery = Type.Object({ org: Type.Optional(Id()) });
export { AGE_BANDS };
