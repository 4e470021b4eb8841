/**
 * Every query on bulletins. Who sees a bulletin: a draft, the writers of the subtree of the organization that
 * issues it; an issued (or withdrawn) one, everyone whose subtree holds the organization it covers, and everyone
 * below that organization (a branch reads the county's bulletin that covers it).
 */
import { type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { likeContains } from '../../../db/dialect.js';
import type { DB } from '../../../db/schema/index.js';
import type { BulletinsTable } from '../../../db/schema/bulletins.js';
import type { Actor } from '../../../platform/actor.js';
import { notFound } from '../../../platform/errors.js';
import { type Liveness, type Paging, paged, type Q, rangeOf } from '../../../platform/data/scoped.js';
import type { SubtreeOrg } from './bulletins.model.js';

export type BulletinRow = Selectable<BulletinsTable>;
export type { Q };

/** What a list asks for. */
export interface BulletinFilter {
  underPath?: string;
  /** An organization above the caller's: its own issued bulletins (they cover the caller). */
  abovePath?: string;
  kind?: string;
  status?: string;
  year?: number;
  q?: string;
  deleted?: boolean;
}

type AnyQ = SelectQueryBuilder<any, any, any>;

/** The paths of an organization and every organization above it (`/1/17/45/` → `/1/`, `/1/17/`, `/1/17/45/`). */
export function pathsAbove(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** The bulletins a caller may see (see the header), optionally narrowed to a subtree of its scope. */
function visible(db: Q, actor: Actor, writer: boolean, under: string | undefined, rows: Liveness): AnyQ {
  const [lo, hi] = rangeOf(actor, under);
  let q = (db as Kysely<DB>).selectFrom('bulletins as b').where('b.tenant_id', '=', actor.tenantId!) as AnyQ;
  if (rows !== 'any') q = q.where('b.deleted_at', rows === 'deleted' ? 'is not' : 'is', null);
  const [ilo, ihi] = rangeOf(actor);
  const above = under ? [] : pathsAbove(actor.orgPath!);
  return q.where((e: any) => {
    const issued = e('b.status', '!=', 'draft');
    const covers = [e.and([e('b.org_path', '>=', lo), e('b.org_path', '<', hi)])];
    if (above.length) covers.push(e('b.org_path', 'in', above));
    const open = [e.and([issued, e.or(covers)])];
    if (writer)
      open.push(
        e.and([
          e('b.status', '=', 'draft'),
          e('b.issuer_path', '>=', ilo),
          e('b.issuer_path', '<', ihi),
          e('b.org_path', '>=', lo),
          e('b.org_path', '<', hi),
        ]),
      );
    return e.or(open);
  });
}

/** One bulletin the caller may see; 404 otherwise. */
export async function getBulletin(
  db: Q,
  actor: Actor,
  writer: boolean,
  id: number,
  rows: Liveness = 'live',
): Promise<BulletinRow> {
  const row = (await visible(db, actor, writer, undefined, rows)
    .selectAll('b')
    .where('b.id', '=', id)
    .executeTakeFirst()) as BulletinRow | undefined;
  if (!row) throw notFound();
  return row;
}

/** A page of bulletins, newest first (issued ones by their issue, drafts by their creation). */
export async function listBulletins(
  db: Q,
  actor: Actor,
  writer: boolean,
  f: BulletinFilter,
  paging: Paging,
): Promise<{ rows: BulletinRow[]; total: number }> {
  let q = visible(db, actor, writer, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.abovePath) q = q.where('b.org_path', '=', f.abovePath).where('b.status', '!=', 'draft');
  if (f.kind) q = q.where('b.kind', '=', f.kind);
  if (f.status) q = q.where('b.status', '=', f.status);
  if (f.year) q = q.where('b.period_from', '>=', `${f.year}-01-01`).where('b.period_from', '<=', `${f.year}-12-31`);
  if (f.q) q = q.where(likeContains('b.title', f.q));
  const order = (b: AnyQ) =>
    b.selectAll('b').orderBy('b.period_from', 'desc').orderBy('b.created_at', 'desc').orderBy('b.id', 'desc');
  return paged(db, actor.tenantId!, q, order, paging) as Promise<{ rows: BulletinRow[]; total: number }>;
}

/** A new bulletin's row. */
export type NewBulletin = Omit<Insertable<BulletinsTable>, 'id'>;

/** Inserts a bulletin; answers its id. */
export async function insertBulletin(db: Q, row: NewBulletin): Promise<number> {
  return (await db.insertInto('bulletins').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes columns of a bulletin. */
export async function updateBulletin(db: Q, id: number, set: Partial<BulletinRow>): Promise<void> {
  await db.updateTable('bulletins').set(set).where('id', '=', id).execute();
}

/**
 * Marks a draft issued when it still is one (the first of two parallel issues wins; on PostgreSQL the second
 * waits for the row and then finds it issued). Answers whether this call issued it.
 */
export async function claimIssue(db: Q, id: number, set: Partial<BulletinRow>): Promise<boolean> {
  const r = await db
    .updateTable('bulletins')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks an issued bulletin withdrawn when it still is issued. Answers whether this call did. */
export async function claimWithdraw(db: Q, id: number, set: Partial<BulletinRow>): Promise<boolean> {
  const r = await db
    .updateTable('bulletins')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'issued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The next number of an issuing organization and year, taken with one atomic upsert inside the issue. */
export async function nextNumber(db: Q, tenantId: number, issuerOrgId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('bulletin_numbers')
    .values({ tenant_id: tenantId, issuer_org_id: issuerOrgId, year, last_no: 1 })
    .onConflict((oc) =>
      oc.columns(['issuer_org_id', 'year']).doUpdateSet({ last_no: sql<number>`bulletin_numbers.last_no + 1` }),
    )
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return Number(row.last_no);
}

/** Every live organization of a subtree, in path order (the sections' organizations). */
export async function subtreeOrgs(db: Q, tenantId: number, [lo, hi]: [string, string]): Promise<SubtreeOrg[]> {
  return db
    .selectFrom('orgs')
    .select(['id', 'tenant_id', 'org_path', 'name', 'parent_id', 'type'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .orderBy('org_path')
    .execute();
}

/** The path of a live organization of the tenant strictly above the caller's (a list's `org` filter), or null. */
export async function pathAbove(db: Q, actor: Actor, id: number): Promise<string | null> {
  const o = await db
    .selectFrom('orgs')
    .select('org_path')
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId!)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!o || !actor.orgPath || o.org_path === actor.orgPath || !actor.orgPath.startsWith(o.org_path)) return null;
  return o.org_path;
}

/** Names of organizations by id. */
export async function orgNames(db: Q, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The county's root organization and its townships (the demo's issuers). */
export function orgsOfTenant(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'tenant_id', 'org_path', 'name', 'parent_id', 'type'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where((e) => e.or([e('parent_id', 'is', null), e('type', '=', 'committee')]))
    .orderBy('org_path')
    .execute();
}
