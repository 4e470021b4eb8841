/**
 * Accounts, managed by the security admin (三员分立: it sees accounts, never business data or the audit trail).
 * It sets the roles without administrative power directly, never knows a password (new and reset accounts get a
 * one-time password that must be changed at first sign-in), never touches an auditor's or a security admin's
 * account, and an administrator role is only given by a grant that a second person decides (grants.service.ts).
 */
import {
  ADMIN_ROLES,
  PROTECTED_ROLES,
  type Role,
  type UserCreateT,
  type UserPatchT,
  type UserT,
  type UserWithOneTimePasswordT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { hashPassword } from '../../../platform/crypto.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import * as orgsRepo from '../orgs/orgs.repository.js';
import { endAllSessions, generateOneTimePassword } from '../auth/auth.service.js';
import * as repo from './users.repository.js';

function present(r: Record<string, any>, now: string): UserT {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    orgId: r.org_id,
    orgName: r.org_name ?? null,
    memberId: r.member_id,
    status: r.status,
    lockedUntil: r.locked_until && r.locked_until > now ? r.locked_until : null,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
    mustChangePassword: Number(r.must_change_password) === 1,
  };
}

/** Accounts in scope with search, role, status and lock filters. */
export async function list(
  ctx: Ctx,
  actor: Actor,
  f: { q?: string; role?: string; status?: string; locked?: boolean; page?: number; pageSize?: number },
) {
  requireCapability(actor, 'users.read');
  const now = ctx.clock().toISOString();
  const { rows, total } = await repo.listUsers(ctx.db, actor, { ...f, now });
  return { items: rows.map((r) => present(r, now)), total };
}

/** One account in scope. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<UserT> {
  requireCapability(actor, 'users.read');
  const r = await repo.findUser(ctx.db, actor, id);
  if (!r) throw notFound();
  return present(r, ctx.clock().toISOString());
}

/**
 * Refuses a change to the account of an auditor or a security admin: the other administrators are not the
 * security admin's to manage.
 */
function assertManageable(target: UserT): void {
  if (PROTECTED_ROLES.includes(target.role)) throw new DomainError('users.protected_account');
}

/** Refuses a role that only a two-person grant gives. */
function assertDirectRole(role: Role): void {
  if (ADMIN_ROLES.includes(role)) throw new DomainError('users.grant_required', { role });
}

/** A fresh one-time password and its hash. */
export async function oneTimePassword(ctx: Ctx): Promise<{ password: string; hash: string }> {
  const password = generateOneTimePassword(ctx);
  return { password, hash: await hashPassword(password) };
}

/** Checks the organization (in scope) and, for a member account, its member record. */
export async function checkPlacement(
  ctx: Ctx,
  actor: Actor,
  role: Role,
  orgId: number,
  memberId: number | null | undefined,
) {
  const org = await orgsRepo.getOrg(ctx.db, actor, orgId);
  if (role === 'member') {
    if (!memberId) throw new DomainError('users.member_required');
    const m = await repo.liveMemberOrg(ctx.db, org.tenant_id, memberId);
    if (!m || m.org_id !== org.id) throw new DomainError('users.member_required');
  }
  return org;
}

/** Creates an account of a role without administrative power, with a one-time password that is answered once. */
export async function create(ctx: Ctx, actor: Actor, input: UserCreateT): Promise<UserWithOneTimePasswordT> {
  requireCapability(actor, 'users.write');
  assertDirectRole(input.role);
  const org = await checkPlacement(ctx, actor, input.role, input.orgId, input.memberId);
  const otp = await oneTimePassword(ctx);
  const hash = otp.hash;
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.usernameTaken(trx, input.username)) throw new DomainError('users.username_taken');
    const now = ctx.clock().toISOString();
    const id = await repo.insertUser(trx, {
      tenant_id: org.tenant_id,
      username: input.username,
      display_name: input.displayName,
      password_hash: hash,
      role: input.role,
      org_id: org.id,
      org_path: org.org_path,
      member_id: input.role === 'member' ? (input.memberId ?? null) : null,
      must_change_password: 1,
      now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      changes: diff(null, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        orgId: org.id,
        memberId: input.memberId ?? null,
      }),
      detail: 'one-time password issued',
    });
    return id;
  });
  return { user: await get(ctx, actor, id), oneTimePassword: otp.password };
}

/** Changes name, role, organization or status; disabling ends the user's sessions. */
export async function update(ctx: Ctx, actor: Actor, id: number, patch: UserPatchT): Promise<UserT> {
  requireCapability(actor, 'users.write');
  const before = await get(ctx, actor, id);
  if (id === actor.userId && ((patch.status && patch.status !== 'active') || (patch.role && patch.role !== actor.role)))
    throw new DomainError('users.cannot_change_self');
  assertManageable(before);
  const role = (patch.role ?? before.role) as Role;
  const orgId = patch.orgId ?? before.orgId!;
  // An administrator's role or organization (where its power lies) changes only through a grant; so does a promotion.
  if (role !== before.role) assertDirectRole(role);
  if (ADMIN_ROLES.includes(before.role) && (role !== before.role || orgId !== before.orgId))
    throw new DomainError('users.grant_required', { role: before.role });
  const memberId = patch.memberId !== undefined ? patch.memberId : before.memberId;
  const org = await checkPlacement(ctx, actor, role, orgId, memberId);
  await ctx.db.transaction().execute(async (trx) => {
    const set: Record<string, unknown> = {
      updated_at: ctx.clock().toISOString(),
      role,
      org_id: org.id,
      org_path: org.org_path,
      member_id: role === 'member' ? memberId : null,
    };
    if (patch.displayName !== undefined) set.display_name = patch.displayName;
    if (patch.status !== undefined) set.status = patch.status;
    await repo.updateUser(trx, id, set);
    let ended = 0;
    if (patch.status === 'disabled' || role !== before.role || org.id !== before.orgId)
      ended = await endAllSessions(ctx, trx, id);
    await writeAudit(ctx, trx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      changes: diff(
        {
          displayName: before.displayName,
          role: before.role,
          orgId: before.orgId,
          memberId: before.memberId,
          status: before.status,
        },
        {
          displayName: patch.displayName ?? before.displayName,
          role,
          orgId: org.id,
          memberId: role === 'member' ? memberId : null,
          status: patch.status ?? before.status,
        },
      ),
      detail: ended ? `${ended} sessions ended` : null,
    });
  });
  return get(ctx, actor, id);
}

/** Gives an account a one-time password (answered once, to be changed at the next sign-in) and ends its sessions. */
export async function resetPassword(ctx: Ctx, actor: Actor, id: number): Promise<string> {
  requireCapability(actor, 'users.write');
  const user = await get(ctx, actor, id);
  assertManageable(user);
  const otp = await oneTimePassword(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.setOneTimePassword(trx, id, otp.hash, now);
    await endAllSessions(ctx, trx, id);
    await repo.clearAttempts(trx, user.username);
    await writeAudit(ctx, trx, actor, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      detail: 'one-time password issued',
    });
  });
  return otp.password;
}

/** Lifts a lockout (of any account in scope: it gives no power, and the auditor should not wait out an attack). */
export async function unlock(ctx: Ctx, actor: Actor, id: number): Promise<UserT> {
  requireCapability(actor, 'users.write');
  const user = await get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.clearAttempts(trx, user.username);
    await writeAudit(ctx, trx, actor, { action: 'user.unlock', entityType: 'user', entityId: id });
  });
  return get(ctx, actor, id);
}
