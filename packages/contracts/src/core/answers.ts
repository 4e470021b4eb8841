/**
 * Answers of core routes that had no named schema yet (the web client takes its types from here). The routes still
 * declare the same shapes inline; they can use these names.
 */
import { type Static, Type } from '@sinclair/typebox';
import { OrgNode } from './api/orgs.js';
import { Nullable } from './schemas.js';

/** One level of the organization tree (`GET /api/orgs/tree`). */
export const OrgTreeLevel = Type.Object({ items: Type.Array(OrgNode) });
export type OrgTreeLevelT = Static<typeof OrgTreeLevel>;

/** A member's numbers in full (`POST /api/members/:id/reveal`, audited). */
export const MemberRevealed = Type.Object({
  idNumber: Type.Optional(Type.String()),
  phone: Type.Optional(Nullable(Type.String())),
});
export type MemberRevealedT = Static<typeof MemberRevealed>;

/** A password reset to a one-time password (`POST /api/users/:id/reset-password`). */
export const PasswordReset = Type.Object({ ok: Type.Boolean(), oneTimePassword: Type.String() });
export type PasswordResetT = Static<typeof PasswordReset>;
