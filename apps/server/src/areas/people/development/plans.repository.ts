/** Queries of the annual guiding plan (指导性发展计划) and its supervision marks; the service decides who may act. */
import type { Selectable } from 'kysely';
import type { DevelopmentMarksTable } from '../../../db/schema/index.js';
import type { Actor } from '../../../platform/actor.js';
import { getOr404, paged, type Paging, type Q, scoped } from '../../../platform/data/scoped.js';

/** A plan row with its organization's name and parent, and what its children's plans add up to. */
export interface PlanRow {
  id: number;
  org_id: number;
  org_name: string;
  parent_id: number | null;
  year: number;
  quota: number;
  note: string | null;
  updated_at: string;
  allocated: number | string | null;
}

/** A page of the plans of a year in the caller's subtree (or a subtree inside it), shallowest first. */
export async function listPlans(
  db: Q,
  actor: Actor,
  year: number,
  under: string | undefined,
  paging: Paging,
): Promise<{ rows: PlanRow[]; total: number }> {
  const base = scoped(db, actor, 'development_plans', { as: 'p', under }).where('p.year', '=', year);
  return paged(
    db,
    actor.tenantId!,
    base,
    (b) =>
      b
        .innerJoin('orgs as o', 'o.id', 'p.org_id')
        .select((eb) => [
          'p.id',
          'p.org_id',
          'o.name as org_name',
          'o.parent_id',
          'p.year',
          'p.quota',
          'p.note',
          'p.updated_at',
          eb
            .selectFrom('development_plans as c')
            .innerJoin('orgs as co', 'co.id', 'c.org_id')
            .whereRef('co.parent_id', '=', 'p.org_id')
            .whereRef('c.year', '=', 'p.year')
            .where('c.deleted_at', 'is', null)
            .select((e) => e.fn.sum<number>('c.quota').as('s'))
            .as('allocated'),
        ])
        .orderBy('o.depth')
        .orderBy('o.sort_order')
        .orderBy('o.id'),
    paging,
  );
}

/** The live plan of an organization for a year (any scope: the parent's plan lies above a township's caller). */
export async function planOf(db: Q, tenantId: number, orgId: number, year: number) {
  return db
    .selectFrom('development_plans')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The live plans of a year of the children of an organization, by child id. */
export async function childPlans(db: Q, tenantId: number, parentId: number, year: number) {
  return db
    .selectFrom('development_plans as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.org_id', 'p.quota'])
    .where('p.tenant_id', '=', tenantId)
    .where('o.parent_id', '=', parentId)
    .where('p.year', '=', year)
    .where('p.deleted_at', 'is', null)
    .execute();
}

/** Inserts an organization's plan for a year. */
export async function insertPlan(
  db: Q,
  row: { tenantId: number; orgId: number; orgPath: string; year: number; quota: number; note: string | null },
  by: number,
  now: string,
): Promise<number> {
  const r = await db
    .insertInto('development_plans')
    .values({
      tenant_id: row.tenantId,
      org_id: row.orgId,
      org_path: row.orgPath,
      year: row.year,
      quota: row.quota,
      note: row.note,
      set_by: by || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Changes a plan's quota and note. */
export async function updatePlan(db: Q, id: number, quota: number, note: string | null, by: number, now: string) {
  await db
    .updateTable('development_plans')
    .set({ quota, note, set_by: by || null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Removes a plan (soft: the year's history of quotas stays readable in the audit trail and the row). */
export async function removePlan(db: Q, id: number, now: string) {
  await db.updateTable('development_plans').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute();
}

/** The live plans of a year in a tenant's subtree [lo, hi) (the figures' read). */
export async function plansInRange(db: Q, tenantId: number, [lo, hi]: [string, string], year: number) {
  return db
    .selectFrom('development_plans')
    .select(['org_id', 'org_path', 'quota'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .execute();
}

/** The live organizations of a tenant's subtree [lo, hi): tree shape, names and secretaries. */
export async function orgsInRange(db: Q, tenantId: number, [lo, hi]: [string, string]) {
  return db
    .selectFrom('orgs')
    .select(['id', 'parent_id', 'org_path', 'depth', 'name', 'type', 'sort_order', 'secretary_member_id'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .orderBy('depth')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** A member's name (the secretary a mark calls in). */
export async function memberName(db: Q, memberId: number): Promise<string | null> {
  const r = await db.selectFrom('members').select('name').where('id', '=', memberId).executeTakeFirst();
  return r?.name ?? null;
}

export type MarkRow = Selectable<DevelopmentMarksTable> & { org_name: string };

/** Inserts a supervision mark. */
export async function insertMark(
  db: Q,
  row: Omit<MarkRow, 'id' | 'org_name' | 'undone_at' | 'undo_reason' | 'undone_by' | 'deleted_at'>,
): Promise<number> {
  const r = await db
    .insertInto('development_marks')
    .values({ ...row, undone_at: null, undo_reason: null, undone_by: null, deleted_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The live (not undone) mark of an organization for a year, if any. */
export async function activeMark(db: Q, tenantId: number, orgId: number, year: number) {
  return db
    .selectFrom('development_marks')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .where('undone_at', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** One mark of the caller's subtree with its organization's name, or 404. */
export async function getMark(db: Q, actor: Actor, id: number): Promise<MarkRow> {
  const row = await getOr404(db, actor, 'development_marks', id);
  const org = await db.selectFrom('orgs').select('name').where('id', '=', row.org_id).executeTakeFirstOrThrow();
  return { ...row, org_name: org.name };
}

/** Records the undoing of a mark. */
export async function undoMark(db: Q, id: number, reason: string, by: number, now: string) {
  await db
    .updateTable('development_marks')
    .set({ undone_at: now, undo_reason: reason, undone_by: by || null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** A page of the marks of a year in the caller's subtree, newest first (undone ones only when asked). */
export async function listMarks(
  db: Q,
  actor: Actor,
  f: { year: number; under?: string; undone?: boolean },
  paging: Paging,
): Promise<{ rows: MarkRow[]; total: number }> {
  let base = scoped(db, actor, 'development_marks', { as: 'm', under: f.under }).where('m.year', '=', f.year);
  if (!f.undone) base = base.where('m.undone_at', 'is', null);
  return paged(
    db,
    actor.tenantId!,
    base,
    (b) =>
      b
        .innerJoin('orgs as o', 'o.id', 'm.org_id')
        .selectAll('m')
        .select('o.name as org_name')
        .orderBy('m.created_at', 'desc')
        .orderBy('m.id', 'desc'),
    paging,
  );
}

/** Every live mark of a year in a tenant's subtree [lo, hi), with names (the supervision list shows them). */
export async function marksInRange(db: Q, tenantId: number, [lo, hi]: [string, string], year: number) {
  return (await db
    .selectFrom('development_marks as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .selectAll('m')
    .select('o.name as org_name')
    .where('m.tenant_id', '=', tenantId)
    .where('m.org_path', '>=', lo)
    .where('m.org_path', '<', hi)
    .where('m.year', '=', year)
    .where('m.undone_at', 'is', null)
    .where('m.deleted_at', 'is', null)
    .execute()) as MarkRow[];
}

/** The candidates of a tenant's subtree [lo, hi) admitted between two days (inclusive), with their organization. */
export async function admissions(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  return (await db
    .selectFrom('development_candidates')
    .select(['id', 'org_id', 'org_path', 'admitted_on'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('admitted_on', '>=', from)
    .where('admitted_on', '<=', to)
    .execute()) as { id: number; org_id: number; org_path: string; admitted_on: string }[];
}

/** The steps recorded between two days (inclusive) by the candidates of a subtree, with their materials. */
export async function stepsWithMaterials(
  db: Q,
  tenantId: number,
  [lo, hi]: [string, string],
  from: string,
  to: string,
) {
  return db
    .selectFrom('development_steps as s')
    .innerJoin('development_candidates as c', 'c.id', 's.candidate_id')
    .select(['s.step', 's.materials', 'c.org_id'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.org_path', '>=', lo)
    .where('c.org_path', '<', hi)
    .where('c.deleted_at', 'is', null)
    .where('s.done_on', '>=', from)
    .where('s.done_on', '<=', to)
    .execute();
}

/** The paths of the development targets (发展对象) of a tenant's subtree [lo, hi) now. */
export async function targetPaths(db: Q, tenantId: number, [lo, hi]: [string, string]) {
  return db
    .selectFrom('development_candidates')
    .select('org_path')
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'target')
    .execute();
}
