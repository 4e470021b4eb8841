/** Schemas of the accounts and the two-person grants of administrator roles. */
import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../roles.js';
import { AccountFields } from './auth.js';
import { KeyOf, Nullable, VERBATIM, Paging, Body } from '../schemas.js';

export const User = Type.Object({
  ...AccountFields,
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
export const UserCreate = Body({
  username: Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$', ...VERBATIM }),
  displayName: Type.String({ minLength: 1, maxLength: 40 }),
  role: KeyOf(ROLES),
  orgId: Type.Integer(),
  memberId: Type.Optional(Nullable(Type.Integer())),
});
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
export const RoleGrantPropose = Body({
  /** An existing account in scope (its role and organization change), or a new one created on approval. */
  username: Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$', ...VERBATIM }),
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  role: KeyOf(ROLES),
  orgId: Type.Integer({ minimum: 1 }),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});
export type RoleGrantProposeT = Static<typeof RoleGrantPropose>;
export const RoleGrantDecide = Body({ note: Type.Optional(Type.String({ maxLength: 200 })) });
export const RoleGrantListQuery = Type.Object({ status: Type.Optional(KeyOf(GRANT_STATUSES)), ...Paging });
/** The answer to an approval: the grant, and for a new account its one-time password (shown once). */
export const RoleGrantDecision = Type.Object({ grant: RoleGrant, oneTimePassword: Nullable(Type.String()) });
