/**
 * Every query of star ratings: schemes, results, objections, targets, and the records an indicator is filled from.
 * Results and objections lie on the subject's organization (a branch sees its own, never a sibling's); a scheme lies
 * on the organization that defined it and is seen from below as well (a branch reads the county's scheme). The
 * record measures are read for a whole subtree in one grouped query each (never one query per branch).
 */
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type {
  RatingObjectionsTable,
  RatingSchemesTable,
  RatingsTable,
  RatingTargetsTable,
} from '../../../db/schema/ratings.js';
import { type Actor, scopeRange } from '../../../platform/actor.js';
import { notFound } from '../../../platform/errors.js';
import { getOr404, type Liveness, type Paging, paged, type Q, scoped } from '../../../platform/data/scoped.js';

export type { Q };
export type SchemeRow = Selectable<RatingSchemesTable> & { org_name: string };
export type RatingRow = Selectable<RatingsTable> & {
  org_name: string;
  scheme_name: string;
  mode: string;
  member_name: string | null;
  open_objections: number;
};
export type ObjectionRow = Selectable<RatingObjectionsTable>;
export type TargetRow = Selectable<RatingTargetsTable>;

type AnyQ = SelectQueryBuilder<any, any, any>;

/** Organization types that are rated as branches (a party group is not). */
export const RATED_TYPES = ['branch', 'general_branch', 'joint_branch'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Schemes

/**
 * Schemes the caller sees: those of its subtree and those of the organizations above it (the county's scheme is a
 * branch's to read); another township's scheme is not found.
 */
function schemeBase(db: Q, actor: Actor, rows: Liveness): AnyQ {
  const [lo, hi] = scopeRange(actor);
  const ancestors = ancestorPaths(actor.orgPath!);
  let q = (db as unknown as import('kysely').Kysely<any>)
    .selectFrom('rating_schemes as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .where('s.tenant_id', '=', actor.tenantId)
    .where((e: any) =>
      e.or([e.and([e('s.org_path', '>=', lo), e('s.org_path', '<', hi)]), e('s.org_path', 'in', ancestors)]),
    );
  if (rows !== 'any') q = q.where('s.deleted_at', rows === 'deleted' ? 'is not' : 'is', null);
  return q;
}

/** The paths of an organization and those above it: '/1/17/40/' → ['/1/', '/1/17/', '/1/17/40/']. */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

const SCHEME_COLUMNS = (q: AnyQ) => q.selectAll('s').select('o.name as org_name');

/** One scheme the caller sees (404 otherwise). */
export async function getScheme(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<SchemeRow> {
  const r = await SCHEME_COLUMNS(schemeBase(db, actor, rows))
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  return r as SchemeRow;
}

/** One scheme of the caller's own subtree, for a change (404 for a scheme above or elsewhere). */
export async function getOwnScheme(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<SchemeRow> {
  await getOr404(db, actor, 'rating_schemes', id, rows);
  return getScheme(db, actor, id, rows);
}

/** What a scheme list asks for. */
export interface SchemeFilter {
  underPath?: string;
  q?: string;
  year?: number;
  subject?: string;
  status?: string;
  deleted?: boolean;
}

function schemesFiltered(db: Q, actor: Actor, f: SchemeFilter): AnyQ {
  let q = schemeBase(db, actor, f.deleted ? 'deleted' : 'live');
  if (f.underPath) {
    const [lo, hi] = subtreeRange(f.underPath);
    q = q.where('s.org_path', '>=', lo).where('s.org_path', '<', hi);
  }
  if (f.year) q = q.where('s.year', '=', f.year);
  if (f.subject) q = q.where('s.subject', '=', f.subject);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.q) q = q.where(likeContains('s.name', f.q));
  return q;
}

/** A page of schemes, the latest year first. */
export async function listSchemes(db: Q, actor: Actor, f: SchemeFilter, paging: Paging) {
  const order = (b: AnyQ) =>
    SCHEME_COLUMNS(b)
      .orderBy('s.year', 'desc')
      .orderBy('s.family')
      .orderBy('s.version', 'desc')
      .orderBy('s.id', 'desc');
  return paged(db, actor.tenantId!, schemesFiltered(db, actor, f), order, paging) as Promise<{
    rows: SchemeRow[];
    total: number;
  }>;
}

/** Whether a live scheme of the county's year has this name (other than `exceptId`). */
export async function schemeNameTaken(
  db: Q,
  tenantId: number,
  orgId: number,
  year: number,
  name: string,
  exceptId?: number,
) {
  let q = db
    .selectFrom('rating_schemes')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .where('name', '=', name)
    .where('deleted_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) != null;
}

/** Inserts a scheme; answers its id. */
export async function insertScheme(db: Q, row: Omit<Insertable<RatingSchemesTable>, 'id'>): Promise<number> {
  const r = await db.insertInto('rating_schemes').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Changes columns of a scheme. */
export async function updateScheme(db: Q, id: number, set: Partial<Selectable<RatingSchemesTable>>): Promise<void> {
  await db.updateTable('rating_schemes').set(set).where('id', '=', id).execute();
}

/** Live results per scheme. */
export async function resultCounts(db: Q, schemeIds: number[]): Promise<Map<number, number>> {
  if (!schemeIds.length) return new Map();
  const rows = await db
    .selectFrom('ratings')
    .select(['scheme_id', (e) => e.fn.countAll().as('n')])
    .where('scheme_id', 'in', schemeIds)
    .where('deleted_at', 'is', null)
    .groupBy('scheme_id')
    .execute();
  return new Map(rows.map((r) => [r.scheme_id, Number(r.n)]));
}

/** The latest version number of a scheme family in a county's year. */
export async function lastVersion(db: Q, tenantId: number, family: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('rating_schemes')
    .select((e) => e.fn.max('version').as('v'))
    .where('tenant_id', '=', tenantId)
    .where('family', '=', family)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Results

function ratingBase(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  return (scoped(db, actor, 'ratings', { as: 'r', under, rows }) as AnyQ)
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .innerJoin('rating_schemes as s', 's.id', 'r.scheme_id')
    .leftJoin('members as m', 'm.id', 'r.member_id');
}

const RATING_COLUMNS = (q: AnyQ) =>
  q
    .selectAll('r')
    .select(['o.name as org_name', 's.name as scheme_name', 's.mode as mode', 'm.name as member_name'])
    .select(
      sql<number>`(select count(*) from rating_objections x
        where x.rating_id = r.id and x.status = 'open' and x.deleted_at is null)`.as('open_objections'),
    );

/** One result of the caller's scope (404 otherwise). */
export async function getRating(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<RatingRow> {
  await getOr404(db, actor, 'ratings', id, rows);
  const r = await RATING_COLUMNS(ratingBase(db, actor, undefined, 'any'))
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow();
  return normalize(r as RatingRow);
}

const normalize = (r: RatingRow): RatingRow => ({ ...r, open_objections: Number(r.open_objections) });

/** What a result list asks for. */
export interface RatingFilter {
  underPath?: string;
  q?: string;
  year?: number;
  scheme?: number;
  subject?: string;
  stars?: number;
  status?: string;
  statuses?: readonly string[];
  outcome?: string;
  deleted?: boolean;
  /** A member sees published and final results of its own organization only. */
  orgId?: number;
}

function ratingsFiltered(db: Q, actor: Actor, f: RatingFilter): AnyQ {
  let q = ratingBase(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.year) q = q.where('r.year', '=', f.year);
  if (f.scheme) q = q.where('r.scheme_id', '=', f.scheme);
  if (f.subject) q = q.where('r.subject', '=', f.subject);
  if (f.stars != null) q = q.where('r.stars', '=', f.stars);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.statuses) q = q.where('r.status', 'in', [...f.statuses]);
  if (f.outcome) q = q.where('r.outcome', '=', f.outcome);
  if (f.orgId) q = q.where('r.org_id', '=', f.orgId);
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) => e.or([likeContains('o.name', text), likeContains('r.post', text)]));
  }
  return q;
}

/** A page of results: the latest year first, then by organization. */
export async function listRatings(db: Q, actor: Actor, f: RatingFilter, paging: Paging) {
  const order = (b: AnyQ) => RATING_COLUMNS(b).orderBy('r.year', 'desc').orderBy('r.org_path').orderBy('r.id');
  const { rows, total } = (await paged(db, actor.tenantId!, ratingsFiltered(db, actor, f), order, paging)) as {
    rows: RatingRow[];
    total: number;
  };
  return { rows: rows.map(normalize), total };
}

/** Every result of a filter (the export), in batches of ids. */
export async function* iterateRatings(db: Q, actor: Actor, f: RatingFilter, batch = 1000) {
  let after = 0;
  for (;;) {
    const rows = (await RATING_COLUMNS(ratingsFiltered(db, actor, f))
      .where('r.id', '>', after)
      .orderBy('r.id')
      .limit(batch)
      .execute()) as RatingRow[];
    if (!rows.length) return;
    yield rows.map(normalize);
    after = rows[rows.length - 1]!.id;
  }
}

/** The live results of a scheme in a subtree (the batch compute), with what scoring needs. */
export async function ratingsOfScheme(db: Q, tenantId: number, schemeId: number, [lo, hi]: [string, string]) {
  return db
    .selectFrom('ratings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('scheme_id', '=', schemeId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Whether a live result of the scheme names this subject. */
export async function resultTaken(db: Q, schemeId: number, orgId: number, memberId: number | null) {
  let q = db
    .selectFrom('ratings')
    .select('id')
    .where('scheme_id', '=', schemeId)
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null);
  q = memberId == null ? q.where('member_id', 'is', null) : q.where('member_id', '=', memberId);
  return (await q.executeTakeFirst()) != null;
}

/** Inserts results; answers their ids in order. */
export async function insertRatings(db: Q, rows: Omit<Insertable<RatingsTable>, 'id'>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200)
    ids.push(
      ...(
        await db
          .insertInto('ratings')
          .values(rows.slice(i, i + 200))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** Changes columns of a result outside a move (saved scores, the computed totals). */
export async function updateRating(db: Q, id: number, set: Partial<Selectable<RatingsTable>>): Promise<void> {
  await db.updateTable('ratings').set(set).where('id', '=', id).execute();
}

/** Published results whose window has ended by `today` (the daily job), across counties. */
export async function dueForFinal(db: Q, today: string) {
  return db
    .selectFrom('ratings')
    .selectAll()
    .where('status', '=', 'published')
    .where('objection_until', '<', today)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** The rated organizations of a subtree (branches, general and joint branches), by path. */
export async function ratedOrgs(db: Q, tenantId: number, [lo, hi]: [string, string]) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'tenant_id'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('type', 'in', [...RATED_TYPES])
    .where('deleted_at', 'is', null)
    .orderBy('org_path')
    .execute();
}

/** A live member of an organization (a cadre assessed). */
export async function memberOf(db: Q, tenantId: number, memberId: number) {
  return db
    .selectFrom('members')
    .select(['id', 'name', 'org_id', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', memberId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * The public board's star ratings: the published and final org results of a subtree and year, best first (read-only,
 * for the board module; no person named).
 */
export async function publishedStarsOf(
  db: Q,
  tenantId: number,
  orgPath: string,
  year: number,
): Promise<{ orgId: number; orgName: string; stars: number; status: 'published' | 'final' }[]> {
  const [lo, hi] = subtreeRange(orgPath);
  const rows = await db
    .selectFrom('ratings as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select(['r.org_id', 'o.name', 'r.stars', 'r.status'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.org_path', '>=', lo)
    .where('r.org_path', '<', hi)
    .where('r.year', '=', year)
    .where('r.subject', '=', 'org')
    .where('r.status', 'in', ['published', 'final'])
    .where('r.deleted_at', 'is', null)
    .orderBy('r.stars', 'desc')
    .orderBy('r.org_path')
    .execute();
  return rows.map((r) => ({
    orgId: r.org_id,
    orgName: r.name,
    stars: r.stars ?? 0,
    status: r.status as 'published' | 'final',
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Jobs

/** A result as the daily job reads it (no caller: the job sees every county). */
export async function jobRow(db: Q, id: number) {
  return RATING_COLUMNS(
    (db as unknown as import('kysely').Kysely<any>)
      .selectFrom('ratings as r')
      .innerJoin('orgs as o', 'o.id', 'r.org_id')
      .innerJoin('rating_schemes as s', 's.id', 'r.scheme_id')
      .leftJoin('members as m', 'm.id', 'r.member_id'),
  )
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow()
    .then((r) => normalize(r as RatingRow));
}

export * from './ratings.compute.repository.js';
export * from './ratings.figures.repository.js';
export * from './ratings.objections.repository.js';
export * from './ratings.records.repository.js';
