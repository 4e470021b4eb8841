/**
 * Fuzzing from the OpenAPI document: every operation gets random valid and invalid parameters and bodies, built from
 * its declared schemas, as each role of the fixture county, an anonymous caller and a signed-in resident. Every answer
 * must be below 500, match the declared schema of its status, and hold no whole ID or phone number.
 * Budget: `FUZZ_RUNS` cases per operation and database, a fixed seed unless `DJ_FUZZ_SEED` is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import {
  HOUSEHOLD_TAGS,
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_LEVELS,
  RESIDENT_RELATIONS,
  WISH_KINDS,
} from '@dangjian/contracts';
import { loadExcel, cellText } from '../../src/platform/excel.js';
import { makeIdNumber } from '../../src/platform/idcard.js';
import * as orgs from '../../src/areas/core/orgs/orgs.service.js';
import * as members from '../../src/areas/core/members/members.service.js';
import {
  buildFixture,
  createEnv,
  dialects,
  insertCounty,
  login,
  type Client,
  type Fixture,
  type TestEnv,
} from '../harness.js';
import {
  addFormats,
  FIXTURE_BREAKERS,
  FUZZ_RUNS,
  operationsOf,
  personalNumbers,
  ROLES,
  SEED,
} from '../fuzz/generators.js';
import type { Pools, Role, Schema } from '../fuzz/generators.js';
import { caseArb } from '../fuzz/cases.js';

describe.each(dialects())('fuzzing the OpenAPI document (%s)', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  const sessions: Partial<Record<Role, Record<string, string>>> = {};
  const pools: Pools = { ids: [], byName: {}, phones: [], idNumbers: [] };
  let fixtureUsers: Record<string, unknown>[] = [];
  let residentSignIns = 0;

  const signIn = async (role: Role) => {
    if (role === 'anonymous') return (sessions.anonymous = {});
    if (role === 'resident') {
      // A new phone each time, a minute later: the per-phone limits of codes stay out of the way.
      env.clock.advance(61_000);
      const phone = pools.phones[residentSignIns++ % pools.phones.length]!;
      const headers = { 'x-requested-with': 'dangjian' };
      await env.app.inject({ method: 'POST', url: '/api/public/resident/code', headers, payload: { phone } });
      const lines = fs.readFileSync(path.join(env.dataDir, 'outbox.log'), 'utf8').trim().split('\n');
      const code = /(\d{6})/.exec(lines[lines.length - 1]!.split('\t')[2]!)![1]!;
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/public/resident/verify',
        headers,
        payload: { phone, code },
      });
      if (res.statusCode !== 200) throw new Error(`resident sign-in: ${res.body}`);
      return (sessions.resident = Object.fromEntries(res.cookies.map((c) => [c.name, c.value])));
    }
    const client: Client = await login(env.app, fx.users[role].username);
    return (sessions[role] = (client as unknown as { cookies: Record<string, string> }).cookies);
  };

  /**
   * Puts the fixture's accounts back as they were (a fuzzed case may have disabled, locked or demoted one) and signs
   * in again.
   */
  const repairAccounts = async () => {
    for (const u of fixtureUsers)
      await env.ctx.db
        .updateTable('users')
        .set(u as never)
        .where('id', '=', u.id as number)
        .execute();
    await env.ctx.db.deleteFrom('login_attempts').execute();
    for (const role of ROLES) {
      if (role === 'anonymous') continue;
      const url = role === 'resident' ? '/api/public/resident/me' : '/api/auth/me';
      const me = await env.app.inject({ method: 'GET', url, cookies: sessions[role] ?? {} });
      if (me.statusCode !== 200) await signIn(role);
    }
  };

  beforeAll(async () => {
    env = await createEnv(dialect, { idleMinutes: 1_000_000, absoluteHours: 1_000_000 });
    fx = await buildFixture(env);
    const county = await login(env.app, fx.users.county.username);
    // Real phone and ID numbers in every kind of record, so that a leak would show.
    const phone = (i: number) => `1${[3, 5, 7, 8, 9][i % 5]}${String(80_000_000 + i * 7_919).padStart(9, '0')}`;
    const id = (i: number) =>
      makeIdNumber('430521', `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 9}`, (i * 3) % 1000, i % 2 ? 'male' : 'female');
    for (let i = 0; i < 4; i++) {
      const org = [fx.villageA1, fx.villageA2, fx.villageB1, fx.villageA1][i]!;
      const h = await county.post('/api/households', {
        orgId: org,
        address: `东村${i + 1}组${i + 3}号`,
        headName: `户主${i}`,
        phone: phone(i),
        tags: [Object.keys(HOUSEHOLD_TAGS)[0]],
        residents: [
          { name: `户主${i}`, relation: Object.keys(RESIDENT_RELATIONS)[0], idNumber: id(i), phone: phone(i) },
          {
            name: `家属${i}`,
            relation: Object.keys(RESIDENT_RELATIONS)[1],
            idNumber: id(i + 10),
            phone: phone(i + 10),
          },
        ],
      });
      expect(h.statusCode, h.body).toBe(200);
      const r = await county.post('/api/requests', {
        orgId: org,
        channel: Object.keys(REQUEST_CHANNELS)[0],
        category: Object.keys(REQUEST_CATEGORIES)[0],
        description: '路灯坏了',
        level: Object.keys(REQUEST_LEVELS)[1],
        householdId: h.json().id,
        residentName: `户主${i}`,
        phone: phone(i + 20),
      });
      expect(r.statusCode, r.body).toBe(200);
      const w = await county.post('/api/wishes', {
        orgId: org,
        kind: Object.keys(WISH_KINDS)[0],
        title: '想要一台轮椅',
        description: '腿脚不便',
        residentName: `户主${i}`,
        phone: phone(i + 30),
        householdId: h.json().id,
      });
      expect(w.statusCode, w.body).toBe(200);
      pools.phones.push(phone(i), phone(i + 10), phone(i + 20), phone(i + 30));
      pools.idNumbers.push(id(i), id(i + 10));
    }
    // A second county: its ids are other tenants' ids for every role of the first.
    const now = env.ctx.clock().toISOString();
    const { id: otherId, system: otherSystem } = await insertCounty(env.ctx.db, '邻县县委', now);
    const otherVillage = await orgs.create(env.ctx, otherSystem, {
      parentId: otherId,
      name: '邻村党支部',
      type: 'branch',
      field: 'rural',
      termStart: '2021-07-01',
      termEnd: '2026-07-01',
    });
    await members.create(env.ctx, otherSystem, {
      orgId: otherVillage.id,
      name: '邻县党员',
      idNumber: id(99),
      gender: 'male',
      joinedAt: '2010-07-01',
      phone: phone(99),
    });
    pools.phones.push(phone(99));
    pools.idNumbers.push(id(99));
    for (const role of ROLES) await signIn(role);
    // Posted by the resident: a wish on the public wall and in the resident's own list.
    await env.app.inject({
      method: 'POST',
      url: '/api/public/resident/wishes',
      cookies: sessions.resident,
      headers: { 'x-requested-with': 'dangjian' },
      payload: { orgId: fx.villageA1, kind: 'wish', title: '修桥', description: '村口的桥', name: '赵六' },
    });

    await refreshPools();
    fixtureUsers = await env.ctx.db
      .selectFrom('users')
      .selectAll()
      .where(
        'id',
        'in',
        Object.values(fx.users).map((u) => u.id),
      )
      .execute();
  });
  afterAll(() => env?.close());

  /** Ids of every kind of record, refreshed as the fuzzing creates more (a new wish is then claimed, fulfilled, …). */
  const refreshPools = async () => {
    const db = env.ctx.db;
    const tables = {
      org: 'orgs',
      member: 'members',
      user: 'users',
      household: 'households',
      resident: 'residents',
      request: 'requests',
      wish: 'wishes',
      errand: 'errands',
      meeting: 'meetings',
      visit: 'visits',
      zone: 'zones',
      pairing: 'pairings',
      group: 'household_groups',
      evaluation: 'residents_evaluations',
      notification: 'notifications',
      photo: 'residents_photos',
      audit: 'audit_log',
    } as const;
    for (const [key, table] of Object.entries(tables)) {
      const rows = await db
        .selectFrom(table as 'orgs')
        .select('id')
        .orderBy('id', 'desc')
        .limit(30)
        .execute();
      pools.byName[key] = rows.map((r) => Number(r.id));
    }
    pools.byName.cadre = pools.byName.member!;
    pools.byName.visitor = pools.byName.member!;
    pools.byName.parent = pools.byName.org!;
    pools.byName.county = pools.byName.org!;
    pools.ids = [...new Set(Object.values(pools.byName).flat())];
  };

  it('refuses an integer parameter beyond 32 bits with 400 on every operation (PostgreSQL answered 500)', async () => {
    const ops = operationsOf(env.app.swagger() as unknown as Schema).filter(
      (o) => !FIXTURE_BREAKERS.has(`${o.method} ${o.path}`),
    );
    const checked: string[] = [];
    await repairAccounts();
    for (const op of ops) {
      const p = op.params.find((x) => x.schema.type === 'integer');
      if (!p) continue;
      let url = op.path.replace(/\{(\w+)\}/g, (_, name) =>
        name === p.name ? '2147483648' : String(pools.byName.org![0]),
      );
      if (p.in === 'query') url += `?${p.name}=2147483648`;
      const res = await env.app.inject({
        method: op.method as InjectOptions['method'],
        url,
        cookies: sessions.county,
        headers: { 'x-csrf-token': sessions.county!.dj_csrf!, 'x-requested-with': 'dangjian' },
      });
      expect([400, 401, 403], `${op.method} ${url}: ${res.body}`).toContain(res.statusCode);
      if (res.statusCode === 400) checked.push(url);
    }
    expect(checked.length).toBeGreaterThan(50);
  });

  it('refuses a NUL character in any text parameter or body with 400 (PostgreSQL answered 500)', async () => {
    const ops = operationsOf(env.app.swagger() as unknown as Schema).filter(
      (o) => !FIXTURE_BREAKERS.has(`${o.method} ${o.path}`),
    );
    const headers = { 'x-csrf-token': sessions.county!.dj_csrf!, 'x-requested-with': 'dangjian' };
    let checked = 0;
    for (const op of ops) {
      const p = op.params.find((x) => x.in === 'query' && x.schema.type === 'string' && !x.schema.pattern);
      if (!p) continue;
      const url = `${op.path.replace(/\{\w+\}/g, String(pools.byName.org![0]))}?${p.name}=a%00b`;
      const res = await env.app.inject({
        method: op.method as InjectOptions['method'],
        url,
        cookies: sessions.county,
        headers,
      });
      expect([400, 401, 403], `${op.method} ${url}: ${res.body}`).toContain(res.statusCode);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    const body = { orgId: fx.villageA1, kind: 'wish', title: '修\u0000路', description: 'x' };
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/wishes',
      cookies: sessions.county,
      headers,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('validation');
  });

  it('answers every operation, valid or not, below 500, as declared, without a whole personal number', {
    timeout: 600_000,
  }, async () => {
    const doc = env.app.swagger() as unknown as Schema;
    const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
    addFormats(ajv);
    const validators = new Map<string, ValidateFunction>();
    const ops = operationsOf(doc);
    const failures: string[] = [];
    const serverErrors: string[] = [];
    let cases = 0;
    const statuses = new Map<number, number>();
    const neverOk = new Set(ops.map((o) => `${o.method} ${o.path}`));

    for (const op of ops) {
      const key = `${op.method} ${op.path}`;
      await refreshPools();
      const samples = fc.sample(caseArb(op, pools), { numRuns: FUZZ_RUNS, seed: SEED + ops.indexOf(op) });
      for (const c of samples) {
        cases++;
        const req: InjectOptions = {
          method: op.method as InjectOptions['method'],
          url: c.url,
          headers: { ...c.headers },
          cookies: sessions[c.role] ?? {},
        };
        if (sessions[c.role]?.dj_csrf)
          (req.headers as Record<string, string>)['x-csrf-token'] = sessions[c.role]!.dj_csrf!;
        if (c.payload !== undefined) req.payload = c.payload;
        let res: LightMyRequestResponse;
        try {
          res = await env.app.inject(req);
        } catch (err) {
          failures.push(`${key} threw ${(err as Error).message} — ${c.role} ${c.url} ${c.note}`);
          continue;
        }
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode < 300) neverOk.delete(key);
        if (process.env.DJ_FUZZ_TRACE && key.includes(process.env.DJ_FUZZ_TRACE))
          console.log('TRACE', c.role, c.url, c.note, res.statusCode, res.body.slice(0, 250));
        const sent = typeof c.payload === 'string' ? ` body ${c.payload.slice(0, 300)}` : '';
        const what = `${op.method} ${c.url} as ${c.role} (${c.note})${sent}`;
        if (res.statusCode >= 500) {
          serverErrors.push(`${res.statusCode} ${what} → ${res.body.slice(0, 200)}`);
          continue;
        }
        const type = String(res.headers['content-type'] ?? '');
        let text = '';
        if (type.startsWith('application/json')) {
          text = res.body;
          const schema = op.responses[String(res.statusCode)];
          if (schema) {
            const vkey = `${key} ${res.statusCode}`;
            if (!validators.has(vkey)) validators.set(vkey, ajv.compile(schema));
            const validate = validators.get(vkey)!;
            if (!validate(res.json()))
              failures.push(`schema ${res.statusCode} ${what}: ${ajv.errorsText(validate.errors)}`);
          } else if (res.statusCode >= 400) {
            const e = res.json() as { error?: { code?: unknown; message?: unknown } };
            if (typeof e.error?.code !== 'string' || typeof e.error?.message !== 'string')
              failures.push(`error shape ${res.statusCode} ${what}: ${res.body.slice(0, 200)}`);
          }
        } else if (type.includes('spreadsheetml')) {
          const ExcelJS = await loadExcel();
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
          const cells: string[] = [];
          wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void cells.push(cellText(cell.value)))));
          text = cells.join('\n');
        } else if (type.startsWith('text/')) text = res.body;
        // The reveal operations exist to show one whole number to an entitled, audited caller.
        const leaked = op.path.endsWith('/reveal') && res.statusCode === 200 ? [] : personalNumbers(text);
        if (leaked.length) failures.push(`personal number ${leaked.join(', ')} in ${res.statusCode} ${what}`);
        if (FIXTURE_BREAKERS.has(key) || /^(POST|PATCH) \/api\/(users|auth)/.test(key)) await repairAccounts();
        else if (res.statusCode === 401 && c.role !== 'anonymous' && c.role !== 'resident') {
          const me = await env.app.inject({ method: 'GET', url: '/api/auth/me', cookies: sessions[c.role] ?? {} });
          if (me.statusCode !== 200) await signIn(c.role);
        }
      }
    }
    const summary =
      `seed ${SEED}: ${ops.length} operations, ${cases} cases, ` +
      `${serverErrors.length} answers ≥ 500, ${failures.length} other failures`;
    console.log(summary);
    if (process.env.DJ_FUZZ_REPORT) {
      const report = [
        summary,
        JSON.stringify([...statuses].sort()),
        'never 2xx:',
        ...neverOk,
        '',
        ...serverErrors,
        ...failures,
      ].join('\n');
      fs.writeFileSync(`${process.env.DJ_FUZZ_REPORT}.${dialect}.txt`, report);
    }
    if (serverErrors.length || failures.length) console.log([...serverErrors, ...failures].join('\n'));
    expect(serverErrors, `${summary} (set DJ_FUZZ_SEED=${SEED} to replay)`).toEqual([]);
    expect(failures, `${summary} (set DJ_FUZZ_SEED=${SEED} to replay)`).toEqual([]);
  });
});
