/**
 * 三员分立 on the read side: the security admin and the auditor reach only their own routes. Every GET operation of
 * the OpenAPI document is called as each of them (the list comes from `app.swagger()`, not from this file), with real
 * ids of the fixture so that a 404 cannot hide a leak: their own routes answer 2xx, every business route 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, login, type Client, type Fixture, type TestEnv, openFixture } from '../harness.js';

/** The routes each administrator is meant to read (its own work, its account, its notifications). */
const OWN: Record<'security' | 'auditor', RegExp[]> = {
  security: [/^\/api\/auth\/me$/, /^\/api\/notifications$/, /^\/api\/users(\/|$)/],
  auditor: [/^\/api\/auth\/me$/, /^\/api\/notifications$/, /^\/api\/audit(\/|$)/],
};

interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string; enum?: string[]; anyOf?: { enum?: string[] }[]; minimum?: number; pattern?: string };
}

describe.each(dialects())('administrators apart from business data on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let ops: { path: string; params: Param[] }[];
  const clients: Partial<Record<'security' | 'auditor', Client>> = {};
  beforeAll(async () => {
    ({ env, fx } = await openFixture(dialect));
    const doc = env.app.swagger() as { paths: Record<string, { get?: { parameters?: Param[] } }> };
    ops = Object.entries(doc.paths)
      .filter(([, o]) => o.get)
      .map(([path, o]) => ({ path, params: o.get!.parameters ?? [] }));
    clients.security = await login(env.app, fx.users.security.username);
    clients.auditor = await login(env.app, fx.users.auditor.username);
  });
  afterAll(() => env.close());

  /** A value for a parameter: a real id of the fixture where one is asked, else the first value the schema allows. */
  function valueOf(path: string, p: Param): string {
    const s = p.schema ?? {};
    const enumValues = s.enum ?? s.anyOf?.flatMap((a) => a.enum ?? []);
    if (enumValues?.length) return enumValues[0]!;
    if (p.name === 'period' || p.name === 'year') return '2026';
    // A figure of a date range (the supervision figures) requires one: a valid range, so only the capability refuses.
    if (p.name === 'from') return '2026-01-01';
    if (p.name === 'to') return '2026-12-31';
    if (p.name === 'month') return '2026-01';
    if (p.name === 'org') return String(fx.county);
    if (s.type === 'integer' || s.type === 'number') {
      if (p.name !== 'id') return '1';
      if (path.startsWith('/api/members/')) return String(fx.memberIn.villageA1);
      if (path.startsWith('/api/orgs/')) return String(fx.villageA1);
      if (path.startsWith('/api/users/')) return String(fx.users.secA1.id);
      return '1';
    }
    return 'x';
  }

  function urlOf(op: { path: string; params: Param[] }): string {
    let url = op.path;
    const query: string[] = [];
    for (const p of op.params) {
      if (p.in === 'path') url = url.replace(`{${p.name}}`, valueOf(op.path, p));
      else if (p.in === 'query' && p.required) query.push(`${p.name}=${encodeURIComponent(valueOf(op.path, p))}`);
    }
    return query.length ? `${url}?${query.join('&')}` : url;
  }

  it.each(['security', 'auditor'] as const)('as the %s: own routes 2xx, every business GET 403', async (who) => {
    const c = clients[who]!;
    const seen = { own: 0, refused: 0, open: 0 };
    const wrong: string[] = [];
    for (const op of ops) {
      const url = urlOf(op);
      // Routes open without a staff session (health, the public wall, residents' pages) are not staff data.
      const anonymous = await env.app.inject({ method: 'GET', url });
      if (anonymous.statusCode !== 401 || anonymous.json().error.code !== 'auth.required') {
        seen.open++;
        continue;
      }
      const res = await c.get(url);
      if (OWN[who].some((re) => re.test(op.path))) {
        seen.own++;
        if (res.statusCode >= 300) wrong.push(`${url} → ${res.statusCode} (own route)`);
      } else {
        seen.refused++;
        if (res.statusCode !== 403) wrong.push(`${url} → ${res.statusCode} ${res.body.slice(0, 80)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(seen.refused).toBeGreaterThan(40);
    expect(seen.own).toBeGreaterThanOrEqual(3);
  });
});
