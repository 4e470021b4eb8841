/**
 * Every query on dispatched cadres (派驻). A dispatch lies on the path of the first organization it serves; every
 * read goes through `scoped()` on that path, so a township sees its subtree and nothing of a sibling's, and a
 * village sees those sent to it.
 */
import type { Insertable, Selectable, SelectQueryBuilder, Updateable } from 'kysely';
import { likeContains } from '../../../db/dialect.js';
import type { DispatchesTable, DispatchOrgsTable, DispatchPresenceTable } from '../../../db/schema/dispatches.js';
import type { Actor } from '../../../platform/actor.js';
import { notFound } from '../../../platform/errors.js';
import { type Liveness, type Paging, paged, type Q, scoped } from '../../../platform/data/scoped.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs, orgOfTenant } from '../../core/orgs/orgs.repository.js';

export type DispatchRow = Selectable<DispatchesTable>;
/** A row with the names it is shown with. */
export type NamedRow = DispatchRow & { org_name: string; team_name: string | null };
export type { Q };

/** What a list asks for. */
export interface DispatchFilter {
  underPath?: string;
  kind?: string;
  status?: string;
  unitLevel?: string;
  teamId?: number;
  teamRole?: string;
  q?: string;
  deleted?: boolean;
}

type AnyQ = SelectQueryBuilder<any, any, any>;

function filtered(db: Q, actor: Actor, f: DispatchFilter): AnyQ {
  let q = scoped(db, actor, 'dispatches', {
    as: 'd',
    under: f.underPath,
    rows: f.deleted ? 'deleted' : 'live',
  }) as AnyQ;
  if (f.kind) q = q.where('d.kind', '=', f.kind);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.unitLevel) q = q.where('d.unit_level', '=', f.unitLevel);
  if (f.teamRole) q = q.where('d.team_role', '=', f.teamRole);
  if (f.teamId) q = q.where((e: any) => e.or([e('d.team_id', '=', f.teamId), e('d.id', '=', f.teamId)]));
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) => e.or([likeContains('d.person_name', text), likeContains('d.sending_unit', text)]));
  }
  return q;
}

function named(q: AnyQ): AnyQ {
  return q
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .leftJoin('dispatches as t', 't.id', 'd.team_id')
    .selectAll('d')
    .select(['o.name as org_name', 't.person_name as team_name']);
}

/** A page of dispatches: on duty first, then by kind, latest start first. */
export function listDispatches(db: Q, actor: Actor, f: DispatchFilter, paging: Paging) {
  return paged(
    db,
    actor.tenantId!,
    filtered(db, actor, f),
    (b) =>
      named(b)
        .orderBy('d.status', 'desc')
        .orderBy('d.started_on', 'desc')
        .orderBy('d.id', 'desc') as SelectQueryBuilder<any, any, NamedRow>,
    paging,
  );
}

/** Every dispatch a filter selects, a batch at a time (the Excel export). */
export async function* iterateDispatches(db: Q, actor: Actor, f: DispatchFilter, batch = 1000) {
  let after = 0;
  for (;;) {
    const rows = (await named(filtered(db, actor, f))
      .where('d.id', '>', after)
      .orderBy('d.id')
      .limit(batch)
      .execute()) as NamedRow[];
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** One dispatch of the caller's scope with its names, or 404. */
export async function getDispatch(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<NamedRow> {
  const row = (await named(scoped(db, actor, 'dispatches', { as: 'd', rows }) as AnyQ)
    .where('d.id', '=', id)
    .executeTakeFirst()) as NamedRow | undefined;
  if (!row) throw notFound();
  return row;
}

/** The organizations some dispatches serve (id, name), by dispatch. */
export async function orgsOf(db: Q, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('dispatch_orgs as x')
    .innerJoin('orgs as o', 'o.id', 'x.org_id')
    .select(['x.dispatch_id', 'x.org_id', 'o.name'])
    .where('x.dispatch_id', 'in', ids)
    .where('x.deleted_at', 'is', null)
    .orderBy('x.id')
    .execute();
}

/** Days present recorded in a span of months, summed by dispatch. */
export async function daysOf(db: Q, ids: number[], fromMonth: string, toMonth: string) {
  if (!ids.length) return [];
  return db
    .selectFrom('dispatch_presence')
    .select(['dispatch_id', (e) => e.fn.sum<number | string>('days').as('days')])
    .where('dispatch_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .groupBy('dispatch_id')
    .execute();
}

/** The dispatches replacing some (the other end of a rotation). */
export async function replacersOf(db: Q, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('dispatches')
    .select(['id', 'replaces_id'])
    .where('replaces_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}

/** The presence months of a dispatch, latest first. */
export function presenceOf(db: Q, id: number) {
  return db
    .selectFrom('dispatch_presence')
    .select(['month', 'days', 'note', 'updated_at'])
    .where('dispatch_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('month', 'desc')
    .execute();
}

/** The live members of a work team (the leader's dispatch id). */
export function teamMembers(db: Q, actor: Actor, leaderId: number) {
  return (scoped(db, actor, 'dispatches', { as: 'd' }) as AnyQ)
    .select(['d.id', 'd.person_name', 'd.status'])
    .where('d.team_id', '=', leaderId)
    .orderBy('d.id')
    .execute() as Promise<{ id: number; person_name: string; status: string }[]>;
}

/** A dispatch by id in the tenant, whatever the scope (walking a rotation chain already in scope). */
export function byId(db: Q, tenantId: number, id: number) {
  return db
    .selectFrom('dispatches')
    .select(['id', 'person_name', 'started_on', 'ended_on', 'status', 'replaces_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The live township-level organizations of a tenant (depth 1), to name where a dispatch lies. */
export function townships(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('depth', '=', 1)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Inserts a dispatch; answers its id. */
export async function insertDispatch(db: Q, row: Insertable<DispatchesTable>): Promise<number> {
  return (await db.insertInto('dispatches').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a dispatch's columns. */
export async function updateDispatch(db: Q, id: number, set: Updateable<DispatchesTable>): Promise<void> {
  await db.updateTable('dispatches').set(set).where('id', '=', id).execute();
}

/** Replaces the organizations a dispatch serves. */
export async function setOrgs(
  db: Q,
  tenantId: number,
  id: number,
  orgs: { id: number; org_path: string }[],
): Promise<void> {
  await db.deleteFrom('dispatch_orgs').where('dispatch_id', '=', id).execute();
  await insertOrgs(
    db,
    orgs.map((o) => ({ tenant_id: tenantId, org_id: o.id, org_path: o.org_path, dispatch_id: id, deleted_at: null })),
  );
}

/** Inserts organization links in bulk. */
export async function insertOrgs(db: Q, rows: Insertable<DispatchOrgsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('dispatch_orgs')
      .values(rows.slice(i, i + 300))
      .execute();
}

/** Marks a dispatch's organization links deleted with it (or live again on restore). */
export async function markOrgs(db: Q, id: number, deletedAt: string | null): Promise<void> {
  await db.updateTable('dispatch_orgs').set({ deleted_at: deletedAt }).where('dispatch_id', '=', id).execute();
}

/** The presence row of a dispatch and month, if any. */
export function presenceRow(db: Q, id: number, month: string) {
  return db
    .selectFrom('dispatch_presence')
    .selectAll()
    .where('dispatch_id', '=', id)
    .where('month', '=', month)
    .executeTakeFirst();
}

/** Writes the days of one month (insert or change). */
export async function upsertPresence(
  db: Q,
  existing: { id: number } | undefined,
  row: Insertable<DispatchPresenceTable>,
): Promise<void> {
  if (existing)
    await db
      .updateTable('dispatch_presence')
      .set({
        days: row.days,
        note: row.note,
        recorded_by: row.recorded_by,
        updated_at: row.updated_at,
        deleted_at: null,
      })
      .where('id', '=', existing.id)
      .execute();
  else await db.insertInto('dispatch_presence').values(row).execute();
}

/** Inserts presence rows in bulk. */
export async function insertPresence(db: Q, rows: Insertable<DispatchPresenceTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('dispatch_presence')
      .values(rows.slice(i, i + 300))
      .execute();
}

/** Dispatches of a subtree active during a span (the figure): kind, team role and the path they lie on. */
export function activeIn(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  return db
    .selectFrom('dispatches')
    .select(['id', 'kind', 'team_role', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('started_on', '<=', to)
    .where((e) => e.or([e('ended_on', 'is', null), e('ended_on', '>=', from)]))
    .execute();
}

/** Organizations served by some dispatches (the figure's villages covered), with their paths. */
export async function servedBy(db: Q, tenantId: number, [lo, hi]: [string, string]) {
  return db
    .selectFrom('dispatch_orgs')
    .select(['dispatch_id', 'org_id', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Presence rows of a subtree in a span of months (the figure's average days). */
export function presenceIn(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  return db
    .selectFrom('dispatch_presence')
    .select(['dispatch_id', 'days'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .execute();
}

/** The demo's villages and communities (branches right below a township) with their paths. */
export function demoPlaces(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'org_path', 'parent_id'])
    .where('tenant_id', '=', tenantId)
    .where('depth', '=', 2)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Inserts dispatches in bulk; answers their ids in order. */
export async function insertDispatches(db: Q, rows: Insertable<DispatchesTable>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const got = await db
      .insertInto('dispatches')
      .values(rows.slice(i, i + 200))
      .returning('id')
      .execute();
    ids.push(...got.map((r) => r.id));
  }
  return ids;
}
