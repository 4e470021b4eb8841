/** Queries on wishes; the services decide who may see what and pass the bounds in. */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB, WishesTable } from '../../../db/schema/index.js';
import { likeContains } from '../../../db/dialect.js';
import { countOf } from '../../../platform/data/scoped.js';
import { placeNameOf } from '../common/places.repository.js';

type Q = Kysely<DB> | Transaction<DB>;

export type WishRow = Selectable<WishesTable> & { org_name: string; claimer_name: string | null };

function wishSelect(db: Q) {
  return db
    .selectFrom('wishes as w')
    .innerJoin('orgs as o', 'o.id', 'w.org_id')
    .leftJoin('members as cm', 'cm.id', 'w.claimed_by_member_id')
    .selectAll('w')
    .select([placeNameOf('o').as('org_name'), 'cm.name as claimer_name']);
}

/** One wish by id (any tenant; the caller checks access), deleted ones only when asked. */
export async function findWish(
  db: Q,
  id: number,
  opts: { includeDeleted?: boolean } = {},
): Promise<WishRow | undefined> {
  let q = wishSelect(db).where('w.id', '=', id);
  if (!opts.includeDeleted) q = q.where('w.deleted_at', 'is', null);
  return (await q.executeTakeFirst()) as WishRow | undefined;
}

export interface WishFilter {
  /** null: every county (the public wall without a county). */
  tenantId: number | null;
  /** Path bounds [lo, hi) of the subtree; none: the whole tenant. */
  range?: [string, string];
  kind?: string;
  status?: string;
  statuses?: string[];
  q?: string;
  claimedBy?: number;
  /** A member's view: open wishes, plus the ones this member claimed. */
  openOrClaimedBy?: number;
  phoneHash?: string;
  deleted?: boolean;
}

/** A page of wishes, newest first, and the total. */
export async function listWishes(
  db: Q,
  f: WishFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: WishRow[]; total: number }> {
  let q = db.selectFrom('wishes as w');
  if (f.tenantId != null) q = q.where('w.tenant_id', '=', f.tenantId);
  if (f.range) q = q.where('w.org_path', '>=', f.range[0]).where('w.org_path', '<', f.range[1]);
  q = f.deleted ? q.where('w.deleted_at', 'is not', null) : q.where('w.deleted_at', 'is', null);
  if (f.kind) q = q.where('w.kind', '=', f.kind);
  if (f.status) q = q.where('w.status', '=', f.status);
  if (f.statuses) q = q.where('w.status', 'in', f.statuses);
  if (f.claimedBy != null) q = q.where('w.claimed_by_member_id', '=', f.claimedBy);
  if (f.openOrClaimedBy != null) {
    const m = f.openOrClaimedBy;
    q = q.where((eb) => eb.or([eb('w.status', '=', 'open'), eb('w.claimed_by_member_id', '=', m)]));
  }
  if (f.phoneHash) q = q.where('w.phone_hash', '=', f.phoneHash);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([likeContains('w.title', text), likeContains('w.description', text)]));
  }
  const total = await countOf(q);
  if (!total) return { rows: [], total };
  const rows = (await q
    .innerJoin('orgs as o', 'o.id', 'w.org_id')
    .leftJoin('members as cm', 'cm.id', 'w.claimed_by_member_id')
    .selectAll('w')
    .select([placeNameOf('o').as('org_name'), 'cm.name as claimer_name'])
    .orderBy('w.created_at', 'desc')
    .orderBy('w.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()) as WishRow[];
  return { rows, total };
}

/** Live photo counts of some entities. */
export async function photoCounts(db: Q, entity: 'wish' | 'errand', ids: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('residents_photos')
    .select(['entity_id', (e) => e.fn.countAll<number>().as('n')])
    .where('entity_type', '=', entity)
    .where('entity_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .groupBy('entity_id')
    .execute();
  for (const r of rows) out.set(r.entity_id, Number(r.n));
  return out;
}

/** Claimed wishes whose claim ran out before `nowIso` (of one tenant, or all). */
export async function expiredClaims(db: Q, tenantId: number | null, nowIso: string) {
  let q = db
    .selectFrom('wishes')
    .select(['id', 'tenant_id', 'org_id', 'claimed_by_member_id', 'claim_due_at'])
    .where('status', '=', 'claimed')
    .where('claim_due_at', '<=', nowIso)
    .where('deleted_at', 'is', null);
  if (tenantId != null) q = q.where('tenant_id', '=', tenantId);
  return q.orderBy('id').execute();
}

/** Inserts a wish; answers its id. */
export async function insertWish(db: Q, row: Insertable<WishesTable>): Promise<number> {
  return (await db.insertInto('wishes').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Stamps a wish as changed (a photo added). */
export async function touchWish(db: Q, id: number, at: string): Promise<void> {
  await db.updateTable('wishes').set({ updated_at: at }).where('id', '=', id).execute();
}

/** A live organization by id, any county (a resident posting to a village picked on the public page). */
export async function liveOrg(db: Q, id: number) {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Every county (tenant of a live root organization). */
export async function tenants(db: Q): Promise<number[]> {
  const rows = await db
    .selectFrom('orgs')
    .select('tenant_id')
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .orderBy('tenant_id')
    .execute();
  return [...new Set(rows.map((r) => r.tenant_id))];
}

/**
 * The villages and communities of a county (live village-level organizations with a place name of some types
 * and fields, from a depth), each with its parent's place name: the township a resident chooses first.
 */
export async function placeOrgs(db: Q, tenantId: number, f: { types: string[]; fields: string[]; minDepth: number }) {
  return db
    .selectFrom('orgs as o')
    .leftJoin('orgs as t', 't.id', 'o.parent_id')
    .select(['o.id', 'o.org_path', 'o.parent_id', 'o.place_name', placeNameOf('t').as('township_name')])
    .where('o.tenant_id', '=', tenantId)
    .where('o.deleted_at', 'is', null)
    .where('o.place_name', 'is not', null)
    .where('o.place_name', '<>', '')
    .where('o.type', 'in', f.types)
    .where('o.field', 'in', f.fields)
    .where('o.depth', '>=', f.minDepth)
    .execute();
}

/** Names of organizations by id, 500 at a time. */
export async function orgNamesById(db: Q, ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500)
    for (const o of await db
      .selectFrom('orgs')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      names.set(o.id, o.name);
  return names;
}
