/** Every query on organizations, always inside the caller's scope. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { scopeRange } from '../../../platform/actor.js';
import type { DB, OrgsTable } from '../../../db/schema.js';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { Selectable } from 'kysely';
import { notFound } from '../../../platform/errors.js';
import { cached } from '../../../platform/versions.js';

export type OrgRow = Selectable<OrgsTable>;
type Q = Kysely<DB> | Transaction<DB>;

/** SQL for the exclusive upper bound of a path column's subtree ('/1/17/' → '/1/170'), same on both engines. */
export const upperBoundSql = (col: string) =>
  sql<string>`substr(${sql.ref(col)}, 1, length(${sql.ref(col)}) - 1) || '0'`;

/** Live members in the subtree of the org in column `o`. */
export const memberCountSql = sql<number>`(select count(*) from members m where m.tenant_id = o.tenant_id and m.org_path >= o.org_path and m.org_path < ${upperBoundSql('o.org_path')} and m.deleted_at is null)`;

/** One org by id, 404 when missing, deleted (unless asked) or outside the scope. */
export async function getOrg(
  db: Q,
  actor: Actor,
  id: number,
  opts: { includeDeleted?: boolean } = {},
): Promise<OrgRow> {
  const [lo, hi] = scopeRange(actor);
  let q = db
    .selectFrom('orgs')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId!)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi);
  if (!opts.includeDeleted) q = q.where('deleted_at', 'is', null);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  return row;
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

function nodeSelect(db: Q) {
  return db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.parent_id', 'o.name', 'o.type', 'o.field', 'o.org_path'])
    .select(
      sql<number>`(case when exists (select 1 from orgs c where c.parent_id = o.id and c.deleted_at is null) then 1 else 0 end)`.as(
        'has_children',
      ),
    )
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
  const [lo, hi] = scopeRange(actor);
  return nodeSelect(db)
    .where('o.parent_id', '=', parentId)
    .where('o.tenant_id', '=', actor.tenantId!)
    .where('o.org_path', '>=', lo)
    .where('o.org_path', '<', hi)
    .where('o.deleted_at', 'is', null)
    .orderBy('o.sort_order')
    .orderBy('o.id')
    .execute() as Promise<NodeRow[]>;
}

/** Nodes by id (the actor's own root, for the first level of the tree). */
export async function nodesByIds(db: Q, actor: Actor, ids: number[]): Promise<NodeRow[]> {
  if (!ids.length) return [];
  const [lo, hi] = scopeRange(actor);
  return nodeSelect(db)
    .where('o.id', 'in', ids)
    .where('o.tenant_id', '=', actor.tenantId!)
    .where('o.org_path', '>=', lo)
    .where('o.org_path', '<', hi)
    .where('o.deleted_at', 'is', null)
    .execute() as Promise<NodeRow[]>;
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
  const [lo, hi] = f.underPath ? subtreeRange(f.underPath) : scopeRange(actor);
  let base = db
    .selectFrom('orgs as o')
    .where('o.tenant_id', '=', actor.tenantId!)
    .where('o.org_path', '>=', lo)
    .where('o.org_path', '<', hi);
  base = f.includeDeleted ? base.where('o.deleted_at', 'is not', null) : base.where('o.deleted_at', 'is', null);
  if (f.q) base = base.where(likeContains('o.name', f.q));
  if (f.type) base = base.where('o.type', '=', f.type);
  if (f.field) base = base.where('o.field', '=', f.field);
  const total = Number((await base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const ids = (
    await base
      .select('o.id')
      .orderBy('o.org_path')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute()
  ).map((r) => r.id);
  if (!ids.length) return { rows: [], total };
  const rows = (await nodeSelect(db).where('o.id', 'in', ids).orderBy('o.org_path').execute()) as NodeRow[];
  return { rows, total };
}

/** Names of the orgs whose ids appear in paths, for breadcrumbs. */
export async function namesOf(db: Q, tenantId: number, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Live counts for one subtree: child orgs, members by status. */
export async function subtreeCounts(
  db: Q,
  org: OrgRow,
): Promise<{ childCount: number; total: number; full: number; probationary: number }> {
  const [lo, hi] = subtreeRange(org.org_path);
  const childCount = Number(
    (
      await db
        .selectFrom('orgs')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('parent_id', '=', org.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const byStatus = await db
    .selectFrom('members')
    .select(['status', (e) => e.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', org.tenant_id)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .groupBy('status')
    .execute();
  const full = Number(byStatus.find((r) => r.status === 'full')?.n ?? 0);
  const probationary = Number(byStatus.find((r) => r.status === 'probationary')?.n ?? 0);
  return { childCount, total: full + probationary, full, probationary };
}
