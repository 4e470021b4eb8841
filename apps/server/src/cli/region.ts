/**
 * `dangjian region add|place|list`: the provinces and prefectures above the counties, and where each county sits.
 * Every error names what was wrong in Chinese and in English; every write is audited as the CLI's.
 */
import { REGION_KINDS, type RegionKind, type Role } from '@dangjian/contracts';
import { assertPasswordPolicy } from '../areas/core/auth/auth.service.js';
import type { Config } from '../config.js';
import { hashPassword } from '../platform/crypto.js';
import { writeAuditAlone } from '../platform/data/audit.js';
import {
  codeTaken,
  countiesByIdOrName,
  insertRegionUser,
  placeOf,
  regionByCode,
  regionTree,
} from './region.repository.js';
import { findUserByName } from './cli.repository.js';
import { insertRegion, placeCounty } from '../areas/core/regions/regions.repository.js';
import { flag, open, UsageError } from './shared.js';
import type { Ctx } from '../platform/context.js';

/** A division code: six digits (GB/T 2260), e.g. 520000 for a province, 520100 for a prefecture. */
const CODE = /^[0-9]{6}$/;

/** The usage lines of the command, for `dangjian help`. */
export const REGION_USAGE = `  region add --kind province|prefecture --name NAME --code CODE [--parent CODE]
  region place --county ID|NAME --region CODE    (a county sits in a prefecture; run again to move it)
  region list`;

/** A usage error in both languages. */
function refuse(zh: string, en: string): never {
  throw new UsageError(`${zh} / ${en}`);
}

/** A live region by its code, or the error naming the code. */
export async function regionOrRefuse(ctx: Ctx, code: string | undefined, what: string) {
  if (!code) refuse(`缺少 --${what}（区划代码）`, `--${what} (a division code) is required`);
  const region = await regionByCode(ctx.db, code);
  if (!region) refuse(`未知的区划代码 ${code}`, `unknown region code ${code}`);
  return region;
}

async function add(ctx: Ctx, args: string[]) {
  const kind = flag(args, 'kind');
  if (!kind || !(kind in REGION_KINDS))
    refuse('--kind 须为 province 或 prefecture', '--kind must be province or prefecture');
  const name = flag(args, 'name')?.trim();
  if (!name) refuse('缺少 --name（名称）', '--name is required');
  const code = flag(args, 'code');
  if (!code || !CODE.test(code)) refuse('--code 须为六位区划代码', '--code must be a six-digit division code');
  if (await codeTaken(ctx.db, code)) refuse(`区划代码 ${code} 已存在`, `region code ${code} already exists`);
  const parentCode = flag(args, 'parent');
  let parent: { id: number; path: string } | null = null;
  if ((kind as RegionKind) === 'province') {
    if (parentCode) refuse('省不能有上级（去掉 --parent）', 'a province has no parent (drop --parent)');
  } else {
    if (!parentCode) refuse('市（州）须指定所属省：--parent 省的代码', 'a prefecture needs --parent (its province)');
    const p = await regionOrRefuse(ctx, parentCode, 'parent');
    if (p.kind !== 'province')
      refuse(
        `市（州）只能设在省下，${p.code} ${p.name} 不是省`,
        `a prefecture sits in a province; ${p.code} is not one`,
      );
    parent = p;
  }
  const now = ctx.clock().toISOString();
  const { id } = await ctx.db.transaction().execute((trx) => insertRegion(trx, { kind, name, code, parent }, now));
  await writeAuditAlone(ctx, null, {
    action: 'region.create',
    actorName: 'cli',
    entityType: 'region',
    entityId: id,
    detail: `cli: ${kind} ${code} ${name}${parentCode ? ` in ${parentCode}` : ''}`,
  });
  console.log(`已添加 ${REGION_KINDS[kind as RegionKind].zh} ${code} ${name} / added ${kind} ${code} (id ${id})`);
}

async function place(ctx: Ctx, args: string[]) {
  const key = flag(args, 'county')?.trim();
  if (!key)
    refuse('缺少 --county（县的机构编号或名称）', '--county (the county root organization id or name) is required');
  const counties = await countiesByIdOrName(ctx.db, key);
  if (!counties.length) refuse(`没有名为或编号为 ${key} 的县`, `no county with id or name ${key}`);
  if (counties.length > 1)
    refuse(
      `有 ${counties.length} 个县名为 ${key}，请改用编号：${counties.map((c) => c.id).join('、')}`,
      `${counties.length} counties are named ${key}; give the id: ${counties.map((c) => c.id).join(', ')}`,
    );
  const county = counties[0]!;
  const region = await regionOrRefuse(ctx, flag(args, 'region'), 'region');
  if (region.kind !== 'prefecture')
    refuse(
      `县只能放在市（州）下，${region.code} ${region.name} 是${REGION_KINDS[region.kind as RegionKind]?.zh ?? region.kind}`,
      `a county is placed in a prefecture, not in a ${region.kind} (${region.code})`,
    );
  const before = await placeOf(ctx.db, county.id);
  await placeCounty(ctx.db, county.id, region, ctx.clock().toISOString());
  await writeAuditAlone(ctx, null, {
    action: 'region.place',
    actorName: 'cli',
    tenantId: county.id,
    entityType: 'county',
    entityId: county.id,
    changes: { region: { before: before?.code ?? null, after: region.code } },
    detail: `cli: county ${county.id} in ${region.code}`,
  });
  console.log(`${county.name} 已归入 ${region.name}（${region.code}）/ county ${county.id} placed in ${region.code}`);
}

async function list(ctx: Ctx) {
  const { regions, counties } = await regionTree(ctx.db);
  if (!regions.length) {
    console.log('尚无省市区划 / no regions yet (region add --kind province …)');
    return;
  }
  for (const r of regions) {
    const indent = r.kind === 'province' ? '' : '  ';
    console.log(`${indent}${r.code}  ${REGION_KINDS[r.kind as RegionKind]?.zh ?? r.kind}  ${r.name}  (id ${r.id})`);
    for (const c of counties.filter((x) => x.region_id === r.id))
      console.log(`${indent}    县 ${c.name}  (id ${c.id})`);
  }
}

/** `user add USERNAME --role region_admin --region CODE --password …`: an account of a province or prefecture. */
export async function addRegionUser(ctx: Ctx, username: string, role: Role, args: string[]) {
  if (role !== 'region_admin')
    refuse(`--region 只用于省市管理员（--role region_admin）`, '--region goes with --role region_admin only');
  if (flag(args, 'org') || flag(args, 'member'))
    refuse('省市管理员不属于任何组织（去掉 --org、--member）', 'a region account has no --org or --member');
  const region = await regionOrRefuse(ctx, flag(args, 'region'), 'region');
  const password = flag(args, 'password') ?? process.env.DJ_NEW_PASSWORD;
  if (!password) refuse('缺少 --password（或 DJ_NEW_PASSWORD）', '--password (or DJ_NEW_PASSWORD) is required');
  assertPasswordPolicy(ctx, password);
  if (await findUserByName(ctx.db, username)) refuse(`账号 ${username} 已存在`, `user ${username} already exists`);
  const id = await insertRegionUser(ctx.db, {
    username,
    displayName: flag(args, 'name') ?? username,
    passwordHash: await hashPassword(password),
    region,
  });
  await writeAuditAlone(ctx, null, {
    action: 'user.create',
    actorName: 'cli',
    entityType: 'user',
    entityId: id,
    detail: `cli: region_admin of ${region.kind} ${region.code}`,
  });
  console.log(`user ${username} created (id ${id}), 省市管理员 of ${region.code} ${region.name}`);
}

/** Runs `region add|place|list`. */
export async function regionCommand(config: Config, args: string[]) {
  const [sub] = args;
  if (sub !== 'add' && sub !== 'place' && sub !== 'list')
    throw new UsageError(`region add|place|list\n${REGION_USAGE}`);
  const ctx = await open(config);
  try {
    if (sub === 'add') await add(ctx, args);
    else if (sub === 'place') await place(ctx, args);
    else await list(ctx);
  } finally {
    await ctx.database.close();
  }
}
