/** Schemas of the sign-in and the signed-in account. */
import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../roles.js';
import { REGION_KINDS } from '../regions.js';
import { KeyOf, Nullable, VERBATIM } from '../schemas.js';

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64, ...VERBATIM }),
  password: Type.String({ minLength: 1, maxLength: 256, ...VERBATIM }),
});
/** The fields of an account that both the signed-in account and the accounts list show. */
export const AccountFields = {
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: KeyOf(ROLES),
  orgId: Nullable(Type.Integer()),
  orgName: Nullable(Type.String()),
  memberId: Nullable(Type.Integer()),
};
export const Me = Type.Object({
  ...AccountFields,
  locale: Type.String(),
  capabilities: Type.Array(Type.String()),
  /** The province or prefecture of a region account (省市管理员), whose figures it reads; null for any other. */
  region: Nullable(Type.Object({ id: Type.Integer(), name: Type.String(), kind: KeyOf(REGION_KINDS) })),
  /** The account holds a one-time password: until it is changed, only the password change is allowed. */
  mustChangePassword: Type.Boolean(),
});
export type MeT = Static<typeof Me>;
export const PasswordChangeBody = Type.Object({
  oldPassword: Type.String(VERBATIM),
  newPassword: Type.String({ maxLength: 256, ...VERBATIM }),
});
export const LocaleBody = Type.Object({ locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]) });
