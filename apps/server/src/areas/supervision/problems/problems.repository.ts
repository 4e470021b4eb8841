/**
 * Every query on problems, their measures, the county's categories and the notice numbers. Rows of problems and
 * measures are read through `scoped()` (tenant, subtree, live rows), so a branch never meets a sibling's problem.
 */
import { type Insertable, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { likeContains } from '../../../db/dialect.js';
import type { ProblemMeasuresTable, ProblemsTable } from '../../../db/schema/problems.js';
import type { Actor } from '../../../platform/actor.js';
import { notFound } from '../../../platform/errors.js';
import { countOf, type Liveness, type Paging, paged, type Q, scoped } from '../../../platform/data/scoped.js';

export type { Q };
/** A problem's row with its organization's name. */
export type ProblemRow = Selectable<ProblemsTable> & { org_name: string };
export type MeasureRow = Selectable<ProblemMeasuresTable>;
export type NewProblem = Omit<Insertable<ProblemsTable>, 'id'>;

/** States in which the due date counts (the overdue filter). */
const OPEN = ['found', 'assigned', 'rectifying'];

/** What a list asks for. */
export interface ProblemFilter {
  underPath?: string;
  q?: string;
  status?: string;
  category?: string;
  source?: string;
  overdue?: boolean;
  from?: string;
  to?: string;
  deleted?: boolean;
  /** Today in China: a problem still open past its due date is overdue. */
  today: string;
}

type AnyQ = SelectQueryBuilder<any, any, any>;

function base(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  return scoped(db, actor, 'problems', { as: 'p', under, rows }).innerJoin('orgs as o', 'o.id', 'p.org_id') as AnyQ;
}

function filtered(db: Q, actor: Actor, f: ProblemFilter): AnyQ {
  let q = base(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.category) q = q.where('p.category', '=', f.category);
  if (f.source) q = q.where('p.source', '=', f.source);
  if (f.overdue) q = q.where('p.status', 'in', OPEN).where('p.due_on', '<', f.today);
  if (f.overdue === false)
    q = q.where((e: any) =>
      e.or([e('p.status', 'not in', OPEN), e('p.due_on', 'is', null), e('p.due_on', '>=', f.today)]),
    );
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) => e.or([likeContains('p.title', text), e('p.notice_no', '=', text)]));
  }
  if (f.from) q = q.where('p.found_on', '>=', f.from);
  if (f.to) q = q.where('p.found_on', '<=', f.to);
  return q;
}

const columns = (b: AnyQ) => b.selectAll('p').select('o.name as org_name');

/** A page of problems, newest found first. */
export async function listProblems(db: Q, actor: Actor, f: ProblemFilter, paging: Paging) {
  const order = (b: AnyQ) => columns(b).orderBy('p.found_on', 'desc').orderBy('p.id', 'desc');
  return paged(db, actor.tenantId!, filtered(db, actor, f), order, paging) as Promise<{
    rows: ProblemRow[];
    total: number;
  }>;
}

/** Every problem of a filter (exports), in batches of ids. */
export async function* iterateProblems(db: Q, actor: Actor, f: ProblemFilter, batch = 1000) {
  let after = 0;
  for (;;) {
    const rows = (await columns(filtered(db, actor, f))
      .where('p.id', '>', after)
      .orderBy('p.id')
      .limit(batch)
      .execute()) as ProblemRow[];
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** How many problems a filter selects. */
export function countProblems(db: Q, actor: Actor, f: ProblemFilter): Promise<number> {
  return countOf(filtered(db, actor, f));
}

/** One problem of the caller's scope; 404 otherwise. */
export async function getProblem(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<ProblemRow> {
  const row = (await columns(base(db, actor, undefined, rows))
    .where('p.id', '=', id)
    .executeTakeFirst()) as ProblemRow | undefined;
  if (!row) throw notFound();
  return row;
}

/** Inserts problems; answers their ids in order. */
export async function insertProblems(db: Q, rows: NewProblem[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('problems').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes columns of a problem outside a move (an edit of its text). */
export async function updateProblem(db: Q, id: number, set: Partial<Selectable<ProblemsTable>>): Promise<void> {
  await db.updateTable('problems').set(set).where('id', '=', id).execute();
}

/** The next notice number of a county and year (its sequence only), taken with one atomic upsert. */
export async function nextNoticeNo(db: Q, tenantId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('problem_numbers')
    .values({ tenant_id: tenantId, year, last_no: 1 })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'year']).doUpdateSet({ last_no: sql<number>`problem_numbers.last_no + 1` }),
    )
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return row.last_no;
}

/** Sets a county's last notice number of a year (the demo, which numbers its notices itself). */
export async function setNoticeNo(db: Q, tenantId: number, year: number, last: number): Promise<void> {
  await db
    .insertInto('problem_numbers')
    .values({ tenant_id: tenantId, year, last_no: last })
    .onConflict((oc) => oc.columns(['tenant_id', 'year']).doUpdateSet({ last_no: last }))
    .execute();
}

/** The county's own categories in their order (empty: it uses the defaults). */
export function listCategories(db: Q, tenantId: number) {
  return db.selectFrom('problem_categories').selectAll().where('tenant_id', '=', tenantId).orderBy('sort').execute();
}

/** Replaces the county's list of categories. */
export async function replaceCategories(
  db: Q,
  tenantId: number,
  items: { key: string; zh: string; en: string; active: boolean }[],
  now: string,
): Promise<void> {
  await db.deleteFrom('problem_categories').where('tenant_id', '=', tenantId).execute();
  await db
    .insertInto('problem_categories')
    .values(
      items.map((c, i) => ({
        tenant_id: tenantId,
        sort: i + 1,
        key: c.key,
        name_zh: c.zh,
        name_en: c.en,
        active: c.active ? 1 : 0,
        updated_at: now,
      })),
    )
    .execute();
}

/** The categories that live problems of the county use. */
export async function categoriesInUse(db: Q, tenantId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('problems')
    .select('category')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.category));
}

/** Photos of the county by id (what `openProblem` copies onto the problem), with their stored file. */
export function photosOfTenant(db: Q, tenantId: number, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('residents_photos')
    .select(['id', 'file_hash', 'mime', 'bytes'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Records stored photos under a problem (the same files: they are content-addressed). */
export async function addProblemPhotos(
  db: Q,
  tenantId: number,
  problemId: number,
  photos: { file_hash: string; mime: string; bytes: number }[],
  now: string,
): Promise<void> {
  if (!photos.length) return;
  await db
    .insertInto('residents_photos')
    .values(
      photos.map((p) => ({
        tenant_id: tenantId,
        entity_type: 'problem',
        entity_id: problemId,
        file_hash: p.file_hash,
        mime: p.mime,
        bytes: p.bytes,
        created_at: now,
        deleted_at: null,
      })),
    )
    .execute();
}

/** A live problem still open that came from a record (`source_ref`), if any. */
export function openFromSource(db: Q, tenantId: number, sourceRef: string) {
  return db
    .selectFrom('problems')
    .select(['id'])
    .where('tenant_id', '=', tenantId)
    .where('source_ref', '=', sourceRef)
    .where('status', '!=', 'closed')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

// ---- measures ----

/** The live measures of some problems, oldest first. */
export function measuresOf(db: Q, problemIds: number[]) {
  if (!problemIds.length) return Promise.resolve([] as MeasureRow[]);
  return db
    .selectFrom('problem_measures')
    .selectAll()
    .where('problem_id', 'in', problemIds)
    .where('deleted_at', 'is', null)
    .orderBy('problem_id')
    .orderBy('id')
    .execute();
}

/** One measure of a problem in the caller's scope; 404 otherwise. */
export async function getMeasure(db: Q, actor: Actor, problemId: number, id: number): Promise<MeasureRow> {
  const row = await scoped(db, actor, 'problem_measures', { as: 'm' })
    .selectAll('m')
    .where('m.id', '=', id)
    .where('m.problem_id', '=', problemId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row as MeasureRow;
}

/** Inserts measures; answers their ids. */
export async function insertMeasures(db: Q, rows: Omit<Insertable<ProblemMeasuresTable>, 'id'>[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('problem_measures').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes a measure. */
export async function updateMeasure(db: Q, id: number, set: Partial<MeasureRow>): Promise<void> {
  await db.updateTable('problem_measures').set(set).where('id', '=', id).execute();
}

/** A live organization of the tenant with its path (the owner of a new problem, checked in scope by the caller). */
export function orgRow(db: Q, tenantId: number, id: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'type', 'org_path', 'tenant_id', 'parent_id', 'secretary_member_id'])
    .where('id', '=', id)
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Removes a live photo of a problem (soft); false when there is none of that id. */
export async function removePhotoRow(db: Q, problemId: number, photoId: number, now: string): Promise<boolean> {
  const res = await db
    .updateTable('residents_photos')
    .set({ deleted_at: now })
    .where('id', '=', photoId)
    .where('entity_type', '=', 'problem')
    .where('entity_id', '=', problemId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
