/**
 * The demo's province and prefectures above its counties (示范省 > 示范市 …) and the two region accounts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema/index.js';
import { newUserRow } from '../areas/core/users/users.repository.js';
import { insertRegion } from '../areas/core/regions/regions.repository.js';

/** A region as the load refers to it. */
export interface DemoRegion {
  id: number;
  path: string;
  name: string;
}

/** The demo province: name and administrative division code. */
export const DEMO_PROVINCE = { name: '示范省', code: '520000' };
/** The prefectures of the demo province, in order; the first holds the county demo (codes 520100, 520200, …). */
export const DEMO_PREFECTURES = [
  '示范市',
  '青山市',
  '云岭市',
  '金沙市',
  '翠屏市',
  '凤鸣市',
  '银湖市',
  '丹霞市',
  '松涛市',
  '白鹭市',
];
/** Counties per prefecture at the province scale. */
export const COUNTIES_PER_PREFECTURE = 10;

/** Inserts the province and its first `prefectures` prefectures (1..10). */
export async function insertRegions(
  db: Kysely<DB>,
  prefectures: number,
  now: string,
): Promise<{ province: DemoRegion; prefectures: DemoRegion[] }> {
  const region = async (parent: DemoRegion | null, kind: string, name: string, code: string, sort: number) => ({
    ...(await insertRegion(db, { kind, name, code, parent, sortOrder: sort }, now)),
    name,
  });
  const province = await region(null, 'province', DEMO_PROVINCE.name, DEMO_PROVINCE.code, 0);
  const list: DemoRegion[] = [];
  for (const [i, name] of DEMO_PREFECTURES.slice(0, prefectures).entries())
    list.push(await region(province, 'prefecture', name, String(520100 + i * 100), i));
  return { province, prefectures: list };
}

/** The region accounts of the demo: the province's and the first prefecture's (no tenant, org or member). */
export async function insertRegionAccounts(
  db: Kysely<DB>,
  hash: string,
  regions: { province: DemoRegion; prefectures: DemoRegion[] },
  now: string,
): Promise<void> {
  const account = (username: string, r: DemoRegion) => ({
    tenant_id: null,
    username,
    display_name: `${r.name}管理员`,
    password_hash: hash,
    role: 'region_admin',
    org_id: null,
    org_path: null,
    member_id: null,
    region_id: r.id,
    region_path: r.path,
    ...newUserRow(now),
  });
  await db
    .insertInto('users')
    .values([account('demo-province', regions.province), account('demo-prefecture', regions.prefectures[0])])
    .execute();
}
