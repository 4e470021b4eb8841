/**
 * Every query on collective income entries. An entry lies on its village's path: a scoped query (`scoped()`) gives
 * each caller its subtree and nothing of a sibling's. `incomeClassesOf` is the export the integration reads (the
 * township home shows class changes with it): per village, this year's accepted total and class and last year's.
 */
import { incomeClassOf, type IncomeClass } from '@dangjian/contracts';
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { IncomeEntriesTable } from '../../../db/schema/incomes.js';
import type { Actor } from '../../../platform/actor.js';
import { getOr404, type Liveness, type Paging, paged, type Q, scoped } from '../../../platform/data/scoped.js';
import { villagesUnder } from './villages.repository.js';
import { incomesRules } from './incomes.rules.js';

export type IncomeRow = Selectable<IncomeEntriesTable> & { org_name: string; township_name: string | null };
export type { Q };

/** What a list asks for. */
export interface IncomeFilter {
  underPath?: string;
  q?: string;
  year?: number;
  source?: string;
  status?: string;
  deleted?: boolean;
}

type AnyQ = SelectQueryBuilder<any, any, any>;

function base(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  return (scoped(db, actor, 'income_entries', { as: 'i', under, rows }) as AnyQ)
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .leftJoin('orgs as t', 't.id', 'o.parent_id');
}

const COLUMNS = (q: AnyQ) =>
  q
    .selectAll('i')
    .select((e: any) => [
      e.fn.coalesce('o.place_name', 'o.name').as('org_name'),
      e.fn.coalesce('t.place_name', 't.name').as('township_name'),
    ]);

/** One entry the caller may see (404 otherwise). */
export async function getIncome(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<IncomeRow> {
  await getOr404(db, actor, 'income_entries', id, rows);
  return (await COLUMNS(base(db, actor, undefined, rows))
    .where('i.id', '=', id)
    .executeTakeFirstOrThrow()) as IncomeRow;
}

function filtered(db: Q, actor: Actor, f: IncomeFilter): AnyQ {
  let q = base(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.year) q = q.where('i.year', '=', f.year);
  if (f.source) q = q.where('i.source', '=', f.source);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) =>
      e.or([likeContains('o.name', text), likeContains('o.place_name', text), likeContains('i.note', text)]),
    );
  }
  return q;
}

/** A page of entries, the newest year first. */
export async function listIncomes(
  db: Q,
  actor: Actor,
  f: IncomeFilter,
  paging: Paging,
): Promise<{ rows: IncomeRow[]; total: number }> {
  const order = (b: AnyQ) => COLUMNS(b).orderBy('i.year', 'desc').orderBy('o.org_path').orderBy('i.id', 'desc');
  return paged(db, actor.tenantId!, filtered(db, actor, f), order, paging) as Promise<{
    rows: IncomeRow[];
    total: number;
  }>;
}

/** A new entry's row. */
export type NewIncome = Omit<Insertable<IncomeEntriesTable>, 'id'>;

/** Inserts entries; answers their ids in order. */
export async function insertIncomes(db: Q, rows: NewIncome[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('income_entries').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes columns of an entry outside a move. */
export async function updateIncome(db: Q, id: number, set: Partial<Selectable<IncomeEntriesTable>>): Promise<void> {
  await db.updateTable('income_entries').set(set).where('id', '=', id).execute();
}

/** An organization of a tenant with what the village rule reads. */
export async function orgOf(db: Q, tenantId: number, id: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'tenant_id', 'org_path', 'name', 'place_name', 'type', 'field', 'depth'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Accepted totals per village path of a subtree for some years. */
export async function acceptedTotals(
  db: Q,
  tenantId: number,
  orgPath: string,
  years: number[],
): Promise<{ org_id: number; year: number; total: number }[]> {
  const [lo, hi] = subtreeRange(orgPath);
  const rows = await db
    .selectFrom('income_entries')
    .select((e) => ['org_id', 'year', e.fn.sum<number | string>('amount_fen').as('total')])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'accepted')
    .where('year', 'in', years)
    .groupBy(['org_id', 'year'])
    .execute();
  return rows.map((r) => ({ org_id: Number(r.org_id), year: Number(r.year), total: Number(r.total) }));
}

/** One village's year as `incomeClassesOf` answers it. */
export interface VillageIncomeClass {
  orgId: number;
  orgName: string;
  orgPath: string;
  townshipName: string | null;
  totalFen: number;
  class: IncomeClass;
  lastTotalFen: number;
  lastClass: IncomeClass;
}

/**
 * Per village of a subtree: this year's accepted total and class, last year's total and class (each year by its
 * own rules). The integration helper reads class changes for the township home from it.
 */
export async function incomeClassesOf(
  db: Q,
  tenantId: number,
  orgPath: string,
  year: number,
): Promise<VillageIncomeClass[]> {
  const [villages, totals, rules, lastRules] = await Promise.all([
    villagesUnder(db, tenantId, orgPath),
    acceptedTotals(db, tenantId, orgPath, [year, year - 1]),
    incomesRules(db, tenantId, year),
    incomesRules(db, tenantId, year - 1),
  ]);
  const sum = new Map<string, number>();
  for (const t of totals) sum.set(`${t.org_id}|${t.year}`, t.total);
  return villages.map((v) => {
    const totalFen = sum.get(`${v.id}|${year}`) ?? 0;
    const lastTotalFen = sum.get(`${v.id}|${year - 1}`) ?? 0;
    return {
      orgId: v.id,
      orgName: v.name,
      orgPath: v.org_path,
      townshipName: v.township_name,
      totalFen,
      class: incomeClassOf(totalFen, rules),
      lastTotalFen,
      lastClass: incomeClassOf(lastTotalFen, lastRules),
    };
  });
}
