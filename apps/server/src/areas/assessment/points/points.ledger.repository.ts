/**
 * The points ledger list: one page of `point_entries` of the caller's scope, newest first, read by an index range and
 * stopped at the page's end (never a sort or a flag computed over the county for one page).
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { DialectName } from '../../../db/database.js';
import { likeContains } from '../../../db/dialect.js';
import type { PointEntriesTable } from '../../../db/schema/points.js';
import type { DB } from '../../../db/schema/index.js';
import type { Actor } from '../../../platform/actor.js';
import { countOf, type Paging, type Q, rangeOf } from '../../../platform/data/scoped.js';
import { cached, readVersion } from '../../../platform/data/versions.js';

/** A ledger row as lists read it: with its member's and organization's names and its month's state. */
export type LedgerRow = Selectable<PointEntriesTable> & {
  member_name: string;
  org_name: string;
  published: number;
  reversed: number;
};

/** What a list may filter by. */
export interface LedgerFilter {
  underPath?: string;
  memberId?: number;
  year?: number;
  month?: string;
  event?: string;
  status?: string;
  disputed?: boolean;
  q?: string;
  ids?: number[];
}

/**
 * The ledger rows of the caller's scope, the newest first, and the total. The filters and the total read
 * `point_entries` alone on the scope's `org_path` range (names are joined for the page only); the total is cached
 * under the points and roster versions. The page takes ids first, by one of two plans: walk the newest-first index
 * (`point_entries_recent`, org_path checked in the index) from the top when the filtered rows are a good share of
 * the county, else sort the range; then it reads the page's rows by id with their flags (published, reversed).
 */
export async function listLedger(db: Q, actor: Actor, f: LedgerFilter, paging: Paging, dialect?: DialectName) {
  const tenantId = actor.tenantId!;
  const [lo, hi] = rangeOf(actor, f.underPath);
  const build = (walkNewest: boolean) => {
    // On SQLite a unary plus keeps the planner off the scope index, so it walks the newest-first one.
    const path = walkNewest && dialect === 'sqlite' ? sql`+e.org_path` : sql.ref('e.org_path');
    let q = db
      .selectFrom('point_entries as e')
      .where('e.tenant_id', '=', tenantId)
      .where(sql<boolean>`${path} >= ${lo} and ${path} < ${hi}`)
      .where('e.deleted_at', 'is', null);
    if (f.memberId != null) q = q.where('e.member_id', '=', f.memberId);
    if (f.year != null) q = q.where('e.year', '=', f.year);
    if (f.month) q = q.where('e.month', '=', f.month);
    if (f.event) q = q.where('e.event', '=', f.event);
    if (f.status) q = q.where('e.status', '=', f.status);
    if (f.ids) q = q.where('e.id', 'in', f.ids.length ? f.ids : [-1]);
    if (f.q) {
      const text = f.q;
      q = q.where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('members as qm')
              .select('qm.id')
              .whereRef('qm.id', '=', 'e.member_id')
              .where(likeContains('qm.name', text)),
          ),
          likeContains('e.note', text),
        ]),
      );
    }
    if (f.disputed)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('point_disputes as d')
            .select('d.id')
            .whereRef('d.entry_id', '=', 'e.id')
            .where('d.status', '=', 'open')
            .where('d.deleted_at', 'is', null),
        ),
      );
    return q;
  };
  const count = () => countOf(build(false));
  // The total reads the whole range; it changes with points writes and (names searched) the roster.
  const total =
    f.ids || db.isTransaction
      ? await count()
      : await cached(
          db as Kysely<DB>,
          tenantId,
          'points',
          `ledger.count|${lo}|${hi}|r${await readVersion(db, tenantId, 'roster')}|${JSON.stringify(f)}`,
          count,
        );
  if (!total) return { rows: [] as LedgerRow[], total };
  const pageEnd = paging.page * paging.pageSize;
  let walkNewest = false;
  if (dialect === 'sqlite' && !f.ids && f.memberId == null && total > pageEnd && !db.isTransaction) {
    const county = await cached(db as Kysely<DB>, tenantId, 'points', 'ledger.count.tenant', () =>
      countOf(db.selectFrom('point_entries').where('tenant_id', '=', tenantId)),
    );
    // Walking from the newest reads about pageEnd × county / total index entries; sorting reads the range's rows.
    walkNewest = (pageEnd * county) / total < total * 10;
  }
  const ids = (
    await build(walkNewest)
      .select('e.id')
      .orderBy('e.occurred_on', 'desc')
      .orderBy('e.id', 'desc')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute()
  ).map((r) => r.id);
  if (!ids.length) return { rows: [] as LedgerRow[], total };
  const rows = (await db
    .selectFrom('point_entries as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .selectAll('e')
    .select(['m.name as member_name', 'o.name as org_name'])
    .select((eb) => [
      eb
        .case()
        .when(
          eb.exists(
            eb
              .selectFrom('point_months as pm')
              .select('pm.id')
              .whereRef('pm.org_id', '=', 'e.org_id')
              .whereRef('pm.month', '=', 'e.month')
              .where('pm.deleted_at', 'is', null),
          ),
        )
        .then(1)
        .else(0)
        .end()
        .as('published'),
      eb
        .case()
        .when(eb.exists(eb.selectFrom('point_entries as r').select('r.id').whereRef('r.reverses_id', '=', 'e.id')))
        .then(1)
        .else(0)
        .end()
        .as('reversed'),
    ])
    .where('e.id', 'in', ids)
    .execute()) as LedgerRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.map((id) => byId.get(id)).filter((r): r is LedgerRow => r != null), total };
}
