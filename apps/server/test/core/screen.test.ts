import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, openFixture, type Client, type Fixture, type TestEnv } from '../harness.js';
import { requestBody, seedRequests } from '../residents/fixtures.js';

/** Every key of a JSON value, however deep. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  return out;
}

// The keys the wall screen may send: figures, labels and organization names, never a person.
const ALLOWED_KEYS = new Set([
  ...['org', 'id', 'name', 'level', 'choices', 'asOf', 'map', 'metrics', 'tiles', 'orgId', 'values', 'panels'],
  ...['key', 'label', 'zh', 'en', 'unit', 'value', 'title', 'period', 'series', 'chart', 'items'],
  // The tiles' metrics.
  ...['members', 'compliance', 'requests', 'closedShare', 'wishesDone', 'admitted', 'duesRate'],
]);

describe.each(dialects())('wall screen on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let county: Client, town: Client, sec: Client, member: Client, auditor: Client;
  let townOrgan: number;
  beforeAll(async () => {
    ({ env, fx, county, town, sec, member, auditor } = await openFixture(dialect, {
      county: 't-county',
      town: 't-town-a',
      sec: 't-sec-a1',
      member: 't-member-a1',
      auditor: 't-auditor',
    }));
    ({ townOrgan } = await seedRequests(env, fx, county));
    for (const residentName of ['赵大', '钱一']) {
      const res = await county.post('/api/requests', requestBody(fx.villageA1, { residentName, phone: '13912345678' }));
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(() => env.close());

  const tile = (s: { map: { tiles: { orgId: number; values: Record<string, number> }[] } }, id: number) =>
    s.map.tiles.find((t) => t.orgId === id)!.values;

  it("shows the county: a tile per township with every module's metrics, and the panels", async () => {
    const res = await county.get('/api/screen');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.org).toEqual({ id: fx.county, name: '测试县委', level: 'county' });
    // Townships only: the county's organs committee is no place on the map.
    expect(s.map.tiles.map((t: { orgId: number }) => t.orgId)).toEqual([fx.townA, fx.townB]);
    expect(s.choices.map((c: { id: number }) => c.id)).toEqual([fx.county, fx.townA, fx.townB]);
    expect(s.map.metrics.map((m: { key: string }) => m.key)).toEqual(
      expect.arrayContaining(['members', 'compliance', 'requests', 'closedShare', 'wishesDone']),
    );
    // townA: its own member, two villages' and the township organ's; townB: its own and its village's.
    expect(tile(s, fx.townA)).toMatchObject({ members: 4, requests: 2 });
    expect(tile(s, fx.townB)).toMatchObject({ members: 2, requests: 0 });
    expect(s.panels.map((p: { key: string }) => p.key)).toEqual([
      'meetings',
      'service',
      'members',
      'development',
      'dues',
    ]);
    const service = s.panels.find((p: { key: string }) => p.key === 'service');
    expect(service.values.find((v: { key: string }) => v.key === 'accepted').value).toBe(2);
    const members = s.panels.find((p: { key: string }) => p.key === 'members');
    expect(members.values.find((v: { key: string }) => v.key === 'total').value).toBe(8);
    expect(Date.parse(s.asOf)).toBeGreaterThan(0);
  });

  it('sends no personal data: only figures and organization names, in a small answer', async () => {
    for (const q of ['', `?org=${fx.townA}`]) {
      const res = await county.get(`/api/screen${q}`);
      const body = res.body;
      expect(body.length).toBeLessThan(50_000);
      for (const k of keysOf(res.json())) expect(ALLOWED_KEYS.has(k), `key ${k}`).toBe(true);
      // Residents, household heads and members by name; phone and ID numbers.
      for (const text of ['赵大', '钱一', '孙二', '张三', '李四', '王五', '东乡乙', '县直甲', '东乡机关丁'])
        expect(body).not.toContain(text);
      expect(body).not.toMatch(/1[3-9]\d{9}|\d{3,4}-\d{7,8}|\d{17}[\dXx]/);
    }
  });

  it('switches to a township: its villages and organs as tiles', async () => {
    const s = (await county.get(`/api/screen?org=${fx.townA}`)).json();
    expect(s.org).toMatchObject({ id: fx.townA, level: 'township' });
    expect(s.map.tiles.map((t: { orgId: number }) => t.orgId).sort()).toEqual(
      [fx.villageA1, fx.villageA2, townOrgan].sort(),
    );
    expect(tile(s, fx.villageA1)).toMatchObject({ members: 1, requests: 2 });
  });

  it('scopes a township admin to its township and refuses what is below a township or outside', async () => {
    const s = (await town.get('/api/screen')).json();
    expect(s.org).toMatchObject({ id: fx.townA, level: 'township' });
    expect(s.choices).toEqual([{ id: fx.townA, name: '东乡镇党委' }]);
    expect((await town.get(`/api/screen?org=${fx.county}`)).statusCode).toBe(404);
    expect((await town.get(`/api/screen?org=${fx.townB}`)).statusCode).toBe(404);
    const below = await county.get(`/api/screen?org=${fx.villageA1}`);
    expect(below.statusCode).toBe(400);
    expect(below.json().error.code).toBe('screen.level');
    for (const c of [sec, member, auditor]) expect((await c.get('/api/screen')).statusCode).toBe(403);
  });

  it('follows the data: a new request shows at once; OpenAPI declares the capability', async () => {
    const before = tile((await county.get('/api/screen')).json(), fx.townB).requests;
    expect((await county.post('/api/requests', requestBody(fx.villageB1))).statusCode).toBe(200);
    expect(tile((await county.get('/api/screen')).json(), fx.townB).requests).toBe(before + 1);
    const doc = (await county.get('/api/openapi.json')).json();
    expect(doc.paths['/api/screen'].get['x-capability']).toBe('screen.read');
  });
});
