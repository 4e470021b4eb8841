/**
 * Every query on grassroots funds (`fund_records`), scoped to the caller's subtree. A secretary's pay is personal:
 * for a caller without `funds.pay` the list never holds it (filtered in the query, so counts agree).
 */
import { FUND_PERSONAL_KINDS } from '@dangjian/contracts';
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { FundRecordsTable } from '../../../db/schema/funds.js';
import type { Actor } from '../../../platform/actor.js';
import { getOr404, type Liveness, type Paging, paged, type Q, scoped } from '../../../platform/data/scoped.js';

export type FundRow = Selectable<FundRecordsTable> & { org_name: string; township_name: string | null };

/** What a list asks for. */
export interface FundFilter {
  underPath?: string;
  q?: string;
  year?: number;
  kind?: string;
  source?: string;
  deleted?: boolean;
  /** Whether the caller reads secretaries' pay. */
  pay: boolean;
}

type AnyQ = SelectQueryBuilder<any, any, any>;

function base(db: Q, actor: Actor, under: string | undefined, rows: Liveness, pay: boolean): AnyQ {
  let q = (scoped(db, actor, 'fund_records', { as: 'f', under, rows }) as AnyQ)
    .innerJoin('orgs as o', 'o.id', 'f.org_id')
    .leftJoin('orgs as t', 't.id', 'o.parent_id');
  if (!pay) q = q.where('f.kind', 'not in', [...FUND_PERSONAL_KINDS]);
  return q;
}

const COLUMNS = (q: AnyQ) =>
  q
    .selectAll('f')
    .select((e: any) => [
      e.fn.coalesce('o.place_name', 'o.name').as('org_name'),
      e.fn.coalesce('t.place_name', 't.name').as('township_name'),
    ]);

/** One record the caller may see (404 otherwise, a pay record too for a caller who does not read pay). */
export async function getFund(
  db: Q,
  actor: Actor,
  id: number,
  pay: boolean,
  rows: Liveness = 'live',
): Promise<FundRow> {
  await getOr404(db, actor, 'fund_records', id, rows);
  const r = await COLUMNS(base(db, actor, undefined, rows, pay))
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (!r) await getOr404(db, actor, 'fund_records', -1);
  return r as FundRow;
}

/** A page of records, the newest year first. */
export async function listFunds(
  db: Q,
  actor: Actor,
  f: FundFilter,
  paging: Paging,
): Promise<{ rows: FundRow[]; total: number }> {
  let q = base(db, actor, f.underPath, f.deleted ? 'deleted' : 'live', f.pay);
  if (f.year) q = q.where('f.year', '=', f.year);
  if (f.kind) q = q.where('f.kind', '=', f.kind);
  if (f.source) q = q.where('f.source', '=', f.source);
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) => e.or([likeContains('o.name', text), likeContains('o.place_name', text)]));
  }
  const order = (b: AnyQ) => COLUMNS(b).orderBy('f.year', 'desc').orderBy('o.org_path').orderBy('f.id');
  return paged(db, actor.tenantId!, q, order, paging) as Promise<{ rows: FundRow[]; total: number }>;
}

/** A new record's row. */
export type NewFund = Omit<Insertable<FundRecordsTable>, 'id'>;

/** Inserts records; answers their ids in order. */
export async function insertFunds(db: Q, rows: NewFund[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('fund_records').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes columns of a record. */
export async function updateFund(db: Q, id: number, set: Partial<Selectable<FundRecordsTable>>): Promise<void> {
  await db.updateTable('fund_records').set(set).where('id', '=', id).execute();
}

/** Totals per village and kind of a subtree and year. */
export async function totalsOf(
  db: Q,
  tenantId: number,
  orgPath: string,
  year: number,
): Promise<{ org_id: number; kind: string; total: number }[]> {
  const [lo, hi] = subtreeRange(orgPath);
  const rows = await db
    .selectFrom('fund_records')
    .select((e) => ['org_id', 'kind', e.fn.sum<number | string>('amount_fen').as('total')])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('year', '=', year)
    .groupBy(['org_id', 'kind'])
    .execute();
  return rows.map((r) => ({ org_id: Number(r.org_id), kind: r.kind, total: Number(r.total) }));
}
