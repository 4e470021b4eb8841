/**
 * Test harness: a fresh migrated database per test file on each dialect, a small county fixture, and signed-in clients.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../src/db/schema/index.js';
import { inject } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type DialectName } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { createCtx, type Ctx } from '../src/platform/context.js';
import { Vault, hashPassword } from '../src/platform/crypto.js';
import { systemActor, type Actor } from '../src/platform/actor.js';
import { buildApp } from '../src/app.js';
import type { App } from '../src/platform/http.js';
import * as orgs from '../src/areas/core/orgs/orgs.service.js';
import * as members from '../src/areas/core/members/members.service.js';
import { makeIdNumber } from '../src/platform/idcard.js';
import { multipart } from './files.js';
import { insertRegion, placeCounty } from '../src/areas/core/regions/regions.repository.js';

/** The dialects this run tests: SQLite always, PostgreSQL when the global setup started one. */
export function dialects(): DialectName[] {
  const url = inject('pgUrl');
  if (!url && process.env.DJ_TEST_PG === 'required')
    throw new Error('PostgreSQL is required for this run but none was started');
  return url ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Runs one statement on the test PostgreSQL server's admin database (create or drop a database). */
export async function pgAdminQuery(q: string): Promise<void> {
  const c = new pg.Client({ connectionString: inject('pgUrl') });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public now = new Date('2026-06-15T02:00:00Z')) {}
  advance(ms: number) {
    this.now = new Date(this.now.getTime() + ms);
  }
  fn = () => this.now;
}

export interface TestEnv {
  dialect: DialectName;
  ctx: Ctx;
  app: App;
  clock: TestClock;
  dataDir: string;
  databaseUrl: string | null;
  close(): Promise<void>;
}

/**
 * Limits high enough that no test meets them by accident (the per-phone one stays, wishes.test asserts it); tests of
 * the limits pass their own.
 */
export const TEST_LIMITS: Config['limits'] = {
  publicPerIpPerMinute: 10_000,
  publicGlobalPerMinute: 100_000,
  codePhonesPerIpPerHour: 10_000,
  codePhonesPerIpPerDay: 10_000,
  codesPerPhonePerHour: 5,
};

/** A fresh database of a dialect, migrated, with the app built on it. */
export async function createEnv(
  dialect: DialectName,
  overrides: Partial<Config['auth']> = {},
  clock = new TestClock(),
  more: { limits?: Partial<Config['limits']>; via?: (url: string) => string } = {},
): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-test-'));
  let databaseUrl: string | null = null;
  let dropDb: (() => Promise<void>) | null = null;
  if (dialect === 'postgres') {
    const admin = inject('pgUrl');
    const name = `dj_t_${crypto.randomBytes(6).toString('hex')}`;
    await pgAdminQuery(`create database ${name}`);
    databaseUrl = admin.replace(/\/[^/]*$/, `/${name}`);
    dropDb = () => pgAdminQuery(`drop database if exists ${name} with (force)`);
  }
  // `via` routes the app's connections through a proxy (pgbouncer); creating and dropping stay direct.
  if (databaseUrl && more.via) databaseUrl = more.via(databaseUrl);
  const base = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const config: Config = {
    ...base,
    auth: { ...base.auth, loginRateMax: 10_000, ...overrides },
    limits: { ...TEST_LIMITS, ...more.limits },
  };
  const database = openDatabase({ dataDir, databaseUrl, poolSize: 4 });
  await migrate(database);
  const ctx = createCtx(database, new Vault(crypto.randomBytes(32)), config, clock.fn);
  const app = await buildApp(ctx);
  await app.ready();
  return {
    dialect,
    ctx,
    app,
    clock,
    dataDir,
    databaseUrl,
    close: async () => {
      await app.close();
      await database.close();
      await dropDb?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const PASSWORD = 'Dangjian@2026';

/**
 * The small county every API test file starts from: two townships, villages, a party group, members and one account per
 * role.
 */
export interface Fixture {
  county: number;
  townA: number;
  townB: number;
  villageA1: number;
  villageA2: number;
  groupA1: number;
  villageB1: number;
  /** A member id in each org (by the org's key). */
  memberIn: Record<'county' | 'townA' | 'townB' | 'villageA1' | 'villageA2' | 'villageB1', number>;
  users: Record<
    'county' | 'townA' | 'townB' | 'secA1' | 'memberA1' | 'auditor' | 'security' | 'region',
    { id: number; username: string }
  >;
  system: Actor;
}

let idSeq = 100;
/** A valid, unique ID number for a test person. */
export function testIdNumber(gender: 'male' | 'female' = 'male', birth = '1980-05-06'): string {
  return makeIdNumber('430521', birth, (idSeq++ * 2) % 1000, gender);
}

/** The row of a county committee at the root of a tenant, written before its id (and so its path) is known. */
export function rootOrgRow(name: string, now: string, tenant = 0, orgPath = '/x/'): Insertable<DB['orgs']> {
  return {
    tenant_id: tenant,
    parent_id: null,
    org_path: orgPath,
    depth: 0,
    name,
    type: 'committee',
    field: null,
    term_start: null,
    term_end: null,
    secretary_member_id: null,
    committee: '[]',
    sort_order: 0,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}

/** Inserts a county committee as a tenant of its own (its id is the tenant's) and answers it with its system actor. */
export async function insertCounty(db: Kysely<DB>, name: string, now: string): Promise<{ id: number; system: Actor }> {
  const { id } = await db.insertInto('orgs').values(rootOrgRow(name, now)).returning('id').executeTakeFirstOrThrow();
  await db
    .updateTable('orgs')
    .set({ tenant_id: id, org_path: `/${id}/` })
    .where('id', '=', id)
    .execute();
  return { id, system: systemActor(id, `/${id}/`, id) };
}

/** Inserts an active account straight into the database (as the fixture and seeded data do) and answers its id. */
export async function insertUser(
  db: Kysely<DB>,
  u: { tenant: number; username: string; role: string; orgId: number; orgPath: string; hash: string; now: string } & {
    memberId?: number | null;
    displayName?: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('users')
    .values({
      tenant_id: u.tenant,
      username: u.username,
      display_name: u.displayName ?? u.username,
      password_hash: u.hash,
      role: u.role,
      org_id: u.orgId,
      org_path: u.orgPath,
      member_id: u.memberId ?? null,
      status: 'active',
      locale: 'zh-CN',
      last_login_at: null,
      password_changed_at: u.now,
      created_at: u.now,
      updated_at: u.now,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A province above the fixture's county (one prefecture) and an account of the province. */
async function regionAccount(db: Kysely<DB>, county: number, hash: string, now: string) {
  const province = await insertRegion(db, { kind: 'province', name: '测试省', code: '990000', parent: null }, now);
  const prefecture = await insertRegion(
    db,
    { kind: 'prefecture', name: '测试市', code: '990100', parent: province },
    now,
  );
  await placeCounty(db, county, prefecture, now);
  const { id } = await db
    .insertInto('users')
    .values({
      tenant_id: null,
      username: 't-region',
      display_name: '测试省管理员',
      password_hash: hash,
      role: 'region_admin',
      org_id: null,
      org_path: null,
      member_id: null,
      region_id: province.id,
      region_path: province.path,
      status: 'active',
      locale: 'zh-CN',
      last_login_at: null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, username: 't-region' };
}

/** Builds the fixture through the services, as a county admin would. */
export async function buildFixture(env: TestEnv): Promise<Fixture> {
  const { ctx } = env;
  const now = ctx.clock().toISOString();
  const { id: county, system } = await insertCounty(ctx.db, '测试县委', now);
  const mk = async (
    parentId: number,
    name: string,
    type: 'committee' | 'branch' | 'group',
    field: 'rural' | null = 'rural',
  ) =>
    (await orgs.create(ctx, system, { parentId, name, type, field, termStart: '2021-07-01', termEnd: '2026-07-01' }))
      .id;
  const townA = await mk(county, '东乡镇党委', 'committee');
  const townB = await mk(county, '西乡镇党委', 'committee');
  const villageA1 = await mk(townA, '东村党支部', 'branch');
  const villageA2 = await mk(townA, '南村党支部', 'branch');
  const groupA1 = await mk(villageA1, '东村第一党小组', 'group');
  const villageB1 = await mk(townB, '西村党支部', 'branch');
  const person = async (orgId: number, name: string, gender: 'male' | 'female' = 'male') =>
    (
      await members.create(ctx, system, {
        orgId,
        name,
        idNumber: testIdNumber(gender),
        gender,
        joinedAt: '2010-07-01',
        phone: `139${String(idSeq).padStart(8, '0')}`,
      })
    ).id;
  const memberIn = {
    county: await person(county, '县直甲'),
    townA: await person(townA, '东乡乙'),
    townB: await person(townB, '西乡丙'),
    villageA1: await person(villageA1, '张三'),
    villageA2: await person(villageA2, '李四', 'female'),
    villageB1: await person(villageB1, '王五'),
  };
  const hash = await hashPassword(PASSWORD);
  const orgPath = async (id: number) =>
    (await ctx.db.selectFrom('orgs').select('org_path').where('id', '=', id).executeTakeFirstOrThrow()).org_path;
  const account = async (username: string, role: string, orgId: number, memberId: number | null = null) => {
    const row = { tenant: county, username, role, orgId, orgPath: await orgPath(orgId), memberId, hash, now };
    return { id: await insertUser(ctx.db, row), username };
  };
  const users = {
    county: await account('t-county', 'county_admin', county),
    townA: await account('t-town-a', 'township_admin', townA),
    townB: await account('t-town-b', 'township_admin', townB),
    secA1: await account('t-sec-a1', 'branch_secretary', villageA1),
    memberA1: await account('t-member-a1', 'member', villageA1, memberIn.villageA1),
    auditor: await account('t-auditor', 'auditor', county),
    security: await account('t-security', 'security_admin', county),
    region: await regionAccount(ctx.db, county, hash, now),
  };
  return { county, townA, townB, villageA1, villageA2, groupA1, villageB1, memberIn, users, system };
}

/** A signed-in client that carries the session cookie and the CSRF header. */
export class Client {
  constructor(
    readonly app: App,
    private cookies: Record<string, string>,
    readonly lang = 'zh-CN',
  ) {}

  /** Sends a request with the session; state-changing methods carry the CSRF header unless `csrf: false`. */
  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    opts: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { 'accept-language': this.lang, ...(opts.headers ?? {}) };
    if (method !== 'GET' && opts.csrf !== false && this.cookies.dj_csrf) headers['x-csrf-token'] = this.cookies.dj_csrf;
    return this.app.inject({
      method,
      url,
      cookies: this.cookies,
      headers,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown, opts?: { csrf?: boolean }) {
    return this.request('POST', url, body ?? {}, opts);
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
  /** Uploads one file as the `file` part of a multipart body. */
  upload(url: string, file: Buffer | ArrayBuffer, filename: string, type: string) {
    const { body, headers } = multipart(Buffer.isBuffer(file) ? file : Buffer.from(file), filename, type);
    return this.request('POST', url, body, { headers });
  }
}

/** Signs in through the API. */
export async function login(app: App, username: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookies: Record<string, string> = {};
  for (const c of res.cookies) cookies[c.name] = c.value;
  return new Client(app, cookies);
}

/**
 * A fresh database of a dialect with the fixture built on it and the given accounts signed in (name → username), for
 * a `beforeAll`: `({ env, fx, county } = await openFixture(dialect, { county: 't-county' }))`.
 */
export async function openFixture<K extends string = never>(
  dialect: DialectName,
  logins: Record<K, string> = {} as Record<K, string>,
  auth: Partial<Config['auth']> = {},
): Promise<{ env: TestEnv; fx: Fixture } & Record<K, Client>> {
  const env = await createEnv(dialect, auth);
  const fx = await buildFixture(env);
  return { env, fx, ...(await signInAll(env.app, logins)) };
}

/** Signs in each account (name → username), one after the other, and answers the clients by name. */
export async function signInAll<K extends string>(app: App, logins: Record<K, string>): Promise<Record<K, Client>> {
  const clients = {} as Record<K, Client>;
  for (const [name, username] of Object.entries(logins) as [K, string][]) clients[name] = await login(app, username);
  return clients;
}
