/**
 * The routes of issue 15 tried as an attacker would: another township's ids in a path, a query or a body, and the
 * same request many times at once (a double-tapped button, a script). Each answer stays inside the caller's scope,
 * and concurrent writes leave one consistent record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, login, openFixture, type Client, type Fixture, type TestEnv } from '../harness.js';
import { requestBody } from '../residents/fixtures.js';

/** Every number under an `orgId` or `id` key of an organization list, however deep. */
function orgIdsOf(value: unknown, out = new Set<number>()): Set<number> {
  if (Array.isArray(value)) for (const v of value) orgIdsOf(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'orgId' || k === 'townshipId') && typeof v === 'number') out.add(v);
      else orgIdsOf(v, out);
    }
  return out;
}

// The test clock stands at 2026-06-15 10:00 China time.
describe.each(dialects())('attacks on the home, the screen, the villages and sign-in on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let county: Client, townA: Client, townB: Client, sec: Client;
  let meetingA = 0;
  beforeAll(async () => {
    ({ env, fx, county } = await openFixture(dialect, { county: 't-county' }));
    [townA, townB, sec] = await Promise.all(['t-town-a', 't-town-b', 't-sec-a1'].map((u) => login(env.app, u)));
    for (const org of [fx.villageA1, fx.villageB1])
      expect((await county.post('/api/requests', requestBody(org))).statusCode).toBe(200);
    const m = await sec.post('/api/meetings', {
      orgId: fx.villageA1,
      kind: 'party_lecture',
      topic: '党课：并发签到',
      heldOn: '2026-06-15',
      startTime: '15:00',
      endTime: '17:00',
      place: '村部',
      hostName: '张三',
      recorderName: '党员0',
      minutes: '会议研究了本月重点工作。',
    });
    expect(m.statusCode, m.body).toBe(200);
    meetingA = m.json().id;
  });
  afterAll(() => env.close());

  it("answers another township's organization in a query with 404, never with its figures", async () => {
    for (const url of ['/api/home', '/api/screen', '/api/villages'])
      for (const org of [fx.townB, fx.villageB1, fx.county]) {
        const res = await townA.get(`${url}?org=${org}`);
        expect(res.statusCode, `${url}?org=${org}`).toBe(404);
        expect(res.body).not.toContain('西乡');
        expect(res.body).not.toContain('西村');
      }
    // A township's own answers name only its own organizations.
    const inB = new Set([fx.townB, fx.villageB1]);
    for (const url of ['/api/home', '/api/villages']) {
      const ids = orgIdsOf((await townA.get(url)).json());
      expect(
        [...ids].filter((id) => inB.has(id)),
        url,
      ).toEqual([]);
    }
  });

  it("gives twenty concurrent home requests one answer, each inside the caller's scope", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => townA.get('/api/home')));
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    const bodies = new Set(answers.map((a) => JSON.stringify({ ...a.json(), asOf: null })));
    expect(bodies.size).toBe(1);
    expect([...orgIdsOf(answers[0]!.json())].some((id) => id === fx.villageB1)).toBe(false);
  });

  it("refuses to start another township's sign-in, by its id in the path", async () => {
    const res = await townB.post(`/api/meetings/${meetingA}/checkin/open`, { now: true });
    expect(res.statusCode).toBe(404);
    expect((await townB.post(`/api/meetings/${meetingA}/checkin/close`, {})).statusCode).toBe(404);
    const after = (await sec.get(`/api/meetings/${meetingA}`)).json();
    expect(after.checkin ?? null).toBeNull();
  });

  it('keeps one sign-in code when it is started many times at once, and that code works', async () => {
    const opened = await Promise.all(
      Array.from({ length: 8 }, () => sec.post(`/api/meetings/${meetingA}/checkin/open`, { now: true })),
    );
    expect(opened.map((o) => o.statusCode)).toEqual(Array(8).fill(200));
    const stored = (await sec.get(`/api/meetings/${meetingA}`)).json().checkin.code;
    // Every secretary's screen shows the code members can use: no answer hands out a code that was overwritten.
    expect(new Set(opened.map((o) => o.json().code))).toEqual(new Set([stored]));
    const member = await login(env.app, 't-member-a1');
    expect((await member.post('/api/meetings/checkin', { code: stored })).statusCode).toBe(200);
  });
});
