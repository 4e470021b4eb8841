/** Every query on organizations, always inside the caller's scope. */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { scopeRange } from '../../../platform/actor.js';
import { countOf, getOr404, type Liveness, liveInSubtree, type Q, scoped } from '../../../platform/data/scoped.js';
import type { DB, OrgsTable } from '../../../db/schema/index.js';
import { ORG_SCOPED_TABLES } from '../../index.js';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import { notFound } from '../../../platform/errors.js';
import { cached } from '../../../platform/data/versions.js';

export type OrgRow = Selectable<OrgsTable>;
export type { Q };

/** SQL for the exclusive upper bound of a path column's subtree ('/1/17/' → '/1/170'), same on both engines. */
export const upperBoundSql = (col: string) =>
  sql<string>`substr(${sql.ref(col)}, 1, length(${sql.ref(col)}) - 1) || '0'`;

/** Live members in the subtree of the org in column `o`. */
export const memberCountSql = sql<number>`(select count(*) from members m where m.tenant_id = o.tenant_id
  and m.org_path >= o.org_path and m.org_path < ${upperBoundSql('o.org_path')} and m.deleted_at is null)`;

/** One org by id, 404 when missing, deleted (unless asked) or outside the scope. */
export async function getOrg(
  db: Q,
  actor: Actor,
  id: number,
  opts: { includeDeleted?: boolean } = {},
): Promise<OrgRow> {
  return getOr404(db, actor, 'orgs', id, opts.includeDeleted ? 'any' : 'live');
}

/** The path of the org a list filter names (`?org=`), checked inside the caller's scope; none without a filter. */
export async function underOrg(db: Q, actor: Actor, id: number | null | undefined): Promise<string | undefined> {
  return id ? (await getOrg(db, actor, id)).org_path : undefined;
}

/**
 * WIDENING (transfer targets, 转办): an org a request may be handed to from the org at `fromPath` — one in
 * the caller's scope, one above it (township, county), or a government organ (机关, a county department)
 * of the same county. Another township's village or another county answers 404.
 */
export async function requireServingOrg(db: Q, actor: Actor, id: number, fromPath: string): Promise<OrgRow> {
  const [lo, hi] = scopeRange(actor);
  const o = await db
    .selectFrom('orgs')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId!)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!o || !((o.org_path >= lo && o.org_path < hi) || fromPath.startsWith(o.org_path) || o.field === 'organ'))
    throw notFound();
  return o;
}

export interface NodeRow {
  id: number;
  parent_id: number | null;
  name: string;
  type: string;
  field: string | null;
  org_path: string;
  has_children: number | boolean;
  member_count: number;
}

/** Whether the org in column `o` has live children (1 or 0). */
const hasChildrenSql = sql<number>`(case when exists
  (select 1 from orgs c where c.parent_id = o.id and c.deleted_at is null) then 1 else 0 end)`;

/** Live orgs of the caller's scope as tree nodes (with their children flag and member count). */
function nodeSelect(db: Q, actor: Actor, rows: Liveness = 'live') {
  return scoped(db, actor, 'orgs', { as: 'o', rows })
    .select(['o.id', 'o.parent_id', 'o.name', 'o.type', 'o.field', 'o.org_path'])
    .select(hasChildrenSql.as('has_children'))
    .select(memberCountSql.as('member_count'));
}

/** Live children of an org inside the scope, in display order. */
export async function children(db: Q, actor: Actor, parentId: number): Promise<NodeRow[]> {
  const [lo, hi] = scopeRange(actor);
  // Member counts of each child read whole subtrees; the level changes only when the roster does.
  if (!db.isTransaction)
    return cached(db as Kysely<DB>, actor.tenantId!, 'roster', `orgs.children|${lo}|${hi}|${parentId}`, () =>
      childrenUncached(db, actor, parentId),
    );
  return childrenUncached(db, actor, parentId);
}

async function childrenUncached(db: Q, actor: Actor, parentId: number): Promise<NodeRow[]> {
  return nodeSelect(db, actor)
    .where('o.parent_id', '=', parentId)
    .orderBy('o.sort_order')
    .orderBy('o.id')
    .execute() as Promise<NodeRow[]>;
}

/** Nodes by id (the actor's own root, for the first level of the tree). */
export async function nodesByIds(db: Q, actor: Actor, ids: number[]): Promise<NodeRow[]> {
  if (!ids.length) return [];
  return nodeSelect(db, actor).where('o.id', 'in', ids).execute() as Promise<NodeRow[]>;
}

/** Flat search by name, type, field, under an optional subtree. */
export async function search(
  db: Q,
  actor: Actor,
  f: {
    q?: string;
    type?: string;
    field?: string;
    underPath?: string;
    page: number;
    pageSize: number;
    includeDeleted?: boolean;
  },
): Promise<{ rows: NodeRow[]; total: number }> {
  const rows = f.includeDeleted ? 'deleted' : 'live';
  let base = scoped(db, actor, 'orgs', { as: 'o', under: f.underPath, rows });
  if (f.q) base = base.where(likeContains('o.name', f.q));
  if (f.type) base = base.where('o.type', '=', f.type);
  if (f.field) base = base.where('o.field', '=', f.field);
  const total = await countOf(base);
  const ids = (
    await base
      .select('o.id')
      .orderBy('o.org_path')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute()
  ).map((r) => r.id);
  if (!ids.length) return { rows: [], total };
  // The page may be of the recycle bin: its nodes are read without the live filter.
  const nodes = nodeSelect(db, actor, 'any').where('o.id', 'in', ids).orderBy('o.org_path');
  return { rows: (await nodes.execute()) as NodeRow[], total };
}

/** Names of the orgs whose ids appear in paths, for breadcrumbs. */
export async function namesOf(db: Q, tenantId: number, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A live organization of a tenant by id, without the actor's scope (a figure's root, already checked). */
export async function orgOfTenant(db: Q, tenantId: number, id: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'depth', 'type', 'tenant_id', 'parent_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The live organizations right below one, in the tree's order (a figure's rows). */
export async function childOrgs(db: Q, tenantId: number, parentId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', '=', parentId)
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Live counts for one subtree: child orgs, members by status. */
export async function subtreeCounts(
  db: Q,
  org: OrgRow,
): Promise<{ childCount: number; total: number; full: number; probationary: number }> {
  const [lo, hi] = subtreeRange(org.org_path);
  const childCount = await countOf(
    db.selectFrom('orgs').where('parent_id', '=', org.id).where('deleted_at', 'is', null),
  );
  const byStatus = await liveInSubtree(db, 'members', org.tenant_id, [lo, hi])
    .select(['status', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const full = Number(byStatus.find((r) => r.status === 'full')?.n ?? 0);
  const probationary = Number(byStatus.find((r) => r.status === 'probationary')?.n ?? 0);
  return { childCount, total: full + probationary, full, probationary };
}

/** The name of a live member (an org's secretary), or undefined. */
export async function liveMemberName(db: Q, memberId: number) {
  return db
    .selectFrom('members')
    .select(['id', 'name'])
    .where('id', '=', memberId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Whether a live member belongs directly to the org. */
export async function isLiveMemberOf(db: Q, orgId: number, memberId: number): Promise<boolean> {
  const m = await db
    .selectFrom('members')
    .select('id')
    .where('id', '=', memberId)
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return !!m;
}

/** A new org's columns (its path is set from its id). */
export type NewOrg = Omit<OrgRow, 'id' | 'org_path' | 'created_at' | 'updated_at' | 'deleted_at'>;

/** Inserts an org under the parent's path, completes its path with its own id, and answers the row. */
export async function insertOrg(db: Q, parentPath: string, org: NewOrg, now: string): Promise<OrgRow> {
  const inserted = await db
    .insertInto('orgs')
    .values({ ...org, org_path: `${parentPath}new/`, created_at: now, updated_at: now, deleted_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('orgs')
    .set({ org_path: `${parentPath}${inserted.id}/` })
    .where('id', '=', inserted.id)
    .execute();
  return db.selectFrom('orgs').selectAll().where('id', '=', inserted.id).executeTakeFirstOrThrow();
}

/** Changes the columns of one org and answers the row. */
export async function updateOrg(db: Q, id: number, set: Record<string, unknown>): Promise<OrgRow> {
  await db.updateTable('orgs').set(set).where('id', '=', id).execute();
  return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The type of an org (the parent of one in scope). */
export async function typeOf(db: Q, id: number): Promise<string> {
  return (await db.selectFrom('orgs').select('type').where('id', '=', id).executeTakeFirstOrThrow()).type;
}

/** What the place rules read of an organization: its type, field and depth. */
export async function placeShapeOf(db: Q, id: number): Promise<{ type: string; field: string | null; depth: number }> {
  return db.selectFrom('orgs').select(['type', 'field', 'depth']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** The types of an org's live children. */
export async function childTypes(db: Q, id: number): Promise<string[]> {
  const kids = await db
    .selectFrom('orgs')
    .select('type')
    .where('parent_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  return kids.map((k) => k.type);
}

/** Whether an org is there and live (the parent of one to restore). */
export async function isLive(db: Q, id: number): Promise<boolean> {
  const row = await db.selectFrom('orgs').select('deleted_at').where('id', '=', id).executeTakeFirst();
  return !!row && !row.deleted_at;
}

/**
 * Re-paths a subtree from `oldPrefix` to `newPrefix` in every org-scoped table (and the accepting path of
 * requests), shifts the depth of its orgs and hangs its root under the new parent. Inside the caller's transaction.
 */
export async function moveSubtree(
  trx: Q,
  m: { tenantId: number; id: number; parentId: number; oldPrefix: string; newPrefix: string; depthDelta: number },
  now: string,
): Promise<void> {
  const { tenantId, oldPrefix, newPrefix } = m;
  const [lo, hi] = subtreeRange(oldPrefix);
  for (const table of ORG_SCOPED_TABLES) {
    await sql`update ${sql.table(table)} set org_path = ${newPrefix} || substr(org_path, ${oldPrefix.length + 1})
      where tenant_id = ${tenantId} and org_path >= ${lo} and org_path < ${hi}`.execute(trx);
  }
  // A request keeps the path of the organization that accepted it as well.
  await sql`update requests set origin_path = ${newPrefix} || substr(origin_path, ${oldPrefix.length + 1})
    where tenant_id = ${tenantId} and origin_path >= ${lo} and origin_path < ${hi}`.execute(trx);
  // A transfer keeps the path of its receiving organization as well.
  await sql`update transfers set to_path = ${newPrefix} || substr(to_path, ${oldPrefix.length + 1})
    where tenant_id = ${tenantId} and to_path >= ${lo} and to_path < ${hi}`.execute(trx);
  const [newLo, newHi] = subtreeRange(newPrefix);
  await sql`update orgs set depth = depth + ${m.depthDelta}
    where tenant_id = ${tenantId} and org_path >= ${newLo} and org_path < ${newHi}`.execute(trx);
  await trx.updateTable('orgs').set({ parent_id: m.parentId, updated_at: now }).where('id', '=', m.id).execute();
}
