/** Every query on member responsibility zones and their members, inside the caller's scope. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ZonesTable } from '../../../db/schema/index.js';
import { likeContains } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { type Liveness, type Paging, paged, type Q, type ScopedQuery, scoped } from '../../../platform/data/scoped.js';
import { notFound } from '../../../platform/errors.js';

/** A zone with the name of its organization. */
export type ZoneRow = Selectable<ZonesTable> & { org_name: string };

/** What a list may ask for. */
export interface ZoneFilter {
  /** A subtree inside the caller's scope (an org path). */
  underPath?: string;
  q?: string;
  deleted?: boolean;
}

const withOrg = (q: ScopedQuery<'zones', 'z'>) =>
  q.innerJoin('orgs as o', 'o.id', 'z.org_id').selectAll('z').select('o.name as org_name');

/** One zone of the caller's scope (live unless asked), else 404. */
export async function getZone(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<ZoneRow> {
  const row = (await withOrg(scoped(db, actor, 'zones', { as: 'z', rows }))
    .where('z.id', '=', id)
    .executeTakeFirst()) as ZoneRow | undefined;
  if (!row) throw notFound();
  return row;
}

/** One page of zones of a subtree (by org, then id), and the total. */
export async function listZones(
  db: Q,
  actor: Actor,
  f: ZoneFilter,
  paging: Paging,
): Promise<{ rows: ZoneRow[]; total: number }> {
  let q = scoped(db, actor, 'zones', { as: 'z', under: f.underPath, rows: f.deleted ? 'deleted' : 'live' });
  const text = f.q;
  if (text) q = q.where((eb) => eb.or([likeContains('z.name', text), likeContains('z.area', text)]));
  const page = await paged(db, actor.tenantId!, q, (b) => withOrg(b).orderBy('z.org_path').orderBy('z.id'), paging);
  return page as { rows: ZoneRow[]; total: number };
}

/** The members assigned to zones (live members, with their organization), in order of assignment. */
export async function membersOf(db: Q, zoneIds: number[]) {
  if (!zoneIds.length) return [];
  return db
    .selectFrom('zone_members as zm')
    .innerJoin('members as m', 'm.id', 'zm.member_id')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['zm.zone_id', 'm.id', 'm.name', 'o.name as org_name', 'zm.assigned_on'])
    .where('zm.zone_id', 'in', zoneIds)
    .where('m.deleted_at', 'is', null)
    .orderBy('zm.id')
    .execute();
}

/** Draws a zone; its id. */
export async function insertZone(trx: Q, values: Insertable<ZonesTable>): Promise<number> {
  const { id } = await trx.insertInto('zones').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Changes a zone's columns. */
export async function updateZone(trx: Q, id: number, set: Updateable<ZonesTable>): Promise<void> {
  await trx.updateTable('zones').set(set).where('id', '=', id).execute();
}

/** The assignment of a member to a zone, if any. */
export async function assignmentOf(db: Q, zoneId: number, memberId: number): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('zone_members')
    .select('id')
    .where('zone_id', '=', zoneId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** Assigns a member to a zone on a date. */
export async function insertAssignment(trx: Q, zoneId: number, memberId: number, on: string): Promise<void> {
  await trx.insertInto('zone_members').values({ zone_id: zoneId, member_id: memberId, assigned_on: on }).execute();
}

/** Removes an assignment. */
export async function deleteAssignment(trx: Q, id: number): Promise<void> {
  await trx.deleteFrom('zone_members').where('id', '=', id).execute();
}
