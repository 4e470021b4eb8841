/** The region command's queries: provinces and prefectures, where each county sits, and a region's accounts. */
import type { Ctx } from '../platform/context.js';
import { newUserRow } from '../areas/core/users/users.repository.js';

type Db = Ctx['db'];

/** A live region by its division code. */
export function regionByCode(db: Db, code: string) {
  return db
    .selectFrom('regions')
    .select(['id', 'kind', 'name', 'code', 'path'])
    .where('code', '=', code)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Whether a division code is taken, by a live or a deleted region (the column is unique). */
export async function codeTaken(db: Db, code: string): Promise<boolean> {
  return !!(await db.selectFrom('regions').select('id').where('code', '=', code).executeTakeFirst());
}

/** The live counties (root organizations) with this id or this name. */
export function countiesByIdOrName(db: Db, key: string) {
  let q = db.selectFrom('orgs').select(['id', 'name']).where('parent_id', 'is', null).where('deleted_at', 'is', null);
  q = /^[0-9]+$/.test(key) ? q.where('id', '=', Number(key)) : q.where('name', '=', key);
  return q.orderBy('id').execute();
}

/** The prefecture a county sits in now, if any. */
export function placeOf(db: Db, tenantId: number) {
  return db
    .selectFrom('county_regions')
    .innerJoin('regions', 'regions.id', 'county_regions.region_id')
    .select(['regions.id', 'regions.code', 'regions.name'])
    .where('county_regions.tenant_id', '=', tenantId)
    .executeTakeFirst();
}

/** Every live region in tree order, and every placed county with its prefecture. */
export async function regionTree(db: Db) {
  const regions = await db
    .selectFrom('regions')
    .select(['id', 'parent_id', 'kind', 'name', 'code', 'path'])
    .where('deleted_at', 'is', null)
    .orderBy('path')
    .execute();
  const counties = await db
    .selectFrom('county_regions')
    .innerJoin('orgs', 'orgs.id', 'county_regions.tenant_id')
    .select(['county_regions.region_id', 'orgs.id', 'orgs.name'])
    .orderBy('county_regions.sort_order')
    .orderBy('orgs.id')
    .execute();
  return { regions, counties };
}

/** Inserts an account of a region: no county, no organization, no member — the region and its path. */
export async function insertRegionUser(
  db: Db,
  u: { username: string; displayName: string; passwordHash: string; region: { id: number; path: string } },
): Promise<number> {
  const { id } = await db
    .insertInto('users')
    .values({
      tenant_id: null,
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: 'region_admin',
      org_id: null,
      org_path: null,
      member_id: null,
      region_id: u.region.id,
      region_path: u.region.path,
      must_change_password: 0,
      ...newUserRow(new Date().toISOString()),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
