/** Every query on accounts, inside the caller's scope (tenant and subtree of the account's organization). */
import { sql } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { countOf, type Q, scoped } from '../../../platform/data/scoped.js';
import { likeContains } from '../../../db/dialect.js';

export type { Q };

/** Live accounts in scope, with their organization's name and their lock. */
function baseQuery(db: Q, actor: Actor) {
  return scoped(db, actor, 'users', { as: 'u' })
    .leftJoin('orgs as o', 'o.id', 'u.org_id')
    .leftJoin('login_attempts as a', 'a.username', 'u.username');
}

const COLUMNS = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.role',
  'u.org_id',
  'o.name as org_name',
  'u.member_id',
  'u.status',
  'a.locked_until',
  'u.last_login_at',
  'u.created_at',
  'u.must_change_password',
] as const;

/** Accounts in scope with search, role, status and lock filters, and their total. */
export async function listUsers(
  db: Q,
  actor: Actor,
  f: { q?: string; role?: string; status?: string; locked?: boolean; page?: number; pageSize?: number; now: string },
) {
  let q = baseQuery(db, actor);
  if (f.q) q = q.where((eb) => eb.or([likeContains('u.username', f.q!), likeContains('u.display_name', f.q!)]));
  if (f.role) q = q.where('u.role', '=', f.role);
  if (f.status) q = q.where('u.status', '=', f.status);
  if (f.locked) q = q.where('a.locked_until', '>', f.now);
  const total = await countOf(q);
  const pageSize = f.pageSize ?? 20;
  const rows = await q
    .select(COLUMNS)
    .orderBy('u.id')
    .limit(pageSize)
    .offset(((f.page ?? 1) - 1) * pageSize)
    .execute();
  return { rows, total };
}

/** One live account in scope, or undefined. */
export async function findUser(db: Q, actor: Actor, id: number) {
  return baseQuery(db, actor).select(COLUMNS).where('u.id', '=', id).executeTakeFirst();
}

/** The organization of a live member of the tenant (undefined when there is none). */
export async function liveMemberOrg(db: Q, tenantId: number, memberId: number) {
  return db
    .selectFrom('members')
    .select(['id', 'org_id'])
    .where('id', '=', memberId)
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Whether a user name is taken, ignoring case (deleted accounts keep their name). */
export async function usernameTaken(db: Q, username: string): Promise<boolean> {
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return !!taken;
}

/** A new account's row. */
export interface NewUser {
  tenant_id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_id: number;
  org_path: string;
  member_id: number | null;
  must_change_password: number;
  now: string;
}

/** The columns every new account starts with: active, Chinese interface, password set `now`, never signed in. */
export function newUserRow(now: string) {
  return {
    status: 'active',
    locale: 'zh-CN',
    last_login_at: null,
    password_changed_at: now,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  } as const;
}

/** Inserts an account (active, Chinese interface); returns its id. */
export async function insertUser(db: Q, u: NewUser): Promise<number> {
  const { now, ...rest } = u;
  const { id } = await db
    .insertInto('users')
    .values({ ...rest, ...newUserRow(now) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Changes the columns of one account. */
export async function updateUser(db: Q, id: number, set: Record<string, unknown>): Promise<void> {
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

/** Sets a one-time password (to be changed at the next sign-in). */
export async function setOneTimePassword(db: Q, id: number, hash: string, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: now, updated_at: now, must_change_password: 1 })
    .where('id', '=', id)
    .execute();
}

/** Clears the failed sign-in counter and lock of a user name. */
export async function clearAttempts(db: Q, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', username).execute();
}
