/**
 * Loads the demo county (or a prefecture of ten) into an empty database; later modules add their records as
 * contributors.
 */
import { chinaToday, ROLES } from '@dangjian/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema/index.js';
import type { Ctx } from '../platform/context.js';
import { hashPassword } from '../platform/crypto.js';
import { writeAuditAlone } from '../platform/data/audit.js';
import { bumpVersion } from '../platform/data/versions.js';
import { newUserRow } from '../areas/core/users/users.repository.js';
import { defaultPlaceName, type PlaceOrgLike } from '../areas/core/orgs/orgs.places.js';
import { COUNTY_SIZE, generateCounty, PROVINCE_COUNTY_SIZE, type DemoCounty } from './county.js';
import { copyCounty, demoMemberColumns } from './province.js';
import { COUNTIES_PER_PREFECTURE, type DemoRegion, insertRegionAccounts, insertRegions } from './regions.js';
import { Random, mixSeed } from './random.js';
import { MANIFESTS } from '../areas/index.js';
import { DemoProgress, demoTick, setDemoProgress } from './progress.js';
import { Bulk } from './bulk.js';
import { placeCounty } from '../areas/core/regions/regions.repository.js';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Dangjian@2026';

/** The demo accounts and their roles, for the start log (the first county only has them). */
export const DEMO_ACCOUNTS: { username: string; role: keyof typeof ROLES }[] = [
  { username: 'demo-county', role: 'county_admin' },
  { username: 'demo-township', role: 'township_admin' },
  { username: 'demo-branch', role: 'branch_secretary' },
  { username: 'demo-member', role: 'member' },
  { username: 'demo-auditor', role: 'auditor' },
  { username: 'demo-security', role: 'security_admin' },
  { username: 'demo-province', role: 'region_admin' },
  { username: 'demo-prefecture', role: 'region_admin' },
];

/** The scales of the demo: one county, a prefecture of ten, a province of up to a hundred (PostgreSQL only). */
export type DemoScale = 'county' | 'prefecture' | 'province';

/** What the demo load is asked for. */
export interface DemoOptions {
  scale?: DemoScale;
  seed?: number;
  /** The counties of the province scale (1..100, default 100). */
  counties?: number;
  log?: (line: string) => void;
}

/** What each contributor's stage is called in the start log. */
export const STAGE_LABELS: Record<string, string> = {
  meetings: '组织生活 meetings',
  residents: '为民服务 service',
  transfers: '组织关系转接 transfers',
  dues: '党费 dues',
  development: '发展党员 development',
  mobility: '流动党员 members away',
  tasks: '任务督办 tasks',
  inspections: '督查检查 inspections',
  problems: '问题整改 problems',
  weakOrgs: '软弱涣散整顿 weak organizations',
  accountability: '问责 accountability',
  bulletins: '通报简报 bulletins',
  overview: '督查总览 overview',
  ratings: '星级评定 star ratings',
  points: '党员积分 member points',
  pledges: '承诺践诺 pledges',
  reports: '书记述职 annual reports',
  selections: '评选表彰 selections',
  retraining: '淬火整训 retraining',
  board: '公开晾晒 public board',
  cadres: '村两委 two committees',
  dispatches: '驻村派驻 dispatched cadres',
  contactPoints: '领导联系点 contact points',
  posts: '设岗定责 posts',
  learning: '夜学清单 learning lists',
  training: '轮训学时 training',
  incomes: '集体经济 collective income',
  projects: '党支部+ projects',
  funds: '经费保障 funds',
};

/** One county as loaded: generator output plus the database ids of its orgs and members. */
export interface LoadedCounty {
  index: number;
  tenantId: number;
  county: DemoCounty;
  orgIds: Map<string, number>;
  orgPaths: Map<string, string>;
  memberIds: Map<string, number>;
  /** The share of the county demo's service records (residents) this county gets; 1 unless the province's. */
  residentsScale?: number;
  /** Meetings before this day keep no attendance rows (the province's counties, docs/SCALE.md); null: all. */
  attendanceFrom?: string | null;
}

/** A later module's part of the demo: runs after the organizations and members of each county exist. */
export interface DemoContributor {
  name: string;
  load(ctx: Ctx, county: LoadedCounty, rng: Random, log: (line: string) => void): Promise<void>;
}

/** The contributors of the module manifests (meetings, residents, …) in the order they run. */
export function demoContributors(): DemoContributor[] {
  return MANIFESTS.flatMap((m) => (m.demo ? [m.demo] : []));
}

const COMMITTEE_POSITIONS = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员'];

async function insertCounty(
  ctx: Ctx,
  db: Kysely<DB>,
  county: DemoCounty,
  index: number,
  rng: Random,
): Promise<LoadedCounty> {
  const now = ctx.clock().toISOString();
  const orgIds = new Map<string, number>();
  const orgPaths = new Map<string, string>();
  let tenantId = 0;
  // The village-level organizations and township committees carry their place's name (大岭村, 城关镇).
  const shapes = new Map<string, PlaceOrgLike>();
  for (const [i, o] of county.orgs.entries()) {
    const parentPath = o.parentKey ? orgPaths.get(o.parentKey)! : '/';
    const shape = { type: o.type, field: o.field, depth: parentPath.split('/').filter(Boolean).length };
    shapes.set(o.key, shape);
    const { id } = await db
      .insertInto('orgs')
      .values({
        tenant_id: tenantId,
        parent_id: o.parentKey ? orgIds.get(o.parentKey)! : null,
        org_path: `${parentPath}pending/`,
        depth: parentPath.split('/').filter(Boolean).length,
        name: o.name,
        place_name: defaultPlaceName({ ...shape, name: o.name }, o.parentKey ? shapes.get(o.parentKey)! : null),
        type: o.type,
        field: o.field,
        term_start: o.termStart,
        term_end: o.termEnd,
        secretary_member_id: null,
        committee: '[]',
        sort_order: i,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!o.parentKey) tenantId = id;
    const path = `${parentPath}${id}/`;
    await db.updateTable('orgs').set({ org_path: path, tenant_id: tenantId }).where('id', '=', id).execute();
    orgIds.set(o.key, id);
    orgPaths.set(o.key, path);
    demoTick(() => `${i + 1}/${county.orgs.length} 个党组织 organizations`);
  }

  const memberIds = new Map<string, number>();
  const byOrg = new Map<string, { key: string; name: string }[]>();
  const BATCH = 400;
  for (let i = 0; i < county.members.length; i += BATCH) {
    const chunk = county.members.slice(i, i + BATCH);
    const rows = chunk.map((m) => ({
      ...demoMemberColumns(ctx, m),
      tenant_id: tenantId,
      org_id: orgIds.get(m.orgKey)!,
      org_path: orgPaths.get(m.orgKey)!,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    }));
    const ids = await db.insertInto('members').values(rows).returning('id').execute();
    demoTick(() => `${i + chunk.length}/${county.members.length} 名党员 members`);
    chunk.forEach((m, j) => {
      memberIds.set(m.key, ids[j].id);
      byOrg.set(m.orgKey, [...(byOrg.get(m.orgKey) ?? []), { key: m.key, name: m.name }]);
    });
  }

  // A secretary and a committee drawn from each organization's own members.
  for (const o of county.orgs) {
    const people = byOrg.get(o.key);
    if (!people?.length) continue;
    const seats = people.length >= 7 ? Math.min(5, 3 + rng.int(0, 2)) : 1;
    const committee = people
      .slice(0, seats)
      .map((p, i) => ({ name: p.name, position: COMMITTEE_POSITIONS[i], memberId: memberIds.get(p.key)! }));
    await db
      .updateTable('orgs')
      .set({ secretary_member_id: memberIds.get(people[0].key)!, committee: JSON.stringify(committee) })
      .where('id', '=', orgIds.get(o.key)!)
      .execute();
  }
  return { index, tenantId, county, orgIds, orgPaths, memberIds };
}

async function insertAccounts(ctx: Ctx, db: Kysely<DB>, c: LoadedCounty): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = ctx.clock().toISOString();
  const root = c.county.orgs[0];
  const township = c.county.orgs.find((o) => o.unit === 'township')!;
  // A village branch of that township with members, for the secretary and the member accounts.
  const branch = c.county.orgs.find(
    (o) =>
      o.unit === 'village' &&
      o.type === 'branch' &&
      o.parentKey === township.key &&
      c.county.members.some((m) => m.orgKey === o.key),
  )!;
  const member = c.county.members.find((m) => m.orgKey === branch.key)!;
  // The secretary is a member of the branch too: the phone pages show its own record, claims and errands.
  const secretary = c.county.members.find((m) => m.orgKey === branch.key && m.key !== member.key) ?? null;
  const account = (
    username: string,
    displayName: string,
    role: string,
    orgKey: string,
    memberKey: string | null = null,
  ) => ({
    tenant_id: c.tenantId,
    username,
    display_name: displayName,
    password_hash: hash,
    role,
    org_id: c.orgIds.get(orgKey)!,
    org_path: c.orgPaths.get(orgKey)!,
    member_id: memberKey ? c.memberIds.get(memberKey)! : null,
    ...newUserRow(now),
  });
  await db
    .insertInto('users')
    .values([
      account('demo-county', `${root.name}管理员`, 'county_admin', root.key),
      account('demo-township', `${township.name}管理员`, 'township_admin', township.key),
      account('demo-branch', `${branch.name}书记`, 'branch_secretary', branch.key, secretary?.key ?? null),
      account('demo-member', member.name, 'member', branch.key, member.key),
      account('demo-auditor', '审计员', 'auditor', root.key),
      account('demo-security', '安全管理员', 'security_admin', root.key),
    ])
    .execute();
}

/** Seconds since `t`, for the log. */
export const secs = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} 秒 s`;

/** Loads the demo into an empty database: one county, or ten for `prefecture` (the province: `loadProvince`). */
export async function loadDemo(ctx: Ctx, opts: DemoOptions = {}): Promise<LoadedCounty[]> {
  if (opts.scale === 'province') throw new Error('the province demo loads through loadProvince (demo/provinceLoad.ts)');
  return runDemo(ctx, opts, async (log, progress) => {
    const seed = opts.seed ?? 2026;
    await assertEmpty(ctx);
    const counties = opts.scale === 'prefecture' ? 10 : 1;
    const now = ctx.clock().toISOString();
    const regions = await insertRegions(ctx.db, 1, now);
    const loaded: LoadedCounty[] = [];
    for (let index = 0; index < counties; index++)
      loaded.push(await loadCounty(ctx, { seed, index, counties, province: false, regions, now }, log, progress));
    await auditDemoLoad(ctx, counties, seed);
    return loaded;
  });
}

/** Runs a demo load with its progress lines and the load-wide database settings, undone however it ends. */
export async function runDemo<T>(
  ctx: Ctx,
  opts: DemoOptions,
  fn: (log: (line: string) => void, progress: DemoProgress) => Promise<T>,
): Promise<T> {
  const progress = new DemoProgress(opts.log ?? (() => {}));
  setDemoProgress(progress);
  const restore = new Bulk(ctx).fast();
  try {
    return await fn(progress.log, progress);
  } finally {
    restore();
    setDemoProgress(null);
  }
}

/** Refuses a database that already has organizations: the demo loads only into an empty one. */
export async function assertEmpty(ctx: Ctx): Promise<void> {
  const existing = await ctx.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('the database already has organizations; the demo loads only into an empty database');
}

/** The audit line of a finished demo load. */
export async function auditDemoLoad(ctx: Ctx, counties: number, seed: number): Promise<void> {
  await writeAuditAlone(ctx, null, {
    action: 'demo.load',
    actorName: 'system',
    detail: `${counties} counties, seed ${seed}`,
  });
}

/** Where one county goes and what it is given. */
export interface CountyPlan {
  seed: number;
  index: number;
  counties: number;
  province: boolean;
  regions: { province: DemoRegion; prefectures: DemoRegion[] };
  now: string;
}

/** Loads one county: its organizations and members (`loadRoster`), then every contributor in turn. */
export async function loadCounty(
  ctx: Ctx,
  p: CountyPlan,
  log: (line: string) => void,
  progress: DemoProgress,
): Promise<LoadedCounty> {
  const c = await loadRoster(ctx, p, log, progress);
  // The province runs every contributor for its first county (the demo accounts' county) only; its other counties
  // get the meetings and the service records in the province's stage threads (demo/provinceLoad.ts).
  for (const contributor of demoContributors()) await runContributor(ctx, p, c, contributor, log, progress);
  // A county's meeting figures are cached by this version: what the contributors wrote counts from now on.
  await bumpVersion(ctx.db, c.tenantId, 'meetings');
  return c;
}

/** Loads a county's organizations and members and places it among the regions (the first county: the accounts). */
export async function loadRoster(
  ctx: Ctx,
  p: CountyPlan,
  log: (line: string) => void,
  progress: DemoProgress,
): Promise<LoadedCounty> {
  const { seed, index, counties, province } = p;
  const started = Date.now();
  progress.begin(`县 county ${index + 1}/${counties}：党组织和党员 organizations and members`);
  const county = generateCounty({
    seed: mixSeed(seed, index),
    index,
    today: chinaToday(ctx.clock()),
    size: province ? PROVINCE_COUNTY_SIZE : COUNTY_SIZE,
  });
  const rng = new Random(mixSeed(seed, index, 7));
  const c = await ctx.db.transaction().execute(async (trx) => {
    const c = province
      ? await copyCounty(ctx, trx, county, index, rng)
      : await insertCounty(ctx, trx, county, index, rng);
    const prefecture = p.regions.prefectures[Math.floor(index / COUNTIES_PER_PREFECTURE)];
    await placeCounty(trx, c.tenantId, prefecture, p.now, index % COUNTIES_PER_PREFECTURE);
    if (index === 0) {
      await insertAccounts(ctx, trx, c);
      await insertRegionAccounts(trx, await hashPassword(DEMO_PASSWORD), p.regions, p.now);
    }
    await bumpVersion(trx, c.tenantId, 'roster');
    return c;
  });
  if (province) {
    // The ids were assigned here: the contributors insert members and organizations of their own through Kysely.
    await new Bulk(ctx).fixSequences(['orgs', 'members']);
    c.residentsScale = 0.1;
    c.attendanceFrom = lastQuarterStart(chinaToday(ctx.clock()));
  }
  log(
    `  ${county.name}：${county.orgs.length} 个党组织 organizations，` +
      `${county.members.length} 名党员 members（${secs(started)}）`,
  );
  return c;
}

/** Runs one contributor for a loaded county, with its stage line and the time it took. */
export async function runContributor(
  ctx: Ctx,
  p: Pick<CountyPlan, 'seed' | 'index'>,
  c: LoadedCounty,
  contributor: DemoContributor,
  log: (line: string) => void,
  progress: DemoProgress | null,
): Promise<void> {
  const t = Date.now();
  const label = STAGE_LABELS[contributor.name] ?? '其他数据 other records';
  progress?.begin(label);
  await contributor.load(ctx, c, new Random(mixSeed(p.seed, p.index, contributor.name.length)), log);
  log(`  ${label} 完成 done（${secs(t)}）`);
}

/** The day three months before `today` (YYYY-MM-DD): the province keeps attendance rows from there on. */
function lastQuarterStart(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 3);
  return d.toISOString().slice(0, 10);
}
