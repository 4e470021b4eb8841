/** Every query on grants of administrator roles, inside the caller's scope (the granted organization's subtree). */
import { sql } from 'kysely';
import type { RoleGrantsTable } from '../../../db/schema/index.js';
import type { Actor } from '../../../platform/actor.js';
import { countOf, type Q, scopedAll } from '../../../platform/data/scoped.js';

export type { Q };

function baseQuery(db: Q, actor: Actor) {
  return scopedAll(db, actor, 'role_grants', { as: 'g' })
    .leftJoin('orgs as o', 'o.id', 'g.org_id')
    .leftJoin('users as p', 'p.id', 'g.proposed_by')
    .leftJoin('users as d', 'd.id', 'g.decided_by');
}

const COLUMNS = [
  'g.id',
  'g.user_id',
  'g.username',
  'g.display_name',
  'g.role',
  'g.previous_role',
  'g.org_id',
  'o.name as org_name',
  'g.status',
  'g.proposed_by',
  'p.display_name as proposed_by_name',
  'g.proposed_at',
  'g.decided_by',
  'd.display_name as decided_by_name',
  'g.decided_at',
  'g.note',
] as const;

/** Grants in scope, pending first, newest next, and their total. */
export async function listGrants(db: Q, actor: Actor, f: { status?: string; page?: number; pageSize?: number }) {
  let q = baseQuery(db, actor);
  if (f.status) q = q.where('g.status', '=', f.status);
  const total = await countOf(q);
  const pageSize = f.pageSize ?? 20;
  const rows = await q
    .select(COLUMNS)
    .orderBy(sql`case when g.status = 'pending' then 0 else 1 end`)
    .orderBy('g.id', 'desc')
    .limit(pageSize)
    .offset(((f.page ?? 1) - 1) * pageSize)
    .execute();
  return { rows, total };
}

/** One grant in scope, or undefined. */
export async function findGrant(db: Q, actor: Actor, id: number) {
  return baseQuery(db, actor).select(COLUMNS).where('g.id', '=', id).executeTakeFirst();
}

/** A live account by name, ignoring case, wherever it is (the caller decides what it may learn). */
export async function liveUserByName(db: Q, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'tenant_id', 'org_path'])
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Whether a grant for this user name waits for a decision in the tenant. */
export async function pendingFor(db: Q, tenantId: number, username: string): Promise<boolean> {
  const pending = await db
    .selectFrom('role_grants')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'pending')
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return !!pending;
}

/** A new grant's row. */
export type NewGrant = Omit<RoleGrantsTable, 'id' | 'status' | 'decided_by' | 'decided_at'>;

/** Inserts a pending grant; returns its id. */
export async function insertGrant(db: Q, g: NewGrant): Promise<number> {
  const { id } = await db
    .insertInto('role_grants')
    .values({ ...g, status: 'pending', decided_by: null, decided_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Decides a pending grant; false when it was no longer pending (decided once, also under concurrency). */
export async function decide(
  db: Q,
  id: number,
  d: { status: 'approved' | 'rejected'; by: number; at: string; note?: string },
): Promise<boolean> {
  const res = await db
    .updateTable('role_grants')
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, ...(d.note ? { note: d.note } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Links a grant to the account created for it. */
export async function setGrantUser(db: Q, id: number, userId: number): Promise<void> {
  await db.updateTable('role_grants').set({ user_id: userId }).where('id', '=', id).execute();
}

/** Role, organization and deletion of one account. */
export async function userPlacement(db: Q, userId: number) {
  return db.selectFrom('users').select(['role', 'org_id', 'deleted_at']).where('id', '=', userId).executeTakeFirst();
}
