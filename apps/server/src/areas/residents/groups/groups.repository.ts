/** Every query on household groups (联户组) and their coverage, inside the caller's scope. */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { HouseholdGroupsTable } from '../../../db/schema/index.js';
import type { Actor } from '../../../platform/actor.js';
import { type Q, scoped } from '../../../platform/data/scoped.js';
import { orgScopedReader, type SubtreeFilter } from '../../../platform/data/orgReader.js';

/** A group with the name of its organization. */
export type GroupRow = Selectable<HouseholdGroupsTable> & { org_name: string };
/** Live households, poor households and people of a group. */
export interface Counts {
  households: number;
  poor: number;
  people: number;
}

/** What a list may ask for. */
export type GroupFilter = SubtreeFilter;

const reader = orgScopedReader('household_groups', 'g', ['g.name', 'g.leader_name']);
/** One group of the caller's scope (live unless asked), else 404. */
export const getGroup = reader.get;
/** One page of groups of a subtree (by org, then id), and the total (a `q` text matches the name or the leader). */
export const listGroups = reader.list;

/** Live households, poor households and people of groups, by group. */
export async function countsOf(db: Q, groupIds: number[]): Promise<Map<number, Counts>> {
  const out = new Map<number, Counts>();
  for (let i = 0; i < groupIds.length; i += 500) {
    const rows = await db
      .selectFrom('households')
      .select('group_id')
      .select((e) => e.fn.countAll<number>().as('n'))
      .select(sql<number>`sum(is_poor)`.as('poor'))
      .select(sql<number>`sum(people)`.as('people'))
      .where('group_id', 'in', groupIds.slice(i, i + 500))
      .where('deleted_at', 'is', null)
      .groupBy('group_id')
      .execute();
    for (const r of rows)
      out.set(r.group_id!, { households: Number(r.n), poor: Number(r.poor ?? 0), people: Number(r.people ?? 0) });
  }
  return out;
}

/** The live households of a group, by id. */
export async function householdsOfGroup(db: Q, groupId: number) {
  return db
    .selectFrom('households')
    .select(['id', 'address', 'head_name', 'tags', 'is_poor', 'people'])
    .where('group_id', '=', groupId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** The ids of the live households of a group, in order. */
export async function memberIds(db: Q, groupId: number): Promise<number[]> {
  return (await householdsOfGroup(db, groupId)).map((r) => r.id);
}

/** Live households of the caller's scope among `ids`, with their path and live group (to check a group's set). */
export async function householdsToGroup(db: Q, actor: Actor, ids: number[]) {
  return scoped(db, actor, 'households', { as: 'h' })
    .leftJoin('household_groups as g', (j) => j.onRef('g.id', '=', 'h.group_id').on('g.deleted_at', 'is', null))
    .select(['h.id', 'h.org_path', 'g.id as live_group'])
    .where('h.id', 'in', ids)
    .execute();
}

/** Forms a group; its id. */
export async function insertGroup(trx: Q, values: Insertable<HouseholdGroupsTable>): Promise<number> {
  const { id } = await trx.insertInto('household_groups').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Changes a group's columns. */
export async function updateGroup(trx: Q, id: number, set: Updateable<HouseholdGroupsTable>): Promise<void> {
  await trx.updateTable('household_groups').set(set).where('id', '=', id).execute();
}

/** Puts households in a group (or in none). */
export async function setGroupOf(trx: Q, householdIds: number[], groupId: number | null, now: string): Promise<void> {
  if (!householdIds.length) return;
  await trx
    .updateTable('households')
    .set({ group_id: groupId, updated_at: now })
    .where('id', 'in', householdIds)
    .execute();
}

/** The live child organizations of an organization, in their order. */
export async function childOrgs(db: Q, tenantId: number, parentId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'place_name', 'field', 'org_path'])
    .where('parent_id', '=', parentId)
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Live households of a subtree by village: all, covered by a live group, their people and poor ones. */
export async function householdsByVillage(db: Q, actor: Actor, underPath: string) {
  return scoped(db, actor, 'households', { as: 'h', under: underPath })
    .leftJoin('household_groups as g', (j) => j.onRef('g.id', '=', 'h.group_id').on('g.deleted_at', 'is', null))
    .select('h.org_path')
    .select((e) => e.fn.countAll<number>().as('n'))
    .select(sql<number>`sum(h.people)`.as('people'))
    .select(sql<number>`sum(case when g.id is not null then 1 else 0 end)`.as('covered'))
    .select(sql<number>`sum(case when g.id is not null then h.people else 0 end)`.as('people_covered'))
    .select(sql<number>`sum(h.is_poor)`.as('poor'))
    .select(sql<number>`sum(case when g.id is not null then h.is_poor else 0 end)`.as('poor_covered'))
    .groupBy('h.org_path')
    .execute();
}

/** Live groups of a subtree with their live households and poor ones (a group with none counts too). */
export async function groupSizes(db: Q, actor: Actor, underPath: string) {
  return scoped(db, actor, 'household_groups', { as: 'g', under: underPath })
    .leftJoin('households as h', (j) => j.onRef('h.group_id', '=', 'g.id').on('h.deleted_at', 'is', null))
    .select(['g.id', 'g.org_path'])
    .select(sql<number>`count(h.id)`.as('n'))
    .select(sql<number>`coalesce(sum(h.is_poor), 0)`.as('poor'))
    .groupBy(['g.id', 'g.org_path'])
    .execute();
}
