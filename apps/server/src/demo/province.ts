/**
 * The province demo's own writes: a county's organizations and members through COPY with ids assigned here
 * (a few seconds per county instead of one insert per organization), and the indexes of the big tables built once.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema/index.js';
import type { Ctx } from '../platform/context.js';
import { memberColumns } from '../areas/core/members/members.service.js';
import { defaultPlaceName, type PlaceOrgLike } from '../areas/core/orgs/orgs.places.js';
import type { DemoCounty } from './county.js';
import type { LoadedCounty } from './load.js';
import type { Random } from './random.js';
import { Bulk, BIG_TABLES, STAMP_COLUMNS, stampValues } from './bulk.js';
import { type DemoProgress, demoTick } from './progress.js';
import { refreshAll } from '../areas/core/regions/rollups.refresh.js';

/** The tables whose secondary indexes the province load drops for its whole length and builds once at the end. */
export const PROVINCE_BIG_TABLES = [
  ...BIG_TABLES,
  'members',
  'meetings',
  'meeting_attendance',
  'meeting_reviews',
  'meeting_motions',
];

/** The counties of the province demo: 1..100, default 100. */
export const PROVINCE_COUNTIES = { min: 1, max: 100, default: 100 };

const ORG_COLUMNS = [
  'id',
  'tenant_id',
  'parent_id',
  'org_path',
  'depth',
  'name',
  'place_name',
  'type',
  'field',
  'term_start',
  'term_end',
  'secretary_member_id',
  'committee',
  'sort_order',
  ...STAMP_COLUMNS,
];
const MEMBER_FIELDS = [
  'name',
  'name_pinyin',
  'name_initials',
  'gender',
  'id_number_enc',
  'id_number_hash',
  'id_number_masked',
  'phone_enc',
  'phone_hash',
  'phone_masked',
  'birth_date',
  'ethnicity',
  'education',
  'category',
  'joined_at',
  'full_member_at',
  'status',
] as const;
const MEMBER_COLUMNS = ['id', 'tenant_id', 'org_id', 'org_path', ...MEMBER_FIELDS, ...STAMP_COLUMNS];

const COMMITTEE_POSITIONS = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员'];

/**
 * Writes one county's organizations and members with COPY inside `trx`: ids, paths (`/root/…/id/`), secretaries
 * and committees computed here, the same shapes as the county demo's one-by-one inserts.
 */
export async function copyCounty(
  ctx: Ctx,
  trx: Kysely<DB>,
  county: DemoCounty,
  index: number,
  rng: Random,
): Promise<LoadedCounty> {
  const now = ctx.clock().toISOString();
  const bulk = new Bulk(ctx);
  // Read for each county: the first county's contributors add members and organizations of their own.
  const next = { org: await bulk.nextId('orgs'), member: await bulk.nextId('members') };
  const orgIds = new Map<string, number>();
  const orgPaths = new Map<string, string>();
  const memberIds = new Map<string, number>();
  const byOrg = new Map<string, { key: string; name: string }[]>();
  for (const o of county.orgs) orgIds.set(o.key, next.org++);
  for (const m of county.members) {
    memberIds.set(m.key, next.member++);
    let list = byOrg.get(m.orgKey);
    if (!list) byOrg.set(m.orgKey, (list = []));
    list.push({ key: m.key, name: m.name });
  }
  const tenantId = orgIds.get(county.orgs[0].key)!;
  const shapes = new Map<string, PlaceOrgLike>();
  const orgRows = county.orgs.map((o, i) => {
    const id = orgIds.get(o.key)!;
    const parentPath = o.parentKey ? orgPaths.get(o.parentKey)! : '/';
    const depth = parentPath.split('/').filter(Boolean).length;
    orgPaths.set(o.key, `${parentPath}${id}/`);
    const shape = { type: o.type, field: o.field, depth };
    shapes.set(o.key, shape);
    // A secretary and a committee drawn from the organization's own members, as in the county demo.
    const people = byOrg.get(o.key) ?? [];
    const seats = people.length >= 7 ? Math.min(5, 3 + rng.int(0, 2)) : people.length ? 1 : 0;
    const committee = people
      .slice(0, seats)
      .map((p, j) => ({ name: p.name, position: COMMITTEE_POSITIONS[j], memberId: memberIds.get(p.key)! }));
    return [
      id,
      tenantId,
      o.parentKey ? orgIds.get(o.parentKey)! : null,
      orgPaths.get(o.key)!,
      depth,
      o.name,
      defaultPlaceName({ ...shape, name: o.name }, o.parentKey ? shapes.get(o.parentKey)! : null),
      o.type,
      o.field,
      o.termStart,
      o.termEnd,
      people.length ? memberIds.get(people[0].key)! : null,
      JSON.stringify(committee),
      i,
      ...stampValues(now),
    ];
  });
  await bulk.insert('orgs', ORG_COLUMNS, orgRows, trx);
  const memberRows: unknown[][] = [];
  for (const [i, m] of county.members.entries()) {
    const v = demoMemberColumns(ctx, m);
    memberRows.push([
      memberIds.get(m.key)!,
      tenantId,
      orgIds.get(m.orgKey)!,
      orgPaths.get(m.orgKey)!,
      ...MEMBER_FIELDS.map((f) => v[f]),
      ...stampValues(now),
    ]);
    if (i % 2000 === 0) demoTick(() => `${i}/${county.members.length} 名党员 members`);
  }
  await bulk.insert('members', MEMBER_COLUMNS, memberRows, trx);
  return { index, tenantId, county, orgIds, orgPaths, memberIds };
}

/** A generated member as the members table stores it (encrypted and hashed ID number and phone, pinyin): both loads. */
export function demoMemberColumns(ctx: Ctx, m: DemoCounty['members'][number]) {
  return memberColumns(ctx, {
    name: m.name,
    gender: m.gender,
    idNumber: m.idNumber,
    phone: m.phone,
    birthDate: m.birthDate,
    joinedAt: m.joinedAt,
    fullMemberAt: m.fullMemberAt,
    status: m.status,
    ethnicity: m.ethnicity,
    education: m.education,
    category: m.category,
  });
}

/** Builds every county's rollups at the end of a province load, with a progress line and the time it took. */
export async function buildRollups(ctx: Ctx, log: (line: string) => void, progress: DemoProgress): Promise<void> {
  const t = Date.now();
  progress.begin('汇总 rollups');
  const round = await refreshAll(ctx, (line) => log(`  ${line}`));
  log(`  汇总 rollups：${round.refreshed} 个县 counties（${((Date.now() - t) / 1000).toFixed(1)} 秒 s）`);
}
