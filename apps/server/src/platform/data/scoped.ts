/**
 * Scoped data access: the one way a repository reads rows that belong to an organization. Every query starts
 * limited to the caller's tenant, its subtree (a range on `org_path`, which uses the index on both engines) and
 * live rows, so a repository cannot forget the scope. On it: get-or-404, a page with a cached total, and soft
 * delete / restore with their audit record and version bumps in one transaction.
 */
import type { ErrorCode } from '@dangjian/contracts';
import { type Kysely, type Selectable, type SelectQueryBuilder, SqliteAdapter, sql, type Transaction } from 'kysely';
import { subtreeRange } from '../../db/dialect.js';
import type { DB } from '../../db/schema/index.js';
import { type Actor, scopeRange } from '../actor.js';
import { writeAudit } from './audit.js';
import type { Ctx } from '../context.js';
import { DomainError, notFound } from '../errors.js';
import { bumpVersion, cached, type Domain } from './versions.js';

/** A database handle or an open transaction. */
export type Q = Kysely<DB> | Transaction<DB>;

/**
 * Tables whose rows carry the tenant and the materialized path of their organization. Accounts may lack both
 * (a system account): such a row lies in no range, so no scoped query ever sees it.
 */
export type OrgTable = {
  [K in keyof DB]: DB[K] extends { tenant_id: number | null; org_path: string | null } ? K : never;
}[keyof DB];

/** Org tables whose rows are soft-deleted (`deleted_at`), never removed. */
export type SoftTable = {
  [K in OrgTable]: DB[K] extends { deleted_at: string | null; id: unknown } ? K : never;
}[OrgTable];

/** Which rows: live (the default), deleted (the recycle bin) or both. */
export type Liveness = 'live' | 'deleted' | 'any';

export interface ScopeOptions<A extends string> {
  /** Alias of the table in the query (defaults to the table's name). */
  as?: A;
  /** A subtree inside the caller's scope to narrow to (an org path); outside it answers 404. */
  under?: string | null;
  /** Live rows (default), the recycle bin, or both. Only for soft-deleted tables. */
  rows?: Liveness;
  /**
   * The subtree holds many rows and the query reads a page of them along an index in its own order: the path range
   * is then checked on each row rather than chosen as the index (SQLite's planner would range over the whole subtree
   * and sort it; told `likely()`, it walks the order index). The range stays a condition of the query either way.
   */
  wide?: boolean;
}

/** A select builder over one scoped table under its alias. */
export type ScopedQuery<T extends OrgTable, A extends string> = SelectQueryBuilder<DB & Record<A, DB[T]>, A, object>;

/** The [lo, hi) path range a query may see: the caller's subtree, or a subtree inside it. */
export function rangeOf(actor: Actor, under?: string | null): [string, string] {
  if (!under) return scopeRange(actor);
  const [lo, hi] = scopeRange(actor);
  // Another township's path in a filter is not an error the caller may learn from: it is not found.
  if (under < lo || under >= hi) throw notFound();
  return subtreeRange(under);
}

/** A query over `table`, limited to the caller's tenant and subtree (and live rows for a soft-deleted table). */
export function scoped<T extends OrgTable, A extends string = T>(
  db: Q,
  actor: Actor,
  table: T,
  opts: ScopeOptions<A> = {},
): ScopedQuery<T, A> {
  const alias = (opts.as ?? table) as string;
  const [lo, hi] = rangeOf(actor, opts.under);
  // Kysely cannot type a table chosen at run time; the cast restores the row type of `table` under `alias`.
  const any = db as unknown as Kysely<any>;
  let q: SelectQueryBuilder<any, any, any> = any
    .selectFrom(`${String(table)} as ${alias}`)
    .where(`${alias}.tenant_id`, '=', actor.tenantId);
  if (opts.wide && db.getExecutor().adapter instanceof SqliteAdapter) {
    const path = sql.ref(`${alias}.org_path`);
    q = q.where(sql<boolean>`likely(${path} >= ${lo})`).where(sql<boolean>`likely(${path} < ${hi})`);
  } else {
    q = q.where(`${alias}.org_path`, '>=', lo).where(`${alias}.org_path`, '<', hi);
  }
  const rows = opts.rows ?? 'live';
  if (rows !== 'any') q = q.where(`${alias}.deleted_at`, rows === 'deleted' ? 'is not' : 'is', null);
  return q as unknown as ScopedQuery<T, A>;
}

/** A query over an org table without soft delete (e.g. grants), limited to the caller's tenant and subtree. */
export function scopedAll<T extends OrgTable, A extends string = T>(
  db: Q,
  actor: Actor,
  table: T,
  opts: Omit<ScopeOptions<A>, 'rows'> = {},
): ScopedQuery<T, A> {
  return scoped(db, actor, table, { ...opts, rows: 'any' });
}

/** One row by id inside the caller's scope, or 404 `not_found` (never saying whether it exists elsewhere). */
export async function getOr404<T extends SoftTable>(
  db: Q,
  actor: Actor,
  table: T,
  id: number,
  rows: Liveness = 'live',
): Promise<Selectable<DB[T]>> {
  const q = scoped(db, actor, table, { rows }) as unknown as SelectQueryBuilder<DB, T, object>;
  const row = await q
    .selectAll()
    .where(`${table}.id` as never, '=', id as never)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row as Selectable<DB[T]>;
}

/** Paging as the API takes it: 1-based page and a page size. */
export interface Paging {
  page: number;
  pageSize: number;
}

/**
 * One page of rows and the total. The total counts `base`; outside a transaction it is cached under the
 * version of `cache.domain` (a count over a subtree is the costly part of a list), so it is computed once per
 * change of that data. `rows` turns the base into the ordered select of the page; it is told the total, so that a
 * long list may read its page another way (`scoped(…, { wide: true })`).
 */
export async function paged<B extends SelectQueryBuilder<any, any, any>, R>(
  db: Q,
  tenantId: number,
  base: B,
  rows: (base: B, total: number) => SelectQueryBuilder<any, any, R>,
  paging: Paging,
  cache?: { domain: Domain; key: string },
): Promise<{ rows: R[]; total: number }> {
  const count = async () =>
    Number(
      ((await base.select((e: any) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()) as { n: number | string }).n,
    );
  const total =
    cache && !db.isTransaction
      ? await cached(db as Kysely<DB>, tenantId, cache.domain, `count|${cache.key}`, count)
      : await count();
  if (!total) return { rows: [], total };
  const page = (await rows(base, total)
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute()) as R[];
  return { rows: page, total };
}

/** How a soft delete or restore is recorded. */
export interface SoftChange {
  /** Audit action, e.g. `household.delete`. */
  action: string;
  /** Audit entity type, e.g. `household`. */
  entityType: string;
  /** Data versions the row feeds (figures and cached totals recompute). */
  domains: Domain[];
  /** Whether the table has `updated_at` to stamp. */
  stampUpdatedAt?: boolean;
  /** A check or a side effect inside the transaction, before the row changes (e.g. an ID number taken since). */
  before?: (trx: Transaction<DB>, row: Record<string, unknown>) => Promise<void>;
  /** The error code of a restore of a live row (409; default `record.not_deleted`). */
  notDeleted?: ErrorCode;
}

/** Soft-deletes a row of the caller's scope (recoverable): sets `deleted_at`, bumps versions, audits. */
export async function softDelete<T extends SoftTable>(
  ctx: Ctx,
  actor: Actor,
  table: T,
  id: number,
  change: SoftChange,
): Promise<Selectable<DB[T]>> {
  return setDeleted(ctx, actor, table, id, change, true);
}

/** Restores a soft-deleted row of the caller's scope; 409 `record.not_deleted` when it is live. */
export async function restore<T extends SoftTable>(
  ctx: Ctx,
  actor: Actor,
  table: T,
  id: number,
  change: SoftChange,
): Promise<Selectable<DB[T]>> {
  return setDeleted(ctx, actor, table, id, change, false);
}

async function setDeleted<T extends SoftTable>(
  ctx: Ctx,
  actor: Actor,
  table: T,
  id: number,
  change: SoftChange,
  deleting: boolean,
): Promise<Selectable<DB[T]>> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = (await getOr404(trx, actor, table, id, 'any')) as Record<string, unknown>;
    const was = (row.deleted_at as string | null) ?? null;
    if (deleting && was) throw notFound();
    if (!deleting && !was) throw new DomainError(change.notDeleted ?? 'record.not_deleted', undefined, 409);
    await change.before?.(trx, row);
    const now = ctx.clock().toISOString();
    const after = deleting ? now : null;
    const set: Record<string, unknown> = { deleted_at: after };
    if (change.stampUpdatedAt) set.updated_at = now;
    const any = trx as unknown as Kysely<any>;
    await any.updateTable(String(table)).set(set).where('id', '=', id).execute();
    for (const domain of change.domains) await bumpVersion(trx, actor.tenantId!, domain);
    await writeAudit(ctx, trx, actor, {
      action: change.action,
      entityType: change.entityType,
      entityId: id,
      changes: { deletedAt: { before: was, after } },
    });
    return { ...row, deleted_at: after } as Selectable<DB[T]>;
  });
}

/**
 * Which of `values` a lookup finds, asked `size` at a time (an `in (…)` list the index serves), pausing between
 * lookups so a large import never holds the event loop.
 */
export async function foundAmong(
  values: string[],
  pause: () => Promise<void>,
  lookup: (chunk: string[]) => Promise<(string | null)[]>,
  size = 500,
): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += size) {
    await pause();
    for (const v of await lookup(unique.slice(i, i + size))) if (v !== null) found.add(v);
  }
  return found;
}

/**
 * Live rows of `table` in a tenant's subtree [lo, hi) that the caller already resolved (the figures' queries,
 * which take a checked range rather than an actor).
 */
export function liveInSubtree<T extends OrgTable & SoftTable, A extends string = T>(
  db: Q,
  table: T,
  tenant: number,
  [lo, hi]: [string, string],
  as?: A,
): ScopedQuery<T, A> {
  const alias = (as ?? table) as string;
  const any = db as unknown as Kysely<any>;
  return any
    .selectFrom(`${String(table)} as ${alias}`)
    .where(`${alias}.tenant_id`, '=', tenant)
    .where(`${alias}.org_path`, '>=', lo)
    .where(`${alias}.org_path`, '<', hi)
    .where(`${alias}.deleted_at`, 'is', null) as unknown as ScopedQuery<T, A>;
}

/** How many rows a query selects (`count(*)`), as a number on both engines (PostgreSQL answers a string). */
export async function countOf(q: SelectQueryBuilder<any, any, any>): Promise<number> {
  const r = (await q.select((e: any) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()) as { n: number | string };
  return Number(r.n);
}
