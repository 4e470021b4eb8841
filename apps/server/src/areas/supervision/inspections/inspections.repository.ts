/**
 * Every query on inspections. An inspection lies in two kinds of subtree: its issuer's (`inspections.org_path`)
 * and each visited organization's (`inspection_visits.org_path`). The issuing side sees all of it; a visited
 * side sees an announced inspection, or an unannounced one once completed, and of it only its own visits. Both
 * come from the caller's range (`rangeOf`, the check `scoped()` makes), so a third township sees nothing.
 */
import type { Insertable, Kysely, Selectable, SelectQueryBuilder, Updateable } from 'kysely';
import { likeContains } from '../../../db/dialect.js';
import type { DB } from '../../../db/schema/index.js';
import type {
  InspectionFindingsTable,
  InspectionsTable,
  InspectionVisitsTable,
} from '../../../db/schema/inspections.js';
import type { Actor } from '../../../platform/actor.js';
import { notFound } from '../../../platform/errors.js';
import { type Liveness, type Paging, paged, type Q, rangeOf } from '../../../platform/data/scoped.js';

export type InspectionRow = Selectable<InspectionsTable>;
export type VisitRow = Selectable<InspectionVisitsTable> & { org_name: string };
export type FindingRow = Selectable<InspectionFindingsTable> & { org_name: string };
export type { Q };
/** A change of an inspection's columns. */
export type InspectionChange = Updateable<InspectionsTable>;
/** A change of a visit's columns. */
export type VisitChange = Updateable<InspectionVisitsTable>;

type AnyQ = SelectQueryBuilder<any, any, any>;

/** What a list asks for. */
export interface InspectionFilter {
  underPath?: string;
  kind?: string;
  status?: string;
  q?: string;
  from?: string;
  to?: string;
  deleted?: boolean;
}

/** The visited side's condition: a live visit in [lo, hi), the inspection announced or completed. */
function visitedIn(e: any, lo: string, hi: string) {
  return e.and([
    e.exists(
      e
        .selectFrom('inspection_visits as v')
        .select('v.id')
        .whereRef('v.inspection_id', '=', 'i.id')
        .where('v.deleted_at', 'is', null)
        .where('v.org_path', '>=', lo)
        .where('v.org_path', '<', hi),
    ),
    e.or([e('i.unannounced', '=', 0), e('i.status', '=', 'completed')]),
  ]);
}

/** Inspections the caller sees from either side, narrowed to a subtree of its scope when asked. */
function visible(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  const [lo, hi] = rangeOf(actor, under);
  let q = (db as Kysely<DB>).selectFrom('inspections as i').where('i.tenant_id', '=', actor.tenantId!) as AnyQ;
  if (rows !== 'any') q = q.where('i.deleted_at', rows === 'deleted' ? 'is not' : 'is', null);
  return q.where((e: any) =>
    e.or([e.and([e('i.org_path', '>=', lo), e('i.org_path', '<', hi)]), visitedIn(e, lo, hi)]),
  );
}

/** One inspection either side of which lies in the caller's scope (as the visited side may see it); 404 otherwise. */
export async function getInspection(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<InspectionRow> {
  const row = (await visible(db, actor, undefined, rows).selectAll('i').where('i.id', '=', id).executeTakeFirst()) as
    | InspectionRow
    | undefined;
  if (!row) throw notFound();
  return row;
}

function filtered(db: Q, actor: Actor, f: InspectionFilter): AnyQ {
  let q = visible(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.q) q = q.where(likeContains('i.title', f.q) as never);
  // A span of days: the inspections whose dates meet it.
  if (f.from) q = q.where('i.ends_on', '>=', f.from);
  if (f.to) q = q.where('i.starts_on', '<=', f.to);
  return q;
}

/** A page of inspections with their issuer's name, latest first. */
export async function listInspections(
  db: Q,
  actor: Actor,
  f: InspectionFilter,
  paging: Paging,
): Promise<{ rows: (InspectionRow & { org_name: string })[]; total: number }> {
  return paged(
    db,
    actor.tenantId!,
    filtered(db, actor, f),
    (b) =>
      b
        .innerJoin('orgs as o', 'o.id', 'i.org_id')
        .selectAll('i')
        .select('o.name as org_name')
        .orderBy('i.starts_on', 'desc')
        .orderBy('i.id', 'desc'),
    paging,
  );
}

/** Every inspection a filter selects, a batch at a time (the Excel export). */
export async function* iterateInspections(db: Q, actor: Actor, f: InspectionFilter, batch = 500) {
  let after = 0;
  for (;;) {
    const rows = (await filtered(db, actor, f)
      .innerJoin('orgs as o', 'o.id', 'i.org_id')
      .selectAll('i')
      .select('o.name as org_name')
      .where('i.id', '>', after)
      .orderBy('i.id')
      .limit(batch)
      .execute()) as (InspectionRow & { org_name: string })[];
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** Counts per inspection: visits, findings, problems opened — of every visit, or of those in a range. */
export async function countsOf(
  db: Q,
  ids: number[],
  range?: [string, string],
): Promise<Map<number, { visits: number; findings: number; problems: number }>> {
  const out = new Map<number, { visits: number; findings: number; problems: number }>();
  if (!ids.length) return out;
  for (const id of ids) out.set(id, { visits: 0, findings: 0, problems: 0 });
  let v = db
    .selectFrom('inspection_visits')
    .select(['inspection_id', (e) => e.fn.countAll<number>().as('n')])
    .where('inspection_id', 'in', ids)
    .where('deleted_at', 'is', null);
  if (range) v = v.where('org_path', '>=', range[0]).where('org_path', '<', range[1]);
  for (const r of await v.groupBy('inspection_id').execute()) out.get(r.inspection_id)!.visits = Number(r.n);
  let f = db
    .selectFrom('inspection_findings')
    .select(['inspection_id', (e) => e.fn.countAll<number>().as('n'), (e) => e.fn.count<number>('problem_id').as('p')])
    .where('inspection_id', 'in', ids)
    .where('deleted_at', 'is', null);
  if (range) f = f.where('org_path', '>=', range[0]).where('org_path', '<', range[1]);
  for (const r of await f.groupBy('inspection_id').execute()) {
    const c = out.get(r.inspection_id)!;
    c.findings = Number(r.n);
    c.problems = Number(r.p);
  }
  return out;
}

/** The live visits of an inspection (in a range when given), with the visited organizations' names. */
export async function visitsOf(db: Q, inspectionId: number, range?: [string, string]): Promise<VisitRow[]> {
  let q = db
    .selectFrom('inspection_visits as v')
    .innerJoin('orgs as o', 'o.id', 'v.org_id')
    .selectAll('v')
    .select('o.name as org_name')
    .where('v.inspection_id', '=', inspectionId)
    .where('v.deleted_at', 'is', null);
  if (range) q = q.where('v.org_path', '>=', range[0]).where('v.org_path', '<', range[1]);
  return q.orderBy('o.org_path').orderBy('v.id').execute();
}

/** One live visit of an inspection, or 404. */
export async function getVisit(db: Q, inspectionId: number, visitId: number): Promise<VisitRow> {
  const row = await db
    .selectFrom('inspection_visits as v')
    .innerJoin('orgs as o', 'o.id', 'v.org_id')
    .selectAll('v')
    .select('o.name as org_name')
    .where('v.id', '=', visitId)
    .where('v.inspection_id', '=', inspectionId)
    .where('v.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Whether an organization is already on an inspection's live visit list. */
export async function visitTaken(db: Q, inspectionId: number, orgId: number): Promise<boolean> {
  const row = await db
    .selectFrom('inspection_visits')
    .select('id')
    .where('inspection_id', '=', inspectionId)
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return !!row;
}

/** The live findings of some visits, with the organizations' names, oldest first. */
export async function findingsOf(db: Q, visitIds: number[]): Promise<FindingRow[]> {
  if (!visitIds.length) return [];
  return db
    .selectFrom('inspection_findings as f')
    .innerJoin('orgs as o', 'o.id', 'f.org_id')
    .selectAll('f')
    .select('o.name as org_name')
    .where('f.visit_id', 'in', visitIds)
    .where('f.deleted_at', 'is', null)
    .orderBy('f.id')
    .execute();
}

/** The live photos of some findings (or visits), by entity id. */
export async function photosOf(db: Q, entity: string, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('residents_photos')
    .select(['id', 'entity_id', 'mime', 'bytes'])
    .where('entity_type', '=', entity)
    .where('entity_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Moves photos uploaded to a visit onto a finding; answers how many moved (all named must be the visit's). */
export async function attachPhotos(db: Q, visitId: number, findingId: number, photoIds: number[]): Promise<number> {
  if (!photoIds.length) return 0;
  const res = await db
    .updateTable('residents_photos')
    .set({ entity_type: 'inspection_finding', entity_id: findingId })
    .where('entity_type', '=', 'inspection_visit')
    .where('entity_id', '=', visitId)
    .where('id', 'in', photoIds)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Inserts an inspection; answers its id. */
export async function insertInspection(db: Q, row: Insertable<InspectionsTable>): Promise<number> {
  return (await db.insertInto('inspections').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes an inspection's columns. */
export async function updateInspection(db: Q, id: number, set: InspectionChange): Promise<void> {
  await db.updateTable('inspections').set(set).where('id', '=', id).execute();
}

/** Inserts visits; answers their ids in order. */
export async function insertVisits(db: Q, rows: Insertable<InspectionVisitsTable>[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('inspection_visits').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes a visit's columns. */
export async function updateVisit(db: Q, id: number, set: VisitChange): Promise<void> {
  await db.updateTable('inspection_visits').set(set).where('id', '=', id).execute();
}

/** Inserts a finding; answers its id. */
export async function insertFinding(db: Q, row: Insertable<InspectionFindingsTable>): Promise<number> {
  return (await db.insertInto('inspection_findings').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Sets the problem a finding opened. */
export async function setFindingProblem(db: Q, id: number, problemId: number): Promise<void> {
  await db.updateTable('inspection_findings').set({ problem_id: problemId }).where('id', '=', id).execute();
}

/** Live organizations by id within a tenant, with their paths, types and depths. */
export async function orgsByIds(db: Q, tenantId: number, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'type', 'depth'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Which of some account ids belong to a tenant. */
export async function usersOfTenant(db: Q, tenantId: number, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The states of some problems by id (a finding shows where its problem stands). */
export async function problemStates(db: Q, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('problems')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.status]));
}

/** The stored file of a live photo. */
export async function photoFile(db: Q, photoId: number): Promise<{ file_hash: string; mime: string }> {
  const p = await db
    .selectFrom('residents_photos')
    .select(['file_hash', 'mime'])
    .where('id', '=', photoId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!p) throw notFound();
  return p;
}
