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
      sql<number>`(select count(*) from rating_objections x where x.rating_id = r.id and x.status = 'open' and x.deleted_at is null)`.as(
        'open_objections',
      ),
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

// ---------------------------------------------------------------------------------------------------------------
// Objections

/** The live objections of results, oldest first. */
export async function objectionsOf(db: Q, ratingIds: number[]): Promise<ObjectionRow[]> {
  if (!ratingIds.length) return [];
  return db
    .selectFrom('rating_objections')
    .selectAll()
    .where('rating_id', 'in', ratingIds)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Inserts an objection; answers its id. */
export async function insertObjection(db: Q, row: Omit<Insertable<RatingObjectionsTable>, 'id'>): Promise<number> {
  return (await db.insertInto('rating_objections').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Answers an objection while it is open; false when it was answered meanwhile. */
export async function answerObjection(db: Q, id: number, set: Partial<ObjectionRow>): Promise<boolean> {
  const r = await db
    .updateTable('rating_objections')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Targets

/** The live targets of a county (by family). */
export async function targetsOf(db: Q, tenantId: number): Promise<TargetRow[]> {
  return db
    .selectFrom('rating_targets')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('family')
    .execute();
}

/** Inserts a target; answers its id. */
export async function insertTarget(db: Q, row: Omit<Insertable<RatingTargetsTable>, 'id'>): Promise<number> {
  return (await db.insertInto('rating_targets').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a target. */
export async function updateTarget(db: Q, id: number, set: Partial<TargetRow>): Promise<void> {
  await db.updateTable('rating_targets').set(set).where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

/** The live org results of a subtree and year that count (scored, published, final), for the summary. */
export async function summaryRows(
  db: Q,
  tenantId: number,
  [lo, hi]: [string, string],
  year: number | number[],
  subject: string,
  family?: string,
) {
  let q = db
    .selectFrom('ratings as r')
    .innerJoin('rating_schemes as s', 's.id', 'r.scheme_id')
    .select(['r.org_path', 'r.year', 'r.status', 'r.stars', 'r.grade', 'r.outcome'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.org_path', '>=', lo)
    .where('r.org_path', '<', hi)
    .where('r.deleted_at', 'is', null)
    .where('r.subject', '=', subject)
    .where('r.status', 'in', ['scored', 'published', 'final']);
  q = Array.isArray(year) ? q.where('r.year', 'in', year) : q.where('r.year', '=', year);
  if (family) q = q.where('s.family', '=', family);
  return q.execute();
}

/** An organization of a tenant by id (a figure's root). */
export async function orgOfTenant(db: Q, tenantId: number, id: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'depth', 'tenant_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The live organizations right below one (a figure's rows). */
export async function childOrgs(db: Q, tenantId: number, parentId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', '=', parentId)
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Names of organizations by id. */
export async function orgNames(db: Q, tenantId: number, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
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
// The records indicators are filled from: one grouped query per measure over a subtree and year.

/** Rows of a measure by organization path. */
export type ByPath<T> = { org_path: string } & T;

const yearSpan = (year: number, today: string): [string, string] => {
  const end = `${year}-12-31`;
  return [`${year}-01-01`, today < end ? today : end];
};

/** Meetings held in the year (up to today), per organization path. */
export async function meetingsHeld(db: Q, tenantId: number, [lo, hi]: [string, string], year: number, today: string) {
  const [from, to] = yearSpan(year, today);
  const rows = await db
    .selectFrom('meetings')
    .select(['org_path', (e) => e.fn.countAll().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .groupBy('org_path')
    .execute();
  return rows.map((r) => ({ org_path: r.org_path, n: Number(r.n) }));
}

/** Attendance marks of the year's meetings (present and all), per organization path. */
export async function attendance(db: Q, tenantId: number, [lo, hi]: [string, string], year: number, today: string) {
  const [from, to] = yearSpan(year, today);
  const rows = await db
    .selectFrom('meeting_attendance as a')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .select([
      'm.org_path',
      (e) => e.fn.countAll().as('n'),
      sql<number>`sum(case when a.status = 'present' then 1 else 0 end)`.as('present'),
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('m.org_path', '>=', lo)
    .where('m.org_path', '<', hi)
    .where('m.deleted_at', 'is', null)
    .where('m.held_on', '>=', from)
    .where('m.held_on', '<=', to)
    .where('a.status', 'in', ['present', 'absent'])
    .groupBy('m.org_path')
    .execute();
  return rows.map((r) => ({ org_path: r.org_path, n: Number(r.n), present: Number(r.present ?? 0) }));
}

/** Dues billed and paid in the year's months up to this one (exempt bills aside), per organization path. */
export async function duesOf(db: Q, tenantId: number, [lo, hi]: [string, string], year: number, today: string) {
  const [from, to] = yearSpan(year, today);
  const rows = await db
    .selectFrom('dues_bills')
    .select([
      'org_path',
      (e) => e.fn.sum<number>('amount_fen').as('amount'),
      (e) => e.fn.sum<number>('paid_fen').as('paid'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'exempt')
    .where('month', '>=', from.slice(0, 7))
    .where('month', '<=', to.slice(0, 7))
    .groupBy('org_path')
    .execute();
  return rows.map((r) => ({ org_path: r.org_path, amount: Number(r.amount ?? 0), paid: Number(r.paid ?? 0) }));
}

/** The development quotas of organizations for a year. */
export async function quotasOf(db: Q, tenantId: number, orgIds: number[], year: number) {
  if (!orgIds.length) return new Map<number, number>();
  const rows = await db
    .selectFrom('development_plans')
    .select(['org_id', 'quota'])
    .where('tenant_id', '=', tenantId)
    .where('org_id', 'in', orgIds)
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.org_id, r.quota]));
}

/** Candidates admitted in the year, per organization path. */
export async function admitted(db: Q, tenantId: number, [lo, hi]: [string, string], year: number, today: string) {
  const [from, to] = yearSpan(year, today);
  const rows = await db
    .selectFrom('development_candidates')
    .select(['org_path', (e) => e.fn.countAll().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('admitted_on', '>=', from)
    .where('admitted_on', '<=', to)
    .groupBy('org_path')
    .execute();
  return rows.map((r) => ({ org_path: r.org_path, n: Number(r.n) }));
}

/** Problems found in the year and those of them closed, per organization path. */
export async function problemsOf(db: Q, tenantId: number, [lo, hi]: [string, string], year: number, today: string) {
  const [from, to] = yearSpan(year, today);
  const rows = await db
    .selectFrom('problems')
    .select([
      'org_path',
      (e) => e.fn.countAll().as('n'),
      sql<number>`sum(case when status = 'closed' then 1 else 0 end)`.as('closed'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('found_on', '>=', from)
    .where('found_on', '<=', to)
    .groupBy('org_path')
    .execute();
  return rows.map((r) => ({ org_path: r.org_path, n: Number(r.n), closed: Number(r.closed ?? 0) }));
}

/** Residents' requests closed in the year, per organization path (the one that handled them). */
export async function servicesDone(db: Q, tenantId: number, [lo, hi]: [string, string], year: number, today: string) {
  const [from, to] = yearSpan(year, today);
  const rows = await db
    .selectFrom('requests')
    .select(['org_path', (e) => e.fn.countAll().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'closed')
    .where('closed_at', '>=', from)
    .where('closed_at', '<', `${to}T99`)
    .groupBy('org_path')
    .execute();
  return rows.map((r) => ({ org_path: r.org_path, n: Number(r.n) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Jobs and the demo

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

/** A county's root organization. */
export async function countyRoot(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'org_path', 'tenant_id'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
}

/** The demo branch's organization of a county (the `demo-branch` account's). */
export async function demoBranchOrg(db: Q, tenantId: number): Promise<number | null> {
  const r = await db
    .selectFrom('users')
    .select('org_id')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', 'demo-branch')
    .executeTakeFirst();
  return r?.org_id ?? null;
}

/** Village secretaries of a county (members named secretary of a rural branch), for the demo's 5+1 assessments. */
export async function villageSecretaries(db: Q, tenantId: number, limit: number) {
  return db
    .selectFrom('orgs as o')
    .innerJoin('members as m', 'm.id', 'o.secretary_member_id')
    .select(['o.id', 'm.id as member_id', 'm.org_id', 'm.org_path'])
    .where('o.tenant_id', '=', tenantId)
    .where('o.field', '=', 'rural')
    .where('o.type', 'in', [...RATED_TYPES])
    .where('o.deleted_at', 'is', null)
    .where('m.deleted_at', 'is', null)
    .orderBy('o.id')
    .limit(limit)
    .execute();
}
