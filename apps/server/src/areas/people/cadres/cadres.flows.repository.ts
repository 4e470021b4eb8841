/**
 * The queries of the filings with the county (备案) and the joint reviews (联审): both tables lie on the path of the
 * village; a scoped query gives each caller its subtree. The person's name is the roster's where linked.
 */
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { likeContains } from '../../../db/dialect.js';
import type { CadreFilingsTable, CadreReviewsTable } from '../../../db/schema/cadres.js';
import type { Actor } from '../../../platform/actor.js';
import {
  getOr404,
  type Liveness,
  liveInSubtree,
  type Paging,
  paged,
  type Q,
  scoped,
} from '../../../platform/data/scoped.js';

export type FilingRow = Selectable<CadreFilingsTable> & { org_name: string; cadre_name: string };
export type ReviewRow = Selectable<CadreReviewsTable> & { org_name: string; cadre_name: string };

type AnyQ = SelectQueryBuilder<any, any, any>;

// Filings -----------------------------------------------------------------------------------------------------------

function filingBase(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  return (scoped(db, actor, 'cadre_filings', { as: 'f', under, rows }) as AnyQ)
    .innerJoin('orgs as o', 'o.id', 'f.org_id')
    .innerJoin('cadres as c', 'c.id', 'f.cadre_id')
    .leftJoin('members as m', 'm.id', 'c.member_id');
}
const filingColumns = (q: AnyQ) =>
  q.selectAll('f').select((e: any) => ['o.name as org_name', e.fn.coalesce('m.name', 'c.name').as('cadre_name')]);

/** What a list of filings asks for. */
export interface FilingFilter {
  underPath?: string;
  q?: string;
  status?: string;
  year?: number;
  term?: string;
  deleted?: boolean;
}

/** A page of filings, the newest filed first. */
export async function listFilings(db: Q, actor: Actor, f: FilingFilter, paging: Paging) {
  let q = filingBase(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.status) q = q.where('f.status', '=', f.status);
  if (f.term) q = q.where('f.term', '=', f.term);
  if (f.year) q = q.where('f.filed_on', '>=', `${f.year}-01-01`).where('f.filed_on', '<=', `${f.year}-12-31`);
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) =>
      e.or([likeContains('c.name', text), likeContains('m.name', text), likeContains('o.name', text)]),
    );
  }
  const order = (b: AnyQ) => filingColumns(b).orderBy('f.filed_on', 'desc').orderBy('f.id', 'desc');
  return paged(db, actor.tenantId!, q, order, paging) as Promise<{ rows: FilingRow[]; total: number }>;
}

/** One filing of the caller's scope (404 otherwise). */
export async function getFiling(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<FilingRow> {
  await getOr404(db, actor, 'cadre_filings', id, rows);
  return (await filingColumns(filingBase(db, actor, undefined, 'any'))
    .where('f.id', '=', id)
    .executeTakeFirstOrThrow()) as FilingRow;
}

/** Inserts filings; answers their ids. */
export async function insertFilings(db: Q, rows: Omit<Insertable<CadreFilingsTable>, 'id'>[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('cadre_filings').values(rows).returning('id').execute()).map((r) => r.id);
}

/** A live filing of a person for a term, other than `exceptId`. */
export async function filingOf(db: Q, cadreId: number, term: string, exceptId?: number) {
  let q = db
    .selectFrom('cadre_filings')
    .select('id')
    .where('cadre_id', '=', cadreId)
    .where('term', '=', term)
    .where('deleted_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** The filings of a subtree filed, acknowledged or returned in a period (the `cadres.filings` figure). */
export async function filingsIn(db: Q, tenantId: number, range: [string, string], from: string, to: string) {
  return liveInSubtree(db, 'cadre_filings', tenantId, range, 'f')
    .select(['f.status', 'f.filed_on', 'f.acknowledged_on', 'f.updated_at'])
    .where('f.filed_on', '>=', from)
    .where('f.filed_on', '<=', to)
    .execute();
}

// Reviews -----------------------------------------------------------------------------------------------------------

function reviewBase(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  return (scoped(db, actor, 'cadre_reviews', { as: 'r', under, rows }) as AnyQ)
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .innerJoin('cadres as c', 'c.id', 'r.cadre_id')
    .leftJoin('members as m', 'm.id', 'c.member_id');
}
const reviewColumns = (q: AnyQ) =>
  q.selectAll('r').select((e: any) => ['o.name as org_name', e.fn.coalesce('m.name', 'c.name').as('cadre_name')]);

/** What a list of reviews asks for. */
export interface ReviewFilter {
  underPath?: string;
  q?: string;
  status?: string;
  term?: string;
  deleted?: boolean;
}

/** A page of reviews, the newest first. */
export async function listReviews(db: Q, actor: Actor, f: ReviewFilter, paging: Paging) {
  let q = reviewBase(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.term) q = q.where('r.term', '=', f.term);
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) =>
      e.or([likeContains('c.name', text), likeContains('m.name', text), likeContains('o.name', text)]),
    );
  }
  const order = (b: AnyQ) => reviewColumns(b).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc');
  return paged(db, actor.tenantId!, q, order, paging) as Promise<{ rows: ReviewRow[]; total: number }>;
}

/** One review of the caller's scope (404 otherwise). */
export async function getReview(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<ReviewRow> {
  await getOr404(db, actor, 'cadre_reviews', id, rows);
  return (await reviewColumns(reviewBase(db, actor, undefined, 'any'))
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow()) as ReviewRow;
}

/** Inserts reviews; answers their ids. */
export async function insertReviews(db: Q, rows: Omit<Insertable<CadreReviewsTable>, 'id'>[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('cadre_reviews').values(rows).returning('id').execute()).map((r) => r.id);
}

/** A live review of a person for a term still under way or cleared, other than `exceptId`. */
export async function reviewOf(db: Q, cadreId: number, term: string, exceptId?: number) {
  let q = db
    .selectFrom('cadre_reviews')
    .select('id')
    .where('cadre_id', '=', cadreId)
    .where('term', '=', term)
    .where('status', '=', 'reviewing')
    .where('deleted_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}
