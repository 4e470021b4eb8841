/** Queries on proxy errands; the service decides who may see what and passes the bounds in. */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB, ErrandsTable } from '../../../db/schema/index.js';
import { likeContains } from '../../../db/dialect.js';
import { countOf } from '../../../platform/data/scoped.js';

type Q = Kysely<DB> | Transaction<DB>;

export type ErrandRow = Selectable<ErrandsTable> & { org_name: string; member_name: string };

function errandSelect(db: Q) {
  return db
    .selectFrom('errands as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .selectAll('e')
    .select(['o.name as org_name', 'm.name as member_name']);
}

/** One errand by id (the caller checks access). */
export async function findErrand(
  db: Q,
  id: number,
  opts: { includeDeleted?: boolean } = {},
): Promise<ErrandRow | undefined> {
  let q = errandSelect(db).where('e.id', '=', id);
  if (!opts.includeDeleted) q = q.where('e.deleted_at', 'is', null);
  return (await q.executeTakeFirst()) as ErrandRow | undefined;
}

export interface ErrandFilter {
  tenantId: number;
  range?: [string, string];
  memberId?: number;
  status?: string;
  q?: string;
  deleted?: boolean;
}

/** A page of errands, newest first, and the total. */
export async function listErrands(
  db: Q,
  f: ErrandFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: ErrandRow[]; total: number }> {
  let q = db.selectFrom('errands as e').where('e.tenant_id', '=', f.tenantId);
  if (f.range) q = q.where('e.org_path', '>=', f.range[0]).where('e.org_path', '<', f.range[1]);
  q = f.deleted ? q.where('e.deleted_at', 'is not', null) : q.where('e.deleted_at', 'is', null);
  if (f.memberId != null) q = q.where('e.member_id', '=', f.memberId);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([likeContains('e.title', text), likeContains('e.resident_name', text), likeContains('e.card_no', text)]),
    );
  }
  const total = await countOf(q);
  if (!total) return { rows: [], total };
  const rows = (await q
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .selectAll('e')
    .select(['o.name as org_name', 'm.name as member_name'])
    .orderBy('e.taken_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()) as ErrandRow[];
  return { rows, total };
}

/** Inserts an errand; answers its id. */
export async function insertErrand(db: Q, row: Insertable<ErrandsTable>): Promise<number> {
  return (await db.insertInto('errands').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
