/** Sign-in, sessions and lockout. */
import crypto from 'node:crypto';
import { ROLE_CAPABILITIES, type MeT, type Role } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { writeAudit, writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DUMMY_HASH_PROMISE, hashPassword, randomToken, sm3, verifyPassword } from '../../../platform/crypto.js';
import { DomainError } from '../../../platform/errors.js';
import * as repo from './auth.repository.js';
import { passwordAcceptable } from './auth.rules.js';

export interface SessionInfo {
  token: string;
  csrf: string;
  actor: Actor;
}

// Letters and digits that cannot be mistaken for one another when read aloud or copied from a screen.
const OTP_CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@$'];

/** A random one-time password of 14 characters that meets the policy (every character class, never a common one). */
export function generateOneTimePassword(ctx: Ctx): string {
  const all = OTP_CLASSES.join('');
  for (;;) {
    const chars = OTP_CLASSES.map((c) => c[crypto.randomInt(c.length)]!);
    while (chars.length < Math.max(14, ctx.config.auth.minPasswordLength))
      chars.push(all[crypto.randomInt(all.length)]!);
    for (let i = chars.length - 1; i > 0; i--) {
      const j = crypto.randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    if (passwordAcceptable(password, ctx.config.auth.minPasswordLength)) return password;
  }
}

/** Checks a password against the policy, else throws `auth.weak_password`. */
export function assertPasswordPolicy(ctx: Ctx, password: string): void {
  if (!passwordAcceptable(password, ctx.config.auth.minPasswordLength)) throw new DomainError('auth.weak_password');
}

/** Reserves one sign-in attempt for a user name (see the repository); null while a lock holds. */
async function reserveAttempt(
  ctx: Ctx,
  username: string,
  now: Date,
): Promise<{ failedCount: number; lockedUntil: string | null } | null> {
  const lockUntil = new Date(now.getTime() + ctx.config.auth.lockMinutes * 60_000).toISOString();
  return repo.reserveAttempt(ctx.db, username, now.toISOString(), lockUntil, ctx.config.auth.maxFailures);
}

/** Signs a user in: lockout, constant-time answer for unknown users, a new session, an audit record either way. */
export async function login(
  ctx: Ctx,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<SessionInfo> {
  const now = ctx.clock();
  const username = input.username.trim();
  // The attempt is counted before the (slow) password check, so concurrent guesses cannot all pass a stale count.
  const reserved = await reserveAttempt(ctx, username, now);
  if (!reserved) {
    await writeAuditAlone(ctx, null, {
      action: 'auth.login',
      success: false,
      detail: 'locked',
      actorName: username,
      ip: input.ip,
    });
    const lockedUntil = await repo.lockedUntil(ctx.db, username);
    const until = lockedUntil ? Date.parse(lockedUntil) : now.getTime() + ctx.config.auth.lockMinutes * 60_000;
    throw new DomainError('auth.locked', { retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) });
  }
  const user = await repo.liveUserByName(ctx.db, username);
  const ok = user
    ? await verifyPassword(input.password, user.password_hash)
    : (await verifyPassword(input.password, await DUMMY_HASH_PROMISE), false);
  if (!ok || !user || user.status !== 'active') {
    const lock = reserved.lockedUntil != null;
    await writeAuditAlone(ctx, null, {
      action: 'auth.login',
      success: false,
      detail: user && user.status !== 'active' ? 'disabled' : lock ? 'failed; locked' : 'failed',
      actorName: username,
      ip: input.ip,
      entityType: user ? 'user' : null,
      entityId: user?.id ?? null,
    });
    if (lock) throw new DomainError('auth.locked', { retryAfterSeconds: ctx.config.auth.lockMinutes * 60 });
    throw new DomainError('auth.invalid_credentials');
  }
  const token = randomToken(32);
  const csrf = randomToken(24);
  const actor = await actorOf(ctx, user.id, input.ip);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.startSession(trx, {
      tokenHash: sm3(token),
      userId: user.id,
      csrf,
      now: now.toISOString(),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 200) ?? null,
      username,
    });
    await writeAudit(ctx, trx, actor!, { action: 'auth.login', success: true, entityType: 'user', entityId: user.id });
  });
  return { token, csrf, actor: actor! };
}

/** Builds the actor of a user (null when it is gone or disabled). */
export async function actorOf(ctx: Ctx, userId: number, ip: string | null): Promise<Actor | null> {
  const row = await repo.actorRow(ctx.db, userId);
  if (!row || row.status !== 'active' || row.deleted_at) return null;
  return actorFromRow({ ...row, user_id: row.id }, ip);
}

/** The columns of an account an actor is built from (the account's id as `user_id`). */
interface ActorColumns {
  user_id: number;
  username: string;
  display_name: string;
  role: string;
  tenant_id: number | null;
  org_id: number | null;
  org_path: string | null;
  member_id: number | null;
  region_id: number | null;
  region_path: string | null;
  locale: string;
}

function actorFromRow(row: ActorColumns, ip: string | null): Actor {
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    tenantId: row.tenant_id,
    orgId: row.org_id,
    orgPath: row.org_path,
    memberId: row.member_id,
    regionId: row.region_id,
    regionPath: row.region_path,
    locale: row.locale,
    ip,
  };
}

export interface ResolvedSession {
  actor: Actor;
  csrf: string;
  tokenHash: string;
  /** The account holds a one-time password: the session may only change it. */
  mustChangePassword: boolean;
}

/**
 * Resolves a session token: 401 `auth.session_expired` past the idle or absolute limit, or when the user was
 * disabled.
 */
export async function resolveSession(ctx: Ctx, token: string, ip: string | null): Promise<ResolvedSession> {
  const tokenHash = sm3(token);
  const now = ctx.clock();
  const row = await repo.sessionByHash(ctx.db, tokenHash);
  if (!row || row.ended_at) throw new DomainError('auth.session_expired');
  const idleLimit = Date.parse(row.last_seen_at) + ctx.config.auth.idleMinutes * 60_000;
  const absoluteLimit = Date.parse(row.created_at) + ctx.config.auth.absoluteHours * 3_600_000;
  if (now.getTime() > idleLimit || now.getTime() > absoluteLimit || row.status !== 'active' || row.deleted_at) {
    await repo.endSession(ctx.db, tokenHash, now.toISOString());
    throw new DomainError('auth.session_expired');
  }
  // Touch at most every 30 s: one write per request would make every read a write.
  if (now.getTime() - Date.parse(row.last_seen_at) > 30_000) {
    await repo.touchSession(ctx.db, tokenHash, now.toISOString());
  }
  return {
    tokenHash,
    csrf: row.csrf_token,
    mustChangePassword: Number(row.must_change_password) === 1,
    actor: actorFromRow(row, ip),
  };
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Ends one session. */
export async function logout(ctx: Ctx, actor: Actor, tokenHash: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.endSession(trx, tokenHash, ctx.clock().toISOString());
    await writeAudit(ctx, trx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

/** Ends every live session of a user; returns how many. */
export async function endAllSessions(ctx: Ctx, trx: repo.Q, userId: number): Promise<number> {
  return repo.endUserSessions(trx, userId, ctx.clock().toISOString());
}

/** "End all my sessions", including the current one. */
export async function logoutAll(ctx: Ctx, actor: Actor): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const n = await endAllSessions(ctx, trx, actor.userId);
    await writeAudit(ctx, trx, actor, {
      action: 'auth.logout_all',
      entityType: 'user',
      entityId: actor.userId,
      detail: `${n} sessions ended`,
    });
    return n;
  });
}

/** The signed-in user as the client sees it. */
export async function me(ctx: Ctx, actor: Actor): Promise<MeT> {
  const orgName = actor.orgId ? await repo.orgName(ctx.db, actor.orgId) : null;
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    orgId: actor.orgId,
    orgName,
    memberId: actor.memberId,
    locale: actor.locale,
    capabilities: [...ROLE_CAPABILITIES[actor.role]],
    region: actor.regionId ? ((await repo.regionOf(ctx.db, actor.regionId)) ?? null) : null,
    mustChangePassword: await repo.mustChangePassword(ctx.db, actor.userId),
  };
}

/** Saves the user's interface language. */
export async function setLocale(ctx: Ctx, actor: Actor, locale: string): Promise<MeT> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setLocale(trx, actor.userId, locale, ctx.clock().toISOString());
    await writeAudit(ctx, trx, actor, {
      action: 'user.locale',
      entityType: 'user',
      entityId: actor.userId,
      changes: { locale: { before: actor.locale, after: locale } },
    });
  });
  return me(ctx, { ...actor, locale });
}

/**
 * Changes the caller's own password after checking the old one (which also ends a one-time password); other
 * sessions end.
 */
export async function changePassword(
  ctx: Ctx,
  actor: Actor,
  tokenHash: string,
  oldPassword: string,
  newPassword: string,
): Promise<void> {
  const user = await repo.passwordOf(ctx.db, actor.userId);
  if (!(await verifyPassword(oldPassword, user.password_hash))) throw new DomainError('auth.wrong_password');
  if (newPassword === oldPassword) throw new DomainError('auth.same_password');
  assertPasswordPolicy(ctx, newPassword);
  const hash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.setPassword(trx, actor.userId, hash, now);
    await repo.endUserSessions(trx, actor.userId, now, tokenHash);
    await writeAudit(ctx, trx, actor, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: actor.userId,
      detail: Number(user.must_change_password) === 1 ? 'one-time password replaced' : null,
    });
  });
}
