/**
 * Every query on accountability records (问责). A record lies under the organization it counts under; every read
 * goes through `scoped()` on that path, so a township sees its subtree and nothing of a sibling's.
 */
import type { Insertable, Selectable, SelectQueryBuilder, Updateable } from 'kysely';
import { likeContains } from '../../../db/dialect.js';
import type { AccountabilityRecordsTable } from '../../../db/schema/accountability.js';
import type { Actor } from '../../../platform/actor.js';
import { notFound } from '../../../platform/errors.js';
import { type Liveness, type Paging, paged, type Q, scoped } from '../../../platform/data/scoped.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs, orgOfTenant } from '../../core/orgs/orgs.repository.js';

export type RecordRow = Selectable<AccountabilityRecordsTable>;
/** A row with the names it is shown with. */
export type NamedRow = RecordRow & {
  org_name: string;
  target_org_name: string | null;
  decided_by_name: string | null;
  inspection_title: string | null;
};
export type RecordChange = Updateable<AccountabilityRecordsTable>;
export type { Q };

/** What a list asks for. */
export interface RecordFilter {
  underPath?: string;
  kind?: string;
  target?: string;
  problemId?: number;
  inspectionId?: number;
  q?: string;
  from?: string;
  to?: string;
  deleted?: boolean;
}

type AnyQ = SelectQueryBuilder<any, any, any>;

function filtered(db: Q, actor: Actor, f: RecordFilter): AnyQ {
  let q = scoped(db, actor, 'accountability_records', {
    as: 'a',
    under: f.underPath,
    rows: f.deleted ? 'deleted' : 'live',
  }) as AnyQ;
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.target) q = q.where('a.target_kind', '=', f.target);
  if (f.problemId) q = q.where('a.problem_id', '=', f.problemId);
  if (f.inspectionId) q = q.where('a.inspection_id', '=', f.inspectionId);
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) => e.or([likeContains('a.reason', text), likeContains('a.person_name', text)]));
  }
  if (f.from) q = q.where('a.decided_on', '>=', f.from);
  if (f.to) q = q.where('a.decided_on', '<=', f.to);
  return q;
}

/** The names a record is shown with: its organizations' and its inspection's. */
function named(q: AnyQ): AnyQ {
  return q
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .leftJoin('orgs as t', 't.id', 'a.target_org_id')
    .leftJoin('orgs as d', 'd.id', 'a.decided_by_org_id')
    .leftJoin('inspections as i', 'i.id', 'a.inspection_id')
    .selectAll('a')
    .select([
      'o.name as org_name',
      't.name as target_org_name',
      'd.name as decided_by_name',
      'i.title as inspection_title',
    ]);
}

/** A page of records, latest decision first. */
export function listRecords(db: Q, actor: Actor, f: RecordFilter, paging: Paging) {
  return paged(
    db,
    actor.tenantId!,
    filtered(db, actor, f),
    (b) => named(b).orderBy('a.decided_on', 'desc').orderBy('a.id', 'desc') as SelectQueryBuilder<any, any, NamedRow>,
    paging,
  );
}

/** Every record a filter selects, a batch at a time (the Excel export). */
export async function* iterateRecords(db: Q, actor: Actor, f: RecordFilter, batch = 1000) {
  let after = 0;
  for (;;) {
    const rows = (await named(filtered(db, actor, f))
      .where('a.id', '>', after)
      .orderBy('a.id')
      .limit(batch)
      .execute()) as NamedRow[];
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** One record of the caller's scope with its names, or 404. */
export async function getRecord(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<NamedRow> {
  const q = scoped(db, actor, 'accountability_records', { as: 'a', rows }) as AnyQ;
  const row = (await named(q).where('a.id', '=', id).executeTakeFirst()) as NamedRow | undefined;
  if (!row) throw notFound();
  return row;
}

/** Inserts a record; answers its id. */
export async function insertRecord(db: Q, row: Insertable<AccountabilityRecordsTable>): Promise<number> {
  return (await db.insertInto('accountability_records').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a record's columns. */
export async function updateRecord(db: Q, id: number, set: RecordChange): Promise<void> {
  await db.updateTable('accountability_records').set(set).where('id', '=', id).execute();
}

/** Whether a live problem lies in the caller's scope. */
export async function problemInScope(db: Q, actor: Actor, id: number): Promise<boolean> {
  return !!(await scoped(db, actor, 'problems').select('problems.id').where('problems.id', '=', id).executeTakeFirst());
}

/** Whether a live development mark (约谈 list) lies in the caller's scope. */
export async function markInScope(db: Q, actor: Actor, id: number): Promise<boolean> {
  const row = await scoped(db, actor, 'development_marks')
    .select('development_marks.id')
    .where('development_marks.id', '=', id)
    .executeTakeFirst();
  return !!row;
}

/** The live photos (scanned documents) of some records, by record id. */
export async function filesOf(db: Q, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('residents_photos')
    .select(['id', 'entity_id', 'mime', 'bytes'])
    .where('entity_type', '=', 'accountability_record')
    .where('entity_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Records in a subtree decided in a span (the figure): kind, target and path. */
export function recordsInSpan(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  return db
    .selectFrom('accountability_records')
    .select(['kind', 'target_kind', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('decided_on', '>=', from)
    .where('decided_on', '<=', to)
    .execute();
}

/** The county committee at the root of a tenant. */
export function demoRoot(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('depth', '=', 0)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The demo's branches with their parents and secretaries (member id and name). */
export function demoBranches(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs as o')
    .innerJoin('orgs as up', 'up.id', 'o.parent_id')
    .leftJoin('members as m', 'm.id', 'o.secretary_member_id')
    .select([
      'o.id',
      'o.org_path',
      'o.parent_id',
      'up.org_path as parent_path',
      'm.id as member_id',
      'm.name as secretary',
    ])
    .where('o.tenant_id', '=', tenantId)
    .where('o.type', '=', 'branch')
    .where('o.deleted_at', 'is', null)
    .orderBy('o.id')
    .execute();
}

/** The demo's problems that went wrong (overdue or reopened) or came from an inspection, with their organization. */
export function demoProblems(db: Q, tenantId: number, today: string) {
  return db
    .selectFrom('problems')
    .select(['id', 'org_id', 'org_path', 'found_on', 'source'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where((e) => e.or([e('due_on', '<', today), e('reopened', '=', 1), e('source', '=', 'inspection')]))
    .orderBy('id')
    .execute();
}

/** The demo's development marks still standing (their secretaries are called in: 约谈). */
export function demoMarks(db: Q, tenantId: number) {
  return db
    .selectFrom('development_marks')
    .select(['id', 'org_id', 'org_path', 'secretary_member_id', 'secretary_name', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where('undone_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Inserts records in bulk; answers how many. */
export async function insertRecords(db: Q, rows: Insertable<AccountabilityRecordsTable>[]): Promise<number> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('accountability_records')
      .values(rows.slice(i, i + 200))
      .execute();
  return rows.length;
}
