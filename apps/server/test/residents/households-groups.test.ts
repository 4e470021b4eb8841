import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type Client, type Fixture, type TestEnv } from '../harness.js';
import { audits as auditRows, openCounty } from './fixtures.js';

describe.each(dialects())('households: groups, coverage, pairing and zones on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let county: Client, town: Client, townB: Client, sec: Client;
  beforeAll(async () => {
    ({ env, fx, county, town, townB, sec } = await openCounty(dialect));
    // A poor household of village A1, for the pairing with a county cadre.
    const poor = { orgId: fx.villageA1, address: '东村1号', headName: '赵大', tags: ['lifted_out'] };
    expect((await sec.post('/api/households', poor)).statusCode).toBe(200);
  });
  afterAll(() => env.close());
  const audits = (entityType: string, id: number) => auditRows(env, entityType, id);

  let townC = 0;
  let c1 = 0;
  let c2 = 0;
  const h: number[] = [];
  let g1 = 0;
  let g2 = 0;
  beforeAll(async () => {
    townC = (
      await county.post('/api/orgs', { parentId: fx.county, name: '北乡镇党委', type: 'committee', field: 'rural' })
    ).json().id;
    c1 = (
      await county.post('/api/orgs', { parentId: townC, name: '北一村党支部', type: 'branch', field: 'rural' })
    ).json().id;
    c2 = (
      await county.post('/api/orgs', { parentId: townC, name: '北二村党支部', type: 'branch', field: 'rural' })
    ).json().id;
    // [org, poor, people]: C1 has 4 households (10 people, 2 poor), C2 has 3 (6 people, 1 poor).
    const plan: [number, boolean, number][] = [
      [c1, true, 3],
      [c1, true, 2],
      [c1, false, 1],
      [c1, false, 4],
      [c2, true, 2],
      [c2, false, 3],
      [c2, false, 1],
    ];
    for (const [i, [org, poor, people]] of plan.entries()) {
      const res = await county.post('/api/households', {
        orgId: org,
        address: `北村${i + 1}号`,
        headName: `户主${i + 1}`,
        tags: poor ? ['subsistence'] : ['ordinary'],
        residents: Array.from({ length: people }, (_, k) => ({
          name: `居民${i + 1}-${k + 1}`,
          relation: k === 0 ? 'head' : 'child',
        })),
      });
      expect(res.statusCode).toBe(200);
      h.push(res.json().id);
    }
  });

  it("forms groups within the size limit, one group per household, of the group's village", async () => {
    const group = (name: string, orgId: number, householdIds: number[]) => ({
      orgId,
      name,
      leaderKind: 'member',
      leaderName: '组长',
      leaderMemberId: fx.memberIn.villageA1,
      leaderPhone: '13800138000',
      householdIds,
    });
    const r1 = await county.post('/api/household-groups', group('北一第1组', c1, [h[0], h[1], h[2]]));
    expect(r1.statusCode).toBe(200);
    g1 = r1.json().id;
    expect(r1.json()).toMatchObject({
      households: expect.any(Array),
      poorHouseholds: 2,
      people: 6,
      sizeOk: true,
      poorOk: true,
      leaderPhone: '138****8000',
    });
    expect(r1.json().households).toHaveLength(3);
    const r2 = await county.post('/api/household-groups', group('北二第1组', c2, [h[4], h[5]]));
    g2 = r2.json().id;
    // Two households and one poor are under the rules: reported, not refused.
    expect(r2.json()).toMatchObject({ poorHouseholds: 1, people: 5, sizeOk: false, poorOk: false });
    expect((await county.post('/api/household-groups', group('重复', c1, [h[2], h[3]]))).json().error.code).toBe(
      'residents.household_in_group',
    );
    expect((await county.post('/api/household-groups', group('跨村', c1, [h[3], h[6]]))).json().error.code).toBe(
      'residents.household_other_org',
    );
    expect((await county.post('/api/household-groups', group('镇级', townC, [h[3]]))).json().error.code).toBe(
      'residents.org_not_village',
    );
    // The hard limit comes from the county's rules.
    expect((await county.patch('/api/service-rules', { groupSizeMax: 3 })).statusCode).toBe(200);
    const tooBig = await county.patch(`/api/household-groups/${g1}`, { householdIds: [h[0], h[1], h[2], h[3]] });
    expect(tooBig.json().error.code).toBe('residents.group_size');
    expect((await county.delete('/api/service-rules/groupSizeMax')).json().rules.groupSizeMax).toBe(7);
    // 0 is a value, not a reset (type coercion once read 0 as null).
    expect((await county.patch('/api/service-rules', { groupPoorMin: 0 })).json().rules.groupPoorMin).toBe(0);
    await county.delete('/api/service-rules/groupPoorMin');
    const list = (await county.get(`/api/household-groups?org=${townC}`)).json();
    expect(list.total).toBe(2);
    const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
    expect(list.items.sort(byId).map((g: { households: number; sizeOk: boolean }) => [g.households, g.sizeOk])).toEqual(
      [
        [3, true],
        [2, false],
      ],
    );
    expect((await county.get(`/api/households/${h[0]}`)).json()).toMatchObject({
      groupId: g1,
      groupName: '北一第1组',
    });
    expect((await audits('household_group', g1)).map((a) => a.action)).toEqual(['household_group.create']);
  });

  it('computes coverage of the subtree and lists the households left out', async () => {
    const cov = (await county.get(`/api/household-groups/coverage?org=${townC}`)).json();
    expect(cov).toMatchObject({
      groups: 2,
      households: 5,
      householdsTotal: 7,
      people: 11,
      peopleTotal: 16,
      poorHouseholds: 3,
      poorCovered: 3,
      groupsOffRule: 1,
    });
    expect(cov.coverageRate).toBeCloseTo(5 / 7, 10);
    expect(cov.byOrg).toEqual([
      {
        orgId: c1,
        orgName: '北一村',
        groups: 1,
        households: 3,
        householdsTotal: 4,
        people: 6,
        peopleTotal: 10,
        coverageRate: 0.75,
      },
      {
        orgId: c2,
        orgName: '北二村',
        groups: 1,
        households: 2,
        householdsTotal: 3,
        people: 5,
        peopleTotal: 6,
        coverageRate: 2 / 3,
      },
    ]);
    const left = (await county.get(`/api/household-groups/uncovered?org=${townC}`)).json();
    expect(left.total).toBe(2);
    expect(left.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b)).toEqual([h[3], h[6]]);
    expect((await county.get(`/api/households?org=${townC}&grouped=true`)).json().total).toBe(5);

    // Every write moves the cached figures: a deleted group covers nobody, a restored one again.
    await county.delete(`/api/household-groups/${g2}`);
    const after = (await county.get(`/api/household-groups/coverage?org=${townC}`)).json();
    expect(after).toMatchObject({ groups: 1, households: 3, people: 6, groupsOffRule: 0 });
    expect(after.coverageRate).toBeCloseTo(3 / 7, 10);
    expect((await county.get(`/api/households/${h[4]}`)).json().groupId).toBeNull();
    await county.post(`/api/household-groups/${g2}/restore`);
    expect((await county.get(`/api/household-groups/coverage?org=${townC}`)).json()).toMatchObject({
      groups: 2,
      households: 5,
    });
    // Replacing the set of a group moves households in and out.
    const patched = await county.patch(`/api/household-groups/${g2}`, { householdIds: [h[4], h[5], h[6]] });
    expect(patched.json()).toMatchObject({ people: 6, sizeOk: true, poorOk: false });
    expect((await county.get(`/api/household-groups/coverage?org=${townC}`)).json()).toMatchObject({
      households: 6,
      people: 12,
      groupsOffRule: 1,
    });
    // The county's figure has no households elsewhere grouped: only townC counts.
    const whole = (await county.get('/api/household-groups/coverage')).json();
    expect(whole.byOrg.find((o: { orgId: number }) => o.orgId === townC)).toMatchObject({
      groups: 2,
      households: 6,
      householdsTotal: 7,
    });
    expect(whole.byOrg.find((o: { orgId: number }) => o.orgId === fx.townA)).toMatchObject({
      groups: 0,
      households: 0,
    });
  });

  it('pairs cadres with poor households within the load rule and reports the gaps', async () => {
    expect((await county.patch('/api/service-rules', { pairingLoadMin: 1, pairingLoadMax: 2 })).statusCode).toBe(200);
    const x = fx.memberIn.townB;
    const y = fx.memberIn.villageA2;
    const pair = (householdId: number, cadreMemberId: number) =>
      county.post('/api/pairings', { householdId, cadreMemberId, startedOn: '2026-06-01' });
    expect((await pair(h[3], x)).json().error.code).toBe('residents.not_poor');
    const p1 = await pair(h[0], x);
    expect(p1.statusCode).toBe(200);
    expect(p1.json()).toMatchObject({
      householdId: h[0],
      householdHead: '户主1',
      cadreMemberId: x,
      cadreName: '西乡丙',
      cadreOrgName: '西乡镇党委',
      orgId: c1,
      endedOn: null,
    });
    expect((await pair(h[0], x)).json().error.code).toBe('residents.already_paired');
    const p2 = await pair(h[1], x);
    expect(p2.statusCode).toBe(200);
    const over = await pair(h[4], x);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('residents.pairing_load');
    expect((await pair(h[4], y)).statusCode).toBe(200);
    expect(
      (await county.post('/api/pairings', { householdId: h[4], cadreMemberId: y, startedOn: '2026-07-01' })).json()
        .error.code,
    ).toBe('residents.in_future');

    let gaps = (await county.get(`/api/pairings/gaps?org=${townC}`)).json();
    expect(gaps).toMatchObject({
      poorHouseholds: 3,
      pairedHouseholds: 3,
      unpaired: [],
      unpairedTotal: 0,
      cadres: 2,
      overloaded: [],
      underloaded: [],
      loadMin: 1,
      loadMax: 2,
    });
    expect((await county.get(`/api/households/${h[0]}`)).json().cadres).toEqual([{ memberId: x, name: '西乡丙' }]);
    expect((await county.get(`/api/pairings?cadre=${x}`)).json().total).toBe(2);
    expect((await county.get(`/api/households?org=${townC}&paired=true`)).json().total).toBe(3);

    // Soft delete frees the load; restore takes it again.
    await county.delete(`/api/pairings/${p2.json().id}`);
    expect((await county.get(`/api/pairings/gaps?org=${townC}`)).json()).toMatchObject({
      pairedHouseholds: 2,
      unpairedTotal: 1,
    });
    expect((await county.post(`/api/pairings/${p2.json().id}/restore`)).statusCode).toBe(200);

    // An ended pairing leaves the household unpaired and the cadre's load lower.
    const ended = await county.post(`/api/pairings/${p2.json().id}/end`, { endedOn: '2026-06-15' });
    expect(ended.json().endedOn).toBe('2026-06-15');
    expect((await county.post(`/api/pairings/${p1.json().id}/end`, { endedOn: '2026-05-01' })).json().error.code).toBe(
      'validation',
    );
    gaps = (await county.get(`/api/pairings/gaps?org=${townC}`)).json();
    expect(gaps).toMatchObject({ poorHouseholds: 3, pairedHouseholds: 2, unpairedTotal: 1, cadres: 2 });
    expect(gaps.unpaired).toEqual([{ householdId: h[1], headName: '户主2', address: '北村2号', orgName: '北一村' }]);
    // Tighter rules: with a minimum of 2 both cadres (one household each) are under their load.
    await county.patch('/api/service-rules', { pairingLoadMin: 2, pairingLoadMax: 2 });
    gaps = (await county.get(`/api/pairings/gaps?org=${townC}`)).json();
    expect(gaps.underloaded.map((c: { memberId: number; load: number }) => [c.memberId, c.load]).sort()).toEqual(
      [
        [x, 1],
        [y, 1],
      ].sort(),
    );
    expect(gaps.overloaded).toEqual([]);
    // y takes the unpaired household (load 2); a maximum lowered to 1 leaves y over it.
    expect((await pair(h[1], y)).statusCode).toBe(200);
    await county.patch('/api/service-rules', { pairingLoadMin: 1, pairingLoadMax: 1 });
    gaps = (await county.get(`/api/pairings/gaps?org=${townC}`)).json();
    expect(gaps).toMatchObject({
      pairedHouseholds: 3,
      unpairedTotal: 0,
      unpaired: [],
      underloaded: [],
      loadMin: 1,
      loadMax: 1,
    });
    expect(gaps.overloaded).toEqual([{ memberId: y, name: '李四', orgName: '南村党支部', load: 2 }]);
    await county.delete('/api/service-rules/pairingLoadMin');
    await county.delete('/api/service-rules/pairingLoadMax');
    expect((await audits('pairing', p2.json().id)).map((a) => a.action)).toEqual([
      'pairing.create',
      'pairing.delete',
      'pairing.restore',
      'pairing.end',
    ]);
  });

  it('lets a township pair its households with a cadre of a county organ, not households elsewhere', async () => {
    const poorA1 = (await sec.get('/api/households?poor=true')).json().items[0];
    const res = await town.post('/api/pairings', {
      householdId: poorA1.id,
      cadreMemberId: fx.memberIn.county,
      startedOn: '2026-06-10',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cadreName: '县直甲', cadreOrgName: '测试县委' });
    expect(
      (
        await town.post('/api/pairings', {
          householdId: h[0],
          cadreMemberId: fx.memberIn.townA,
          startedOn: '2026-06-10',
        })
      ).statusCode,
    ).toBe(404);
    expect((await townB.get('/api/pairings')).json().total).toBe(0);
    expect((await sec.get('/api/pairings')).json().total).toBe(1);
  });

  it('draws zones in communities only and assigns members of the county to them', async () => {
    const community = (
      await county.post('/api/orgs', { parentId: fx.townA, name: '东街社区党支部', type: 'branch', field: 'community' })
    ).json().id;
    expect((await town.post('/api/zones', { orgId: fx.villageA1, name: '一网格' })).json().error.code).toBe(
      'residents.zone_org',
    );
    const z = await town.post('/api/zones', { orgId: community, name: '一网格', area: '东街1-20号', households: 120 });
    expect(z.statusCode).toBe(200);
    const id = z.json().id;
    expect(z.json()).toMatchObject({
      orgName: '东街社区',
      name: '一网格',
      area: '东街1-20号',
      households: 120,
      members: [],
    });
    const assigned = await town.post(`/api/zones/${id}/members`, { memberId: fx.memberIn.county });
    expect(assigned.json().members).toEqual([
      { memberId: fx.memberIn.county, name: '县直甲', orgName: '测试县委', assignedOn: '2026-06-15' },
    ]);
    expect((await town.post(`/api/zones/${id}/members`, { memberId: fx.memberIn.county })).json().members).toHaveLength(
      1,
    );
    expect((await town.post(`/api/zones/${id}/members`, { memberId: 999999 })).statusCode).toBe(404);
    expect((await town.get('/api/zones?q=网格')).json().total).toBe(1);
    expect((await townB.get('/api/zones')).json().total).toBe(0);
    expect((await town.patch(`/api/zones/${id}`, { households: 130 })).json().households).toBe(130);
    expect((await town.delete(`/api/zones/${id}/members/${fx.memberIn.county}`)).json().members).toEqual([]);
    expect((await town.delete(`/api/zones/${id}/members/${fx.memberIn.county}`)).statusCode).toBe(404);
    await town.delete(`/api/zones/${id}`);
    expect((await town.get('/api/zones')).json().total).toBe(0);
    expect((await town.post(`/api/zones/${id}/restore`)).json().deletedAt).toBeNull();
    expect((await audits('zone', id)).map((a) => a.action)).toEqual([
      'zone.create',
      'zone.assign',
      'zone.update',
      'zone.unassign',
      'zone.delete',
      'zone.restore',
    ]);
  });
});
