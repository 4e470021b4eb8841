/**
 * Routes declare their capability: every operation of the OpenAPI document carries `x-capability`, the declaration is
 * what the server enforces (a role without it gets 403 before any handler runs), and an undeclared `/api` route
 * cannot be registered.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES, type Capability, ROLE_CAPABILITIES, type Role } from '@dangjian/contracts';
import type { App } from '../../src/platform/http.js';
import { Type } from '@sinclair/typebox';
import { buildApp } from '../../src/app.js';
import { capabilityAllows, defineRoute, requireDeclaredCapabilities } from '../../src/platform/routes.js';
import { buildFixture, createEnv, dialects, login, type Client, type Fixture, type TestEnv } from '../harness.js';

type Declared = string | string[];
interface Operation {
  method: string;
  url: string;
  capability: Declared;
  /** Whether an empty JSON body and no query pass validation (the capability is checked after it). */
  bare: boolean;
}
type OpenApiOp = {
  'x-capability'?: Declared;
  parameters?: { in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema?: { required?: string[]; minProperties?: number } }> };
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const FIXTURE_ROLES: Record<Role, keyof Fixture['users']> = {
  county_admin: 'county',
  township_admin: 'townA',
  branch_secretary: 'secA1',
  member: 'memberA1',
  auditor: 'auditor',
  security_admin: 'security',
  region_admin: 'region',
};

/** Every operation of the document with its declared capability (undefined where it lacks one). */
function operations(doc: { paths: Record<string, Record<string, OpenApiOp>> }) {
  const out: (Omit<Operation, 'capability'> & { capability: Declared | undefined })[] = [];
  for (const [url, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const content = Object.entries(op.requestBody?.content ?? {});
      const bare =
        !op.parameters?.some((p) => p.in === 'query' && p.required) &&
        content.every(
          ([type, c]) => type === 'application/json' && !c.schema?.required?.length && !c.schema?.minProperties,
        );
      out.push({ method: method.toUpperCase(), url, capability: op['x-capability'], bare });
    }
  return out;
}

/** A concrete URL for an OpenAPI path: every parameter 1 (the capability is refused before the id is looked at). */
const concrete = (url: string) => url.replace(/\{[^}]+\}/g, '1');

describe.each(dialects())('routes declare their capability (%s)', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let ops: Operation[];
  const clients = {} as Record<Role, Client>;

  beforeAll(async () => {
    env = await createEnv(dialect);
    fx = await buildFixture(env);
    for (const [role, key] of Object.entries(FIXTURE_ROLES))
      clients[role as Role] = await login(env.app, fx.users[key].username);
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const all = operations(doc);
    const missing = all.filter((o) => o.capability === undefined).map((o) => `${o.method} ${o.url}`);
    expect(missing, 'operations without x-capability').toEqual([]);
    ops = all as Operation[];
  });
  afterAll(() => env?.close());

  it('every operation carries x-capability, public ones say so, and every named capability exists', () => {
    expect(ops.length).toBeGreaterThan(100);
    const known = new Set<string>([...CAPABILITIES, 'public', 'signed_in']);
    for (const op of ops) {
      const named = Array.isArray(op.capability) ? op.capability : [op.capability];
      expect(named.length, `${op.method} ${op.url}`).toBeGreaterThan(0);
      for (const c of named) expect(known.has(c), `${op.method} ${op.url}: ${c}`).toBe(true);
      if (Array.isArray(op.capability))
        expect(op.capability.some((c) => c === 'public' || c === 'signed_in')).toBe(false);
    }
    const pub = (m: string, u: string) => ops.find((o) => o.method === m && o.url === u)?.capability;
    expect(pub('POST', '/api/auth/login')).toBe('public');
    expect(pub('GET', '/api/health')).toBe('public');
    expect(pub('GET', '/api/public/wishes')).toBe('public');
    expect(pub('GET', '/api/auth/me')).toBe('signed_in');
    expect(pub('GET', '/api/orgs')).toBe('orgs.read');
    expect(pub('GET', '/api/imports/current')).toEqual(['members.import', 'residents.import']);
  });

  it('a role without the declared capability gets 403 naming it, on every route a bare request reaches', async () => {
    let checked = 0;
    for (const op of ops) {
      if (op.capability === 'public' || op.capability === 'signed_in' || !op.bare) continue;
      const caps = (Array.isArray(op.capability) ? op.capability : [op.capability]) as Capability[];
      const lacking = (Object.keys(FIXTURE_ROLES) as Role[]).filter((r) => !caps.some((c) => can(r, c)));
      expect(lacking.length, `${op.method} ${op.url}: some role lacks it`).toBeGreaterThan(0);
      for (const role of lacking) {
        const res = await clients[role].request(
          op.method as 'GET',
          concrete(op.url),
          op.method === 'GET' || op.method === 'DELETE' ? undefined : {},
        );
        // A path value the schema refuses (an enum) is a 400 before any capability check: not reached.
        if (res.statusCode === 400 && res.json().error.code === 'validation') continue;
        expect(res.statusCode, `${role} ${op.method} ${op.url}: ${res.body}`).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'forbidden', details: { capability: caps.join('|') } });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('a signed_in route refuses the anonymous caller and opens to every role', async () => {
    const anon = await env.app.inject({ method: 'GET', url: '/api/notifications' });
    expect(anon.statusCode).toBe(401);
    for (const role of Object.keys(FIXTURE_ROLES) as Role[])
      expect((await clients[role].get('/api/notifications')).statusCode, role).toBe(200);
  });

  it('the declaration alone is enforced: a handler that checks nothing still refuses a role without it', async () => {
    const app = await buildApp(env.ctx);
    let ran = 0;
    defineRoute(app, {
      method: 'POST',
      url: '/api/test/declared',
      capability: ['members.write', 'users.write'],
      audit: 'test.declared',
      schema: { body: Type.Object({ n: Type.Integer() }) },
      handler: async (req) => {
        ran++;
        return { n: req.body.n };
      },
    });
    await app.ready();
    try {
      const as = (role: Role) => login(app, fx.users[FIXTURE_ROLES[role]].username);
      const member = await as('member');
      const refused = await member.post('/api/test/declared', { n: 1 });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.details).toEqual({ capability: 'members.write|users.write' });
      // Validation comes first (a malformed request is a 400 whoever sends it), as when services checked.
      expect((await member.post('/api/test/declared', { n: 'x' })).statusCode).toBe(400);
      expect(ran).toBe(0);
      for (const role of ['county_admin', 'security_admin'] as Role[]) {
        const ok = await (await as(role)).post('/api/test/declared', { n: 2 });
        expect(ok.statusCode, role).toBe(200);
      }
      expect(ran).toBe(2);
      const anon = await app.inject({ method: 'POST', url: '/api/test/declared', payload: { n: 1 } });
      expect(anon.statusCode).toBe(401);
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      expect(doc.paths['/api/test/declared'].post['x-capability']).toEqual(['members.write', 'users.write']);
    } finally {
      await app.close();
    }
  });

  it('a role holding the capability passes the route check (the service decides the rest)', async () => {
    // The auditor holds audit.read and nothing else of the business: the route opens to it, and only to it.
    expect((await clients.auditor.get('/api/audit?page=1&pageSize=5')).statusCode).toBe(200);
    expect((await clients.county_admin.get('/api/audit')).statusCode).toBe(403);
    // Any-of: the member (residents.claim) and the county admin (residents.read) both list wishes.
    expect((await clients.member.get('/api/wishes')).statusCode).toBe(200);
    expect((await clients.county_admin.get('/api/wishes')).statusCode).toBe(200);
    expect((await clients.security_admin.get('/api/wishes')).statusCode).toBe(403);
  });
});

function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}

describe('declarations', () => {
  it('an /api route registered without a capability is refused when the app starts', async () => {
    const app = Fastify() as unknown as App;
    requireDeclaredCapabilities(app);
    const register = async () => {
      app.get('/api/undeclared', async () => ({ ok: true }));
      await app.ready();
    };
    await expect(register()).rejects.toThrow(/declare its capability/);
    await app.close().catch(() => {});
  });

  it('any-of allows a role holding one of the capabilities; public and signed_in allow every actor', () => {
    const actor = { role: 'member' } as Parameters<typeof capabilityAllows>[0];
    expect(capabilityAllows(actor, ['residents.read', 'residents.claim'])).toBe(true);
    expect(capabilityAllows(actor, 'residents.read')).toBe(false);
    expect(capabilityAllows(actor, 'signed_in')).toBe(true);
    expect(capabilityAllows(actor, 'public')).toBe(true);
  });
});
