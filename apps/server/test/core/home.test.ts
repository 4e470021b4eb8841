/** The home's to-do summary (`GET /api/home`, `GET /api/home/mine`): scoped to the caller, small, rule-driven. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, login, openFixture, type Client, type Fixture, type TestEnv } from '../harness.js';
import { requestBody } from '../residents/fixtures.js';

interface HomeAnswer {
  period: string;
  meetings: {
    rate: number;
    behind: number;
    dueSoon: number;
    items: { orgId: number; kind: string; status: string; rule: { every: string; min: number } }[];
  } | null;
  themeDay: { day: number; date: string } | null;
  requests: { open: number; overdue: number; items: { id: number; orgId: number; overdue: boolean }[] } | null;
}

describe.each(dialects())('home to-do summary on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let county: Client, townA: Client, townB: Client, sec: Client, member: Client;
  let requestB = 0;
  let requestA = 0;

  beforeAll(async () => {
    ({ env, fx, county } = await openFixture(dialect, { county: 't-county' }));
    townA = await login(env.app, 't-town-a');
    townB = await login(env.app, 't-town-b');
    sec = await login(env.app, 't-sec-a1');
    member = await login(env.app, 't-member-a1');
    const a = await county.post('/api/requests', requestBody(fx.villageA1));
    expect(a.statusCode, a.body).toBe(200);
    requestA = a.json().id;
    const b = await county.post('/api/requests', requestBody(fx.villageB1));
    expect(b.statusCode, b.body).toBe(200);
    requestB = b.json().id;
  });
  afterAll(() => env.close());

  it("lists a township's meetings due this month with their rule, and never another township's", async () => {
    const res = await townA.get('/api/home');
    expect(res.statusCode, res.body).toBe(200);
    const home = res.json() as HomeAnswer;
    // The test clock stands in June 2026: every branch owes its monthly committee meeting.
    expect(home.period).toBe('2026-06');
    const orgs = new Set(home.meetings!.items.map((i) => i.orgId));
    expect(orgs.has(fx.villageA1)).toBe(true);
    expect(orgs.has(fx.villageA2)).toBe(true);
    expect(orgs.has(fx.villageB1)).toBe(false);
    const committee = home.meetings!.items.find((i) => i.orgId === fx.villageA1 && i.kind === 'committee_meeting');
    expect(committee).toMatchObject({ status: 'due_soon', rule: { every: 'month', min: 1 } });
    expect(home.meetings!.rate).toBeLessThan(1);

    const b = (await townB.get('/api/home')).json() as HomeAnswer;
    // Township B's own committee and its village only (a committee owes its leadership meeting).
    expect(b.meetings!.items.every((i) => i.orgId === fx.villageB1 || i.orgId === fx.townB)).toBe(true);
    expect(b.meetings!.items.some((i) => i.orgId === fx.villageB1)).toBe(true);
    expect(b.meetings!.items.length).toBeGreaterThan(0);
  });

  it("shows a township only its own requests, and refuses another township's organization", async () => {
    const a = (await townA.get('/api/home')).json() as HomeAnswer;
    const ids = a.requests!.items.map((r) => r.id);
    expect(ids).toContain(requestA);
    expect(ids).not.toContain(requestB);
    expect(a.requests!.open).toBe(1);
    const b = (await townB.get('/api/home')).json() as HomeAnswer;
    expect(b.requests!.items.map((r) => r.id)).toEqual([requestB]);
    expect((await townA.get(`/api/home?org=${fx.villageB1}`)).statusCode).toBe(404);
    const narrowed = (await county.get(`/api/home?org=${fx.townB}`)).json() as HomeAnswer;
    expect(narrowed.requests!.items.map((r) => r.id)).toEqual([requestB]);
    expect(narrowed.meetings!.items.every((i) => i.orgId === fx.villageB1 || i.orgId === fx.townB)).toBe(true);
  });

  it('marks a request past its deadline as overdue (the requests workflow deadline)', async () => {
    env.clock.advance(8 * 86_400_000);
    try {
      const again = await login(env.app, 't-town-a');
      const a = (await again.get('/api/home')).json() as HomeAnswer;
      expect(a.requests!.overdue).toBe(1);
      expect(a.requests!.items.find((r) => r.id === requestA)?.overdue).toBe(true);
    } finally {
      env.clock.advance(-8 * 86_400_000);
    }
  });

  it('is small, and a branch secretary sees its branch only', async () => {
    const res = await sec.get('/api/home');
    expect(res.body.length).toBeLessThan(50_000);
    const home = res.json() as HomeAnswer;
    expect(home.meetings!.items.every((i) => i.orgId === fx.villageA1 || i.orgId === fx.groupA1)).toBe(true);
  });

  it("gives a member what is asked of the member this month, and no organization's to-dos", async () => {
    expect((await member.get('/api/home')).statusCode).toBe(403);
    const held = await county.post('/api/meetings', {
      orgId: fx.villageA1,
      kind: 'general_meeting',
      topic: '学习党章',
      heldOn: '2026-06-10',
      startTime: '19:30',
      endTime: '21:00',
      place: '村党群服务中心',
      attendance: [{ memberId: fx.memberIn.villageA1, status: 'present' }],
    });
    expect(held.statusCode, held.body).toBe(200);
    const mine = await member.get('/api/home/mine');
    expect(mine.statusCode, mine.body).toBe(200);
    const body = mine.json() as { period: string; meetings: { id: number }[]; checkins: unknown[] };
    expect(body.period).toBe('2026-06');
    expect(body.meetings.map((m) => m.id)).toContain(held.json().id);
    expect(body.checkins).toEqual([]);
  });

  it('reminds of the fixed party day and lists the theme day behind once the county fixes the 5th', async () => {
    // National rules fix no day: no reminder.
    expect(((await townA.get('/api/home')).json() as HomeAnswer).themeDay).toBeNull();
    const set = await county.request('PUT', '/api/meeting-rules/2026/theme_day', {
      rule: { every: 'month', min: 1, fixedDay: 5 },
    });
    expect(set.statusCode, set.body).toBe(200);
    // On 15 June the 5th has passed: the next one is 5 July, and June's theme day is behind (the rule's deadline).
    const home = (await sec.get('/api/home')).json() as HomeAnswer;
    expect(home.themeDay).toEqual({ day: 5, date: '2026-07-05' });
    expect(home.meetings!.items[0]).toMatchObject({ kind: 'theme_day', status: 'behind', rule: { fixedDay: 5 } });
    expect(((await member.get('/api/home/mine')).json() as HomeAnswer).themeDay).toEqual({
      day: 5,
      date: '2026-07-05',
    });
  });
});
