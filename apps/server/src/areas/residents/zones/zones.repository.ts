/** Every query on member responsibility zones and their members, inside the caller's scope. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ZonesTable } from '../../../db/schema/index.js';
import type { Q } from '../../../platform/data/scoped.js';
import { orgScopedReader, type SubtreeFilter } from '../../../platform/data/orgReader.js';

/** A zone with the name of its organization. */
export type ZoneRow = Selectable<ZonesTable> & { org_name: string };

/** What a list may ask for. */
export type ZoneFilter = SubtreeFilter;

const reader = orgScopedReader('zones', 'z', ['z.name', 'z.area']);
/** One zone of the caller's scope (live unless asked), else 404. */
export const getZone = reader.get;
/** One page of zones of a subtree (by org, then id), and the total (a `q` text matches the name or the area). */
export const listZones = reader.list;

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
