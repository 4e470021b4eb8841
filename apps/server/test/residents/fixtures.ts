/** Set-up shared by the residents' test files: the county fixture with its usual accounts signed in. */
import type { DialectName } from '../../src/db/database.js';
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { guardPhone } from '../../src/platform/personal.js';
import { expect } from 'vitest';
import { png } from '../files.js';
import { hashPassword } from '../../src/platform/crypto.js';
import {
  type Client,
  createEnv,
  type Fixture,
  insertUser,
  login,
  openFixture,
  signInAll,
  testIdNumber,
  PASSWORD,
  type TestEnv,
} from '../harness.js';

/** The signed-in accounts of the fixture most residents' tests act as. */
export interface County {
  env: TestEnv;
  fx: Fixture;
  county: Client;
  town: Client;
  townB: Client;
  sec: Client;
  member: Client;
}

/** The accounts the residents' tests act as, by the name each test gives its client. */
export const COUNTY_LOGINS = {
  county: 't-county',
  town: 't-town-a',
  townB: 't-town-b',
  sec: 't-sec-a1',
  member: 't-member-a1',
} as const;

/** A fresh database with the fixture county, and the county, township A and B, secretary A1 and member A1 signed in. */
export async function openCounty(dialect: DialectName, options?: Parameters<typeof createEnv>[1]): Promise<County> {
  return openFixture(dialect, COUNTY_LOGINS, options);
}

/** The audit rows of one entity, oldest first. */
export const audits = async (env: TestEnv, entityType: string, id: number) =>
  env.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'changes'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();

/** How many households are not deleted. */
export const householdCount = async (env: TestEnv) =>
  Number(
    (
      await env.ctx.db
        .selectFrom('households')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const DAY = 86_400_000;
export const HEADER = { 'x-requested-with': 'dangjian' };

/** A resident's phone: carries the dj_resident cookie and (unless told not to) the anti-CSRF header. */
export class Phone {
  cookies: Record<string, string> = {};
  constructor(private readonly env: TestEnv) {}
  async req(
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
    opts: { header?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const headers = method === 'POST' && opts.header !== false ? HEADER : {};
    const res = await this.env.app.inject({
      method,
      url,
      cookies: this.cookies,
      headers,
      ...(body !== undefined ? { payload: body as object } : method === 'POST' ? { payload: {} } : {}),
    });
    for (const c of res.cookies) this.cookies[c.name] = c.value;
    return res;
  }
}

/** Signs a phone in through the API (code from the outbox log). */
export async function signIn(env: TestEnv, phone: string, masked: string): Promise<Phone> {
  const p = new Phone(env);
  const sent = await p.req('POST', '/api/public/resident/code', { phone });
  if (sent.statusCode !== 200) throw new Error(`code: ${sent.body}`);
  const res = await p.req('POST', '/api/public/resident/verify', { phone, code: codeFromLog(env, masked) });
  if (res.statusCode !== 200) throw new Error(`verify: ${res.body}`);
  return p;
}

/** The code in the last line of outbox.log for a masked phone. */
export function codeFromLog(env: TestEnv, masked: string): string {
  const lines = fs
    .readFileSync(path.join(env.dataDir, 'outbox.log'), 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l.includes(masked));
  return /(\d{6})/.exec(lines[lines.length - 1]!.split('\t')[2]!)![1]!;
}

/** A valid one-pixel PNG. */
export const tinyPng = (): Buffer => png();

/** The accounts the wishes' tests act as. */
export interface WishCounty {
  env: TestEnv;
  fx: Fixture;
  county: Client;
  sec: Client;
  townA: Client;
  townB: Client;
  memberA1: Client;
  memberA2: Client;
}

/** The fixture county for wishes, with a second member account (李四 of 南村) and long console sessions. */
export async function openWishes(dialect: DialectName): Promise<WishCounty> {
  // Long console sessions: the clock jumps weeks ahead in these tests.
  const { env, fx } = await openFixture(dialect, {}, { idleMinutes: 1_000_000, absoluteHours: 1_000_000 });
  // A second member account, in another village of the same township (李四 of 南村).
  const org = await env.ctx.db
    .selectFrom('orgs')
    .select('org_path')
    .where('id', '=', fx.villageA2)
    .executeTakeFirstOrThrow();
  await insertUser(env.ctx.db, {
    tenant: fx.county,
    username: 't-member-a2',
    hash: await hashPassword(PASSWORD),
    role: 'member',
    orgId: fx.villageA2,
    orgPath: org.org_path,
    memberId: fx.memberIn.villageA2,
    now: env.ctx.clock().toISOString(),
  });
  const as = (username: string) => login(env.app, username);
  return {
    env,
    fx,
    county: await as('t-county'),
    sec: await as('t-sec-a1'),
    townA: await as('t-town-a'),
    townB: await as('t-town-b'),
    memberA1: await as('t-member-a1'),
    memberA2: await as('t-member-a2'),
  };
}

/**
 * A household inserted straight into the database (head, address and optional phone), as seeded data would be;
 * `over` sets its tags, poverty flag or size.
 */
export async function insertHousehold(
  env: TestEnv,
  tenantId: number,
  orgId: number,
  head: string,
  phone?: string,
  over: { tags?: string; is_poor?: number; people?: number } = {},
) {
  const now = env.ctx.clock().toISOString();
  const org = await env.ctx.db
    .selectFrom('orgs')
    .select(['org_path'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const p = guardPhone(env.ctx, phone ?? null);
  const { id } = await env.ctx.db
    .insertInto('households')
    .values({
      tenant_id: tenantId,
      org_id: orgId,
      org_path: org.org_path,
      address: `${head}家`,
      head_name: head,
      tags: '[]',
      is_poor: 0,
      people: 3,
      group_id: null,
      note: null,
      phone_enc: p.phone_enc!,
      phone_hash: p.phone_hash!,
      phone_masked: p.phone_masked!,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...over,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The accounts the requests' tests act as, signed in afresh (the clock may have moved past their sessions). */
export async function signInRequests(env: TestEnv) {
  return signInAll(env.app, { ...COUNTY_LOGINS, auditor: 't-auditor' });
}

/** The body of a new request (a reception call about a road) at `orgId`; `over` replaces or adds fields. */
export const requestBody = (orgId: number, over: Record<string, unknown> = {}) => ({
  orgId,
  channel: 'reception',
  category: 'infrastructure',
  description: '村口道路破损，雨天积水',
  level: 'studied',
  residentName: '赵大',
  ...over,
});

/** Five households (A1 ×3, A2, B1), a county organ and a township organ with a member each. */
export async function seedRequests(env: TestEnv, fx: Fixture, county: Client) {
  const household = (orgId: number, head: string, phone?: string) =>
    insertHousehold(env, fx.county, orgId, head, phone);
  const hh = [
    await household(fx.villageA1, '钱一', '13800001111'),
    await household(fx.villageA1, '孙二'),
    await household(fx.villageA1, '周三'),
    await household(fx.villageA2, '吴四'),
    await household(fx.villageB1, '郑五'),
  ];
  const mkOrg = async (parentId: number, name: string, type: string, field: string) => {
    const res = await county.post('/api/orgs', { parentId, name, type, field });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as number;
  };
  const organsCommittee = await mkOrg(fx.county, '测试县直机关工委', 'committee', 'organ');
  const countyOrgan = await mkOrg(organsCommittee, '县水利局党支部', 'branch', 'organ');
  const townOrgan = await mkOrg(fx.townA, '东乡镇机关党支部', 'branch', 'organ');
  const person = async (orgId: number, name: string) => {
    const res = await county.post('/api/members', {
      orgId,
      name,
      idNumber: testIdNumber(),
      gender: 'male',
      joinedAt: '2005-07-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as number;
  };
  const townOrganMember = await person(townOrgan, '东乡机关丁');
  const countyOrganMember = await person(countyOrgan, '县局戊');
  return { hh, countyOrgan, townOrgan, townOrganMember, countyOrganMember };
}
