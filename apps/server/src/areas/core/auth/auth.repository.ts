/** Queries of sign-in: users by name, sessions and the login-attempt counters. */
import { type RawBuilder, sql } from 'kysely';
import type { RegionKind } from '@dangjian/contracts';
import type { Q } from '../../../platform/data/scoped.js';

export type { Q };

/**
 * Reserves one sign-in attempt for a user name in a single atomic upsert (both engines serialize it on the row):
 * the counter grows by one, a lock that has run out starts the count again, and the attempt that reaches the
 * maximum sets the lock at once. While a lock holds the row is left alone and nothing is returned.
 */
export async function reserveAttempt(
  db: Q,
  username: string,
  nowIso: string,
  lockUntil: string,
  max: number,
): Promise<{ failedCount: number; lockedUntil: string | null } | null> {
  const lockIfReached = (count: RawBuilder<number>) =>
    sql<string | null>`case when ${count} >= ${max} then ${lockUntil} else null end`;
  const first = { failed_count: 1, locked_until: 1 >= max ? lockUntil : null };
  const lockOver = sql<boolean>`login_attempts.locked_until is not null`;
  const next = sql<number>`case when ${lockOver} then 1 else login_attempts.failed_count + 1 end`;
  const row = await db
    .insertInto('login_attempts')
    .values({ username, ...first, last_failed_at: nowIso })
    .onConflict((oc) =>
      oc
        .column('username')
        .doUpdateSet({ failed_count: next, locked_until: lockIfReached(next), last_failed_at: nowIso })
        .where(sql<boolean>`login_attempts.locked_until is null or login_attempts.locked_until <= ${nowIso}`),
    )
    .returning(['failed_count', 'locked_until'])
    .executeTakeFirst();
  return row ? { failedCount: Number(row.failed_count), lockedUntil: row.locked_until } : null;
}

/** The end of a user name's lock, if any. */
export async function lockedUntil(db: Q, username: string): Promise<string | null> {
  const row = await db
    .selectFrom('login_attempts')
    .select('locked_until')
    .where('username', '=', username)
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

/** A live (not deleted) user by name. */
export async function liveUserByName(db: Q, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Records a successful sign-in: the new session, the cleared counter, the last login time. */
export async function startSession(
  db: Q,
  s: {
    tokenHash: string;
    userId: number;
    csrf: string;
    now: string;
    ip: string | null;
    userAgent: string | null;
    username: string;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrf,
      created_at: s.now,
      last_seen_at: s.now,
      ip: s.ip,
      user_agent: s.userAgent,
      ended_at: null,
    })
    .execute();
  await db.deleteFrom('login_attempts').where('username', '=', s.username).execute();
  await db.updateTable('users').set({ last_login_at: s.now }).where('id', '=', s.userId).execute();
}

/** The fields an actor is built from, of one user. */
export async function actorRow(db: Q, userId: number) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'display_name',
      'role',
      'tenant_id',
      'org_id',
      'org_path',
      'member_id',
      'region_id',
      'region_path',
      'locale',
      'status',
      'deleted_at',
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** A session by the hash of its token, with its user. */
export async function sessionByHash(db: Q, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.ended_at',
      'users.username',
      'users.display_name',
      'users.role',
      'users.tenant_id',
      'users.org_id',
      'users.org_path',
      'users.region_id',
      'users.region_path',
      'users.member_id',
      'users.locale',
      'users.status',
      'users.deleted_at',
      'users.must_change_password',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Ends one session. */
export async function endSession(db: Q, tokenHash: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ ended_at: now }).where('token_hash', '=', tokenHash).execute();
}

/** Marks a session as seen now. */
export async function touchSession(db: Q, tokenHash: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

/** Ends every live session of a user, but the one to keep; returns how many. */
export async function endUserSessions(db: Q, userId: number, now: string, keepHash?: string): Promise<number> {
  let q = db.updateTable('sessions').set({ ended_at: now }).where('user_id', '=', userId).where('ended_at', 'is', null);
  if (keepHash) q = q.where('token_hash', '!=', keepHash);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The name of an organization. */
export async function orgName(db: Q, orgId: number): Promise<string | null> {
  const org = await db.selectFrom('orgs').select('name').where('id', '=', orgId).executeTakeFirst();
  return org?.name ?? null;
}

/** The id, name and kind of a region account's province or prefecture (the `me` answer names it). */
export async function regionOf(db: Q, regionId: number) {
  const row = await db
    .selectFrom('regions')
    .select(['id', 'name', 'kind'])
    .where('id', '=', regionId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, kind: row.kind as RegionKind } : undefined;
}

/** The password hash and whether it is a one-time password, of one user. */
export async function passwordOf(db: Q, userId: number) {
  return db
    .selectFrom('users')
    .select(['password_hash', 'must_change_password'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** Whether a user holds a one-time password. */
export async function mustChangePassword(db: Q, userId: number): Promise<boolean> {
  const user = await db.selectFrom('users').select('must_change_password').where('id', '=', userId).executeTakeFirst();
  return Number(user?.must_change_password ?? 0) === 1;
}

/** Saves a user's interface language. */
export async function setLocale(db: Q, userId: number, locale: string, now: string): Promise<void> {
  await db.updateTable('users').set({ locale, updated_at: now }).where('id', '=', userId).execute();
}

/** Saves a new password hash (a one-time password ends with it). */
export async function setPassword(db: Q, userId: number, hash: string, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: now, updated_at: now, must_change_password: 0 })
    .where('id', '=', userId)
    .execute();
}
