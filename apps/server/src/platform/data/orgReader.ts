/**
 * Readers shared by the repositories of org-scoped, soft-deleted tables: the scoped query of a list filter, the
 * first row or 404, and, for a table shown with its organization's name, get-or-404 and a searchable page.
 */
import { type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { likeContains } from '../../db/dialect.js';
import type { DB } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { notFound } from '../errors.js';
import { type Liveness, type Paging, paged, type Q, type ScopedQuery, type SoftTable, scoped } from './scoped.js';

/** What a list of a subtree may ask for. */
export interface SubtreeFilter {
  /** A subtree inside the caller's scope (an org path). */
  underPath?: string;
  q?: string;
  deleted?: boolean;
}

/** The scoped query of a list: the filter's subtree, and the recycle bin when it asks for deleted rows. */
export function scopedList<T extends SoftTable, A extends string>(
  db: Q,
  actor: Actor,
  table: T,
  as: A,
  f: Omit<SubtreeFilter, 'q'>,
): ScopedQuery<T, A> {
  return scoped(db, actor, table, { as, under: f.underPath, rows: f.deleted ? 'deleted' : 'live' });
}

/** The first row of a query, or 404 `not_found` (never saying whether it exists outside the scope). */
export async function firstOr404<R>(q: { executeTakeFirst(): Promise<R | undefined> }): Promise<R> {
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** A row of `T` with the name of its organization. */
export type WithOrgName<T extends SoftTable> = Selectable<DB[T]> & { org_name: string };

/**
 * Get-or-404 and a page of a subtree (by org, then id) of `table` under alias `as`, each row with its
 * organization's name (its place's, 大岭村, where it has one); a list's `q` text matches any of the `search` columns.
 */
export function orgScopedReader<T extends SoftTable, A extends string>(table: T, as: A, search: string[]) {
  type Row = WithOrgName<T>;
  // Kysely cannot type a table chosen at run time; the rows are those of `table` plus `org_name`.
  const withOrg = (q: ScopedQuery<T, A>) =>
    (q as SelectQueryBuilder<any, any, any>)
      .innerJoin('orgs as o', 'o.id', `${as}.org_id`)
      .selectAll(as)
      .select(sql<string>`coalesce(o.place_name, o.name)`.as('org_name'));
  return {
    get: (db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<Row> =>
      firstOr404<Row>(withOrg(scoped(db, actor, table, { as, rows })).where(`${as}.id` as string, '=', id)),
    list: (db: Q, actor: Actor, f: SubtreeFilter, paging: Paging): Promise<{ rows: Row[]; total: number }> => {
      let q = scopedList(db, actor, table, as, f) as SelectQueryBuilder<any, any, any>;
      const text = f.q;
      if (text) q = q.where((eb) => eb.or(search.map((col) => likeContains(col, text))));
      const order = (b: SelectQueryBuilder<any, any, any>) =>
        withOrg(b as ScopedQuery<T, A>)
          .orderBy(`${as}.org_path`)
          .orderBy(`${as}.id`);
      return paged(db, actor.tenantId!, q, order, paging) as Promise<{ rows: Row[]; total: number }>;
    },
  };
}
