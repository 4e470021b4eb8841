/**
 * "Party branch +" industry projects (党支部+) through the API on both databases: the township records projects of
 * its villages (a partner village of another township is 404, a township is no lead), yearly records checked
 * (households, year range, a source once), the figure hand-computed on a small fixture for a township, the county
 * and a year when a stopped project still ran; the village sees its own, another township nothing; soft delete
 * and restore move the figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

const WAN = 1_000_000; // fen in 1万元
const project = (orgId: number, more: Record<string, unknown> = {}) => ({
  orgId,
  name: '白茶种植基地',
  industry: 'planting',
  models: ['cooperative', 'households'],
  cooperatives: [{ name: '东村白茶专业合作社', members: 40 }],
  startYear: 2024,
  status: 'operating',
  ...more,
});
const year = (y: number, more: Record<string, unknown> = {}) => ({
  year: y,
  funds: [
    { source: 'red_fund', amountFen: 5 * WAN },
    { source: 'fiscal', amountFen: 10 * WAN },
  ],
  leveragedFen: 30 * WAN,
  households: 100,
  householdsPoor: 30,
  householdsMonitored: 5,
  householdIncomeFen: 20 * WAN,
  collectiveIncomeFen: 5 * WAN,
  ...more,
});

describe.each(dialects())('industry projects on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  const id: Record<'p1' | 'p2' | 'p3' | 'p4', number> = { p1: 0, p2: 0, p3: 0, p4: 0 };

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
  });
  afterAll(() => env.close());

  it('the township records projects of its villages; another township’s village is not found', async () => {
    expect((await secA1.post('/api/economy/projects', project(fx.villageA1))).statusCode).toBe(403);
    expect((await townA.post('/api/economy/projects', project(fx.villageB1))).statusCode).toBe(404);
    const partnerB = await townA.post(
      '/api/economy/projects',
      project(fx.villageA1, { partnerOrgIds: [fx.villageB1] }),
    );
    expect(partnerB.statusCode).toBe(404);
    const town = await townA.post('/api/economy/projects', project(fx.townA));
    expect(town.json().error.code).toBe('projects.not_village');
    const stopped = await townA.post('/api/economy/projects', project(fx.villageA1, { status: 'stopped' }));
    expect(stopped.json().error).toMatchObject({ code: 'projects.stop_reason_required' });
    const p1 = await townA.post('/api/economy/projects', project(fx.villageA1, { partnerOrgIds: [fx.villageA2] }));
    expect(p1.statusCode, p1.body).toBe(200);
    id.p1 = p1.json().id;
    expect(p1.json()).toMatchObject({
      orgName: '东村党支部',
      townshipName: '东乡镇党委',
      partners: [{ orgId: fx.villageA2 }],
      canEdit: true,
      events: [{ kind: 'created' }],
    });
    const p2 = await townA.post(
      '/api/economy/projects',
      project(fx.villageA2, {
        name: '粽叶加工厂',
        industry: 'processing',
        models: ['enterprise'],
        cooperatives: [
          { name: '甲社', members: 20 },
          { name: '乙社', members: 10 },
        ],
        startYear: 2025,
        status: 'building',
      }),
    );
    id.p2 = p2.json().id;
    const p3 = await townA.post(
      '/api/economy/projects',
      project(fx.villageA1, {
        name: '土鸡养殖场',
        industry: 'breeding',
        models: ['households'],
        cooperatives: [],
        startYear: 2023,
        status: 'stopped',
        stopReason: '市场行情下滑',
        stoppedYear: 2024,
      }),
    );
    id.p3 = p3.json().id;
    const p4 = await townB.post(
      '/api/economy/projects',
      project(fx.villageB1, { cooperatives: [{ name: '西村合作社', members: 15 }], startYear: 2025 }),
    );
    id.p4 = p4.json().id;
    expect([id.p2, id.p3, id.p4].every((x) => x > 0)).toBe(true);
  });

  it('records its years: households checked, the year within the project, a source once', async () => {
    const url = `/api/economy/projects/${id.p1}/years`;
    const over = await townA.post(url, year(2025, { householdsPoor: 96 }));
    expect(over.json().error).toMatchObject({ code: 'projects.households_exceed' });
    expect((await townA.post(url, year(2023))).json().error.code).toBe('projects.year_range');
    const twice = year(2025, { funds: [...year(2025).funds, { source: 'red_fund', amountFen: 1 }] });
    expect((await townA.post(url, twice)).json().error.code).toBe('projects.duplicate_source');
    expect((await townB.post(url, year(2025))).statusCode).toBe(404);
    await townA.post(url, year(2025, { leveragedFen: 1 }));
    const res = await townA.post(url, year(2025));
    expect(res.statusCode, res.body).toBe(200);
    const y2024 = { funds: [{ source: 'red_fund', amountFen: 3 * WAN }], leveragedFen: 10 * WAN, households: 80 };
    const detail = (await townA.post(url, year(2024, y2024))).json();
    expect(detail.years.map((y: { year: number }) => y.year)).toEqual([2024, 2025]);
    expect(detail).toMatchObject({
      givenFen: 18 * WAN,
      leveragedFen: 40 * WAN,
      latest: { year: 2025, givenFen: 15 * WAN },
    });
    const p2 = year(2025, {
      funds: [{ source: 'red_fund', amountFen: 2 * WAN }],
      leveragedFen: 8 * WAN,
      households: 40,
      householdsPoor: 10,
      householdsMonitored: 2,
      householdIncomeFen: 6 * WAN,
      collectiveIncomeFen: 0,
    });
    expect((await townA.post(`/api/economy/projects/${id.p2}/years`, p2)).statusCode).toBe(200);
    const p4 = year(2025, {
      funds: [{ source: 'red_fund', amountFen: 1 * WAN }],
      leveragedFen: 4 * WAN,
      households: 10,
      householdsPoor: 0,
      householdsMonitored: 0,
      householdIncomeFen: 1 * WAN,
    });
    expect((await townB.post(`/api/economy/projects/${id.p4}/years`, p4)).statusCode).toBe(200);
  });

  it('the figure, hand-computed: a township, the county, the year a stopped project still ran', async () => {
    const a = (await townA.get('/api/economy/projects/figures?year=2025')).json();
    expect(a).toMatchObject({
      orgId: fx.townA,
      projects: 2,
      cooperatives: 3,
      cooperativeMembers: 70,
      givenFen: 17 * WAN,
      leveragedFen: 38 * WAN,
      leverageRatio: 2.24,
      households: 140,
      householdsPoor: 40,
      householdsMonitored: 7,
      householdIncomeFen: 26 * WAN,
      collectiveIncomeFen: 5 * WAN,
      cumulative: { givenFen: 20 * WAN, redFundFen: 10 * WAN, leveragedFen: 48 * WAN },
    });
    expect(a.bySource.filter((s: { fen: number }) => s.fen)).toEqual([
      { source: 'red_fund', fen: 7 * WAN },
      { source: 'fiscal', fen: 10 * WAN },
    ]);
    expect(a.byModel).toEqual([
      { model: 'enterprise', projects: 1 },
      { model: 'cooperative', projects: 1 },
      { model: 'base', projects: 0 },
      { model: 'households', projects: 1 },
    ]);
    expect(a.rows.map((r: { projects: number; givenFen: number }) => [r.projects, r.givenFen])).toEqual([
      [1, 15 * WAN],
      [1, 2 * WAN],
    ]);
    const c = (await county.get('/api/economy/projects/figures?year=2025')).json();
    expect(c).toMatchObject({ projects: 3, cooperatives: 4, givenFen: 18 * WAN, leveragedFen: 42 * WAN });
    expect(c.rows.map((r: { projects: number }) => r.projects)).toEqual([2, 1]);
    const y2024 = (await townA.get('/api/economy/projects/figures?year=2024')).json();
    expect(y2024).toMatchObject({ projects: 2, givenFen: 3 * WAN, households: 80 });
    expect((await townB.get(`/api/economy/projects/figures?year=2025&org=${fx.townA}`)).statusCode).toBe(404);
  });

  it('the village sees its own, another township nothing; filters', async () => {
    const own = (await secA1.get('/api/economy/projects')).json();
    expect(own.items.map((p: { id: number }) => p.id).sort()).toEqual([id.p1, id.p3].sort());
    expect((await secA1.get(`/api/economy/projects/${id.p1}`)).json().canEdit).toBe(false);
    expect((await secA1.get(`/api/economy/projects/${id.p2}`)).statusCode).toBe(404);
    expect((await townB.get(`/api/economy/projects/${id.p1}`)).statusCode).toBe(404);
    expect((await townB.patch(`/api/economy/projects/${id.p1}`, { name: '改名' })).statusCode).toBe(404);
    expect((await townB.get('/api/economy/projects')).json().total).toBe(1);
    expect((await county.get('/api/economy/projects')).json().total).toBe(4);
    expect((await county.get('/api/economy/projects?model=enterprise')).json().total).toBe(1);
    expect((await county.get('/api/economy/projects?year=2025')).json().total).toBe(3);
    expect((await county.get(`/api/economy/projects?township=${fx.townA}&status=stopped`)).json().total).toBe(1);
    expect((await county.get('/api/economy/projects?q=粽叶')).json().total).toBe(1);
    const xlsx = await county.get('/api/economy/projects/export');
    expect(xlsx.statusCode).toBe(200);
  });

  it('a status change is on the timeline; soft delete and restore move the figure', async () => {
    const noReason = await townA.patch(`/api/economy/projects/${id.p2}`, { status: 'stopped', stoppedYear: 2026 });
    expect(noReason.json().error.code).toBe('projects.stop_reason_required');
    const op = (await townA.patch(`/api/economy/projects/${id.p2}`, { status: 'operating' })).json();
    expect(op.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'year', 'status']);
    expect((await townA.delete(`/api/economy/projects/${id.p2}`)).statusCode).toBe(200);
    expect((await townA.get('/api/economy/projects/figures?year=2025')).json()).toMatchObject({
      projects: 1,
      givenFen: 15 * WAN,
    });
    expect((await townA.get('/api/economy/projects?deleted=true')).json().total).toBe(1);
    expect((await townA.post(`/api/economy/projects/${id.p2}/restore`, {})).statusCode).toBe(200);
    expect((await townA.get('/api/economy/projects/figures?year=2025')).json().projects).toBe(2);
  });
});
