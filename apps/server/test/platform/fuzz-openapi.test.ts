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
import addFormatsModule from 'ajv-formats';
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
import { MAX_INT } from '../../src/platform/http.js';
import { makeIdNumber, parseIdNumber } from '../../src/platform/idcard.js';
import { systemActor } from '../../src/platform/actor.js';
import * as orgs from '../../src/areas/core/orgs/orgs.service.js';
import * as members from '../../src/areas/core/members/members.service.js';
import {
  buildFixture,
  createEnv,
  dialects,
  login,
  PASSWORD,
  type Client,
  type Fixture,
  type TestEnv,
} from '../harness.js';

const SEED = process.env.DJ_FUZZ_SEED ? Number(process.env.DJ_FUZZ_SEED) : 20261204;
const FUZZ_RUNS = Number(process.env.DJ_FUZZ_RUNS ?? 14);

// Operations that end the fixture's sessions or change its accounts: fuzzed too, then the accounts are repaired and signed in again.
const FIXTURE_BREAKERS = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/logout-all',
  'POST /api/auth/password',
  'POST /api/public/resident/logout',
]);

type Schema = Record<string, any>;
type Role = 'county' | 'townA' | 'secA1' | 'memberA1' | 'auditor' | 'security' | 'anonymous' | 'resident';
const ROLES: Role[] = ['county', 'townA', 'secA1', 'memberA1', 'auditor', 'security', 'anonymous', 'resident'];

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; required: boolean; schema: Schema }[];
  body: Schema | null;
  bodyRequired: boolean;
  responses: Record<string, Schema | undefined>;
}

interface Case {
  role: Role;
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
  note: string;
}

// ---- detector of whole personal numbers
// Deliberately independent of platform/personalText.ts: the oracle must not share the code it checks.
const ID_CANDIDATE = /(?<![0-9A-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![0-9A-Za-z])/g;
const PHONE_CANDIDATE = /(?<![\d.])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?![\d])/g;
/** Whole ID numbers (valid GB 11643 check digit and birth date) and 11-digit mobiles in a text. */
function personalNumbers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(ID_CANDIDATE))
    if (parseIdNumber(m[0].replace(/[ -]/g, ''), new Date('2030-01-01'))) found.push(m[0]);
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const digits = m[0].replace(/[^\d]/g, '').replace(/^86(?=\d{11}$)/, '');
    if (/^1[3-9]\d{9}$/.test(digits)) found.push(m[0]);
  }
  return found;
}

// ---- the OpenAPI document as operations
function operationsOf(doc: Schema): Operation[] {
  const ops: Operation[] = [];
  for (const [p, item] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(item)) {
      if (op.hide || op['x-hidden']) continue;
      const responses: Operation['responses'] = {};
      for (const [status, r] of Object.entries<Schema>(op.responses ?? {}))
        responses[status] = r?.content?.['application/json']?.schema;
      ops.push({
        method: method.toUpperCase(),
        path: p,
        params: (op.parameters ?? [])
          .filter((x: Schema) => x.in === 'path' || x.in === 'query')
          .map((x: Schema) => ({ name: x.name, in: x.in, required: !!x.required, schema: x.schema ?? {} })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        bodyRequired: !!op.requestBody?.required,
        responses,
      });
    }
  }
  return ops;
}

// ---- arbitraries from schemas
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const HOSTILE = [
  "' OR 1=1 --",
  '1; DROP TABLE members; --',
  '"; select * from users; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '𠀀𠀁𪚥👨‍👩‍👧‍👦',
  'Ω≈ç√∫',
  '　',
  '${7*7}',
  '{{7*7}}',
  '\\',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '张三\n李四',
  ' ',
  '',
];

interface Pools {
  ids: number[];
  byName: Record<string, number[]>;
  phones: string[];
  idNumbers: string[];
}

const RESOURCE_POOL: Record<string, string> = {
  orgs: 'org',
  members: 'member',
  users: 'user',
  audit: 'audit',
  meetings: 'meeting',
  notifications: 'notification',
  households: 'household',
  residents: 'resident',
  'household-groups': 'group',
  pairings: 'pairing',
  zones: 'zone',
  visits: 'visit',
  requests: 'request',
  evaluations: 'evaluation',
  wishes: 'wish',
  errands: 'errand',
};

function poolFor(name: string, pools: Pools): number[] {
  // A path's `id` is named after its resource by the caller (e.g. `orgs.id`).
  const [resource, field] = name.includes('.') ? name.split('.') : [null, name];
  if (resource && field === 'id' && RESOURCE_POOL[resource] && pools.byName[RESOURCE_POOL[resource]!]?.length)
    return pools.byName[RESOURCE_POOL[resource]!]!;
  const n = field!.toLowerCase();
  for (const [key, ids] of Object.entries(pools.byName)) if (n.includes(key)) return ids;
  return pools.ids;
}

function isIdish(name: string): boolean {
  return /(^id$|id$|^org$|^parent$|^cadre$|^visitor$|^county$|memberid|photoid)/i.test(name.split('.').pop()!);
}

const realDate = fc.date({
  min: new Date('1950-01-01T00:00:00Z'),
  max: new Date('2026-06-15T00:00:00Z'),
  noInvalidDate: true,
});

function validArb(s: Schema, name: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf).map((x: Schema) => validArb(x, name, pools, depth)));
  if (s.allOf)
    return fc
      .tuple(...s.allOf.map((x: Schema) => validArb(x, name, pools, depth)))
      .map((parts) => Object.assign({}, ...parts.filter((p) => p && typeof p === 'object')));
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.nullable && s.type)
    return fc.oneof(
      { weight: 4, arbitrary: validArb({ ...s, nullable: false }, name, pools, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  switch (s.type) {
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -MAX_INT - 1);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : MAX_INT);
      // Mostly small, realistic values; the declared bounds themselves (when the contract sets them) now and then.
      const lo = Math.max(min, isIdish(name) || /page/i.test(name) ? 1 : -1000);
      const hi = Math.min(max, /^page$/i.test(name) ? lo + 4 : lo + 2000);
      const range = fc.integer({ min: lo, max: Math.max(lo, hi) });
      const edges = [min, max].filter((x) => Math.abs(x) < MAX_INT);
      const plain = edges.length
        ? fc.oneof({ weight: 5, arbitrary: range }, { weight: 1, arbitrary: fc.constantFrom(...edges) })
        : range;
      if (!isIdish(name))
        return /year/i.test(name) && s.minimum === undefined ? fc.integer({ min: 2015, max: 2027 }) : plain;
      const pool = poolFor(name, pools).filter((x) => x >= min && x <= max);
      return pool.length
        ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: range })
        : range;
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return validString(s, name, pools);
    case 'array': {
      const item = validArb(s.items ?? {}, name, pools, depth + 1);
      const constraints = {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, Math.max(3, s.minItems ?? 0)),
      };
      return s.uniqueItems
        ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(item, constraints);
    }
    case 'object':
    default: {
      if (!s.properties) return s.type === 'object' ? fc.constant({}) : fc.constant(null);
      const props: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries<Schema>(s.properties)) props[k] = validArb(v, k, pools, depth + 1);
      const arb = fc.record(props, { requiredKeys: s.required ?? [] });
      // minProperties (patches): make sure at least one key is present.
      return s.minProperties ? arb.filter((o) => Object.keys(o as object).length >= s.minProperties) : arb;
    }
  }
}

function validString(s: Schema, name: string, pools: Pools): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 60;
  const fit = (a: fc.Arbitrary<string>) => a.filter((x) => x.length >= min && x.length <= max);
  if (s.pattern === DATE_PATTERN || s.format === 'date') return realDate.map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time') return realDate.map((d) => d.toISOString());
  if (s.pattern) return fit(fc.stringMatching(new RegExp(s.pattern)));
  if (/phone/i.test(name))
    return fit(
      fc.oneof(fc.constantFrom(...pools.phones), fc.constantFrom('13900001111', '+86 139 0000 2222', '139-0000-3333')),
    );
  if (/idnumber/i.test(name)) return fit(fc.constantFrom(...pools.idNumbers));
  if (/password/i.test(name)) return fit(fc.constantFrom(PASSWORD, 'Xk#29fLq!m', 'short'));
  const words = fc.constantFrom('东村', '张三', '修路', 'village road', '低保', '党员活动', 'a', 'Ünïcödé', '🙂');
  return fit(
    fc.oneof(
      fc.string({ minLength: min, maxLength: Math.min(max, 40) }),
      fc.array(words, { minLength: 1, maxLength: 4 }).map((w) => w.join('')),
      fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 20) }),
    ),
  );
}

/** A value that breaks the schema: wrong type, out of range, too long, hostile text, another tenant's id, null. */
function invalidArb(s: Schema, name: string, pools: Pools): fc.Arbitrary<unknown> {
  const wrongTypes = fc.constantFrom<unknown>(null, true, 'abc', -1, 1.5, [], {}, [1, 2], { $gt: '' });
  const options: fc.Arbitrary<unknown>[] = [wrongTypes, fc.constantFrom(...HOSTILE)];
  const type = s.type ?? (s.anyOf ? 'anyOf' : 'object');
  if (type === 'integer' || type === 'number') {
    const safe = [
      0,
      -1,
      -2147483649,
      2147483648,
      Number.MAX_SAFE_INTEGER,
      s.minimum !== undefined ? s.minimum - 1 : -99,
      s.maximum !== undefined ? s.maximum + 1 : 99_999_999,
    ];
    options.push(fc.constantFrom(...safe), fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(...pools.ids));
    options.push(fc.constantFrom<unknown>('9999999999999999999999', 1e30, 4294967296, -4294967296));
    options.push(fc.constantFrom<unknown>('Infinity', '-Infinity', '1e400'));
  }
  if (type === 'string') {
    const max = s.maxLength ?? 200;
    options.push(
      fc.string({ minLength: max + 1, maxLength: max + 50 }),
      fc.constant('字'.repeat(Math.max(max + 1, 5000))),
      fc.constant(''),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    );
    if (s.pattern === DATE_PATTERN || s.format === 'date' || s.format === 'date-time') {
      options.push(fc.constantFrom('2026-6-1', '20260601', 'yesterday', '2026-06-15T25:00:00Z'));
      options.push(fc.constantFrom('9999-99-99', '2026-02-30', '0000-00-00', '2026-13-01'));
    }
  }
  if (type === 'array')
    options.push(
      fc.array(fc.constantFrom<unknown>(null, 'x', -1, {}), { minLength: 1, maxLength: 3 }),
      fc.constant(Array.from({ length: (s.maxItems ?? 100) + 1 }, (_, i) => i)),
    );
  if (type === 'object' && s.properties && Object.keys(s.properties).length) {
    const keys = Object.keys(s.properties);
    const valid = validArb(s, name, pools) as fc.Arbitrary<Record<string, unknown>>;
    // One property broken, the rest valid; a required key missing; an unknown key added.
    options.push(
      fc
        .tuple(valid, fc.constantFrom(...keys))
        .chain(([o, k]) => invalidArb(s.properties[k], k, pools).map((bad) => ({ ...o, [k]: bad }))),
      fc.tuple(valid, fc.constantFrom(...keys)).map(([o, k]) => {
        const c = { ...o };
        delete c[k];
        return c;
      }),
      valid.map((o) => ({ ...o, __proto__x: 1, tenantId: 1, orgPath: '/1/' })),
    );
  }
  return fc.oneof(...options);
}

// ---- requests from cases
const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082',
  'hex',
);

function multipartBody(file: Buffer, filename: string, type: string): { payload: Buffer; contentType: string } {
  const boundary = '----djfuzz' + file.length.toString(16);
  // The file's length (chosen by fast-check) decides, so a failing case replays from its seed.
  const complete = file.length % 2 === 0;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    file,
    // Half of the uploads end without their closing boundary (a cut connection): a 400, never a 500.
    Buffer.from(complete ? `\r\n--${boundary}--\r\n` : ''),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

function caseArb(op: Operation, pools: Pools): fc.Arbitrary<Case> {
  const slots = [...op.params.map((p) => `${p.in}:${p.name}`), ...(op.body ? ['body'] : [])];
  const resource = /^\/api\/(?:public\/resident\/)?([a-z-]+)\//.exec(op.path)?.[1];
  const nameOf = (p: Operation['params'][number]) =>
    p.in === 'path' && p.name === 'id' && resource ? `${resource}.id` : p.name;
  const paramArbs = op.params.map(
    (p) => (bad: boolean) => (bad ? invalidArb(p.schema, nameOf(p), pools) : validArb(p.schema, nameOf(p), pools)),
  );
  const isPublic = op.path.startsWith('/api/public/') || op.path === '/api/auth/login' || op.path === '/api/health';
  const roleArb = isPublic
    ? fc.constantFrom<Role>(...ROLES)
    : fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom<Role>(...ROLES.slice(0, 6)) },
        { weight: 1, arbitrary: fc.constantFrom<Role>('anonymous', 'resident') },
      );
  const noJsonBody = !op.body && op.method !== 'GET' && op.method !== 'DELETE';
  const extraBody = noJsonBody
    ? fc.oneof(
        fc.constant(null),
        fc
          .uint8Array({ maxLength: 2048 })
          .map((b) => ({ file: Buffer.from(b), name: 'x.bin', type: 'application/octet-stream' })),
        fc.constant({ file: TINY_PNG, name: 'photo.png', type: 'image/png' }),
        fc.uint8Array({ maxLength: 512 }).map((b) => ({
          file: Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from(b)]),
          name: 'm.xlsx',
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        })),
        fc.constant({ json: { hello: 'world' } }),
      )
    : fc.constant(null);
  return fc
    .record({
      role: roleArb,
      broken: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 2, arbitrary: fc.constantFrom(...(slots.length ? slots : ['none'])) },
      ),
      includeOptional: fc.boolean(),
      extra: extraBody,
    })
    .chain(({ role, broken, includeOptional, extra }) =>
      fc
        .tuple(
          fc.tuple(
            ...op.params.map((p, i) =>
              p.required || includeOptional || broken === `${p.in}:${p.name}`
                ? paramArbs[i]!(broken === `${p.in}:${p.name}`)
                : fc.constant(undefined),
            ),
          ),
          op.body
            ? broken === 'body'
              ? invalidArb(op.body, 'body', pools)
              : validArb(op.body, 'body', pools)
            : fc.constant(undefined),
        )
        .map(([values, body]) => {
          let url = op.path;
          const query: string[] = [];
          op.params.forEach((p, i) => {
            const v = values[i];
            if (v === undefined) return;
            const text = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
            if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(text === '' ? ' ' : text));
            else if (Array.isArray(v)) for (const x of v) query.push(`${p.name}=${encodeURIComponent(String(x))}`);
            else query.push(`${p.name}=${encodeURIComponent(text)}`);
          });
          if (query.length) url += `?${query.join('&')}`;
          const headers: Record<string, string> = { 'x-requested-with': 'dangjian' };
          let payload: string | Buffer | undefined;
          let note = broken ? `invalid ${broken}` : 'valid';
          if (body !== undefined) {
            payload = JSON.stringify(body);
            headers['content-type'] = 'application/json';
          } else if (extra && 'file' in extra) {
            const m = multipartBody(extra.file, extra.name, extra.type);
            payload = m.payload;
            headers['content-type'] = m.contentType;
            note += `, multipart ${extra.name} ${extra.file.length} B${extra.file.length % 2 ? ' (cut)' : ''}`;
          } else if (extra && 'json' in extra) {
            payload = JSON.stringify(extra.json);
            headers['content-type'] = 'application/json';
          }
          return { role, url, payload, headers, note };
        }),
    );
}

// ---- the suite
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

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

  /** Puts the fixture's accounts back as they were (a fuzzed case may have disabled, locked or demoted one) and signs in again. */
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
    const other = await env.ctx.db
      .insertInto('orgs')
      .values({
        tenant_id: 0,
        parent_id: null,
        org_path: '/y/',
        depth: 0,
        name: '邻县县委',
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await env.ctx.db
      .updateTable('orgs')
      .set({ tenant_id: other.id, org_path: `/${other.id}/` })
      .where('id', '=', other.id)
      .execute();
    const otherSystem = systemActor(other.id, `/${other.id}/`, other.id);
    const otherVillage = await orgs.create(env.ctx, otherSystem, {
      parentId: other.id,
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

  /** Ids of every kind of record, refreshed as the fuzzing creates more (a created wish is then claimed, fulfilled, …). */
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
        const what = `${op.method} ${c.url} as ${c.role} (${c.note})${typeof c.payload === 'string' ? ` body ${c.payload.slice(0, 300)}` : ''}`;
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
    const summary = `seed ${SEED}: ${ops.length} operations, ${cases} cases, ${serverErrors.length} answers ≥ 500, ${failures.length} other failures`;
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
