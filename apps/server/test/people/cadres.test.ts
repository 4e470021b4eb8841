/**
 * The two committees (村两委) through the API on both databases: people and their posts by term, the election
 * analytics hand-computed on a small fixture (one person holding both posts counts once for 一肩挑; turnover; the
 * change of the average age), the joint review stopped by one unit and cleared by all, the filing flow, the scope (a
 * village sees its own, the county all, another township's id 404) and the exports opening.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

describe.each(dialects())('village committees on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  const id: Record<string, number> = {};

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
  });
  afterAll(() => env.close());

  const person = async (key: string, body: Record<string, unknown>) => {
    const res = await townA.post('/api/cadres', body);
    expect(res.statusCode, res.body).toBe(200);
    id[key] = res.json().id;
    return res.json();
  };
  const post = async (key: string, committee: string, p: string, term: number) => {
    const res = await townA.post(`/api/cadres/${id[key]}/posts`, {
      committee,
      post: p,
      term,
      startedOn: `${term}-03-01`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('keeps people and their posts across terms; a roster member gives the name; the phone is masked', async () => {
    const p1 = await person('p1', { orgId: fx.villageA1, memberId: fx.memberIn.villageA1 });
    expect(p1).toMatchObject({ name: '张三', gender: 'male', birthDate: '1980-05-06', orgName: '东村党支部' });
    expect(
      (await townA.post('/api/cadres', { orgId: fx.villageA1, memberId: fx.memberIn.villageA1 })).json().error.code,
    ).toBe('cadres.member_taken');
    expect((await townA.post('/api/cadres', { orgId: fx.villageA1, name: '无名' })).json().error.code).toBe(
      'cadres.person_required',
    );
    expect(
      (await townA.post('/api/cadres', { orgId: fx.townA, name: '乡', gender: 'male', birthDate: '1980-01-01' })).json()
        .error.code,
    ).toBe('cadres.not_village');
    await person('p2', { orgId: fx.villageA1, name: '钱二', gender: 'female', birthDate: '1960-01-01' });
    await person('p3', { orgId: fx.villageA1, name: '孙三', gender: 'male', birthDate: '1970-06-01' });
    await person('p4', {
      orgId: fx.villageA1,
      name: '周四',
      gender: 'female',
      birthDate: '1990-03-01',
      kinds: ['veteran'],
      education: 'bachelor',
    });
    await person('p5', {
      orgId: fx.villageA2,
      name: '吴五',
      gender: 'male',
      birthDate: '1985-01-01',
      kinds: ['returnee', 'rich_leader'],
      education: 'senior',
    });
    await person('p6', {
      orgId: fx.villageA2,
      name: '郑六',
      gender: 'female',
      birthDate: '1988-01-01',
      education: 'junior',
      phone: '13912345678',
    });
    // 2021: 张三 secretary and director (一肩挑), 钱二 on the party committee, 孙三 on the villagers' committee.
    await post('p1', 'party', 'secretary', 2021);
    await post('p1', 'villagers', 'director', 2021);
    await post('p2', 'party', 'member', 2021);
    await post('p3', 'villagers', 'member', 2021);
    // 2026: 张三 both again; 周四 deputy secretary and villagers' member; 南村: 吴五 secretary, 郑六 director.
    await post('p1', 'party', 'secretary', 2026);
    await post('p1', 'villagers', 'director', 2026);
    await post('p4', 'party', 'deputy_secretary', 2026);
    await post('p4', 'villagers', 'member', 2026);
    await post('p5', 'party', 'secretary', 2026);
    const detail = await post('p6', 'villagers', 'director', 2026);
    expect(detail.phone).not.toContain('12345678');
    const taken = await townA.post(`/api/cadres/${id.p6}/posts`, {
      committee: 'party',
      post: 'secretary',
      term: 2026,
      startedOn: '2026-03-01',
    });
    expect(taken.json().error.code).toBe('cadres.post_taken');
    const mismatch = await townA.post(`/api/cadres/${id.p6}/posts`, {
      committee: 'party',
      post: 'director',
      term: 2026,
      startedOn: '2026-03-01',
    });
    expect(mismatch.json().error.code).toBe('cadres.post_mismatch');
    // 钱二's 2021 post ends at the election, with a reason.
    const p2 = (await townA.get(`/api/cadres/${id.p2}`)).json();
    const postId = p2.posts[0].id;
    const noReason = await townA.patch(`/api/cadres/${id.p2}/posts/${postId}`, { endedOn: '2026-03-01' });
    expect(noReason.json().error.code).toBe('cadres.end_reason_required');
    const ended = await townA.patch(`/api/cadres/${id.p2}/posts/${postId}`, {
      endedOn: '2026-03-01',
      endReason: 'term_end',
    });
    expect(ended.json()).toMatchObject({ currentPosts: [], posts: [{ endedOn: '2026-03-01', endReason: 'term_end' }] });
    const history = (await townA.get(`/api/cadres/${id.p1}`)).json();
    expect(history.posts.map((p: { term: number }) => p.term)).toEqual([2026, 2026, 2021, 2021]);
    const list = (await county.get('/api/cadres?q=郑六')).json();
    expect(list.items[0].phone).toMatch(/^139\*+5678$/);
  });

  it('computes the election analytics by hand: 一肩挑 once, cross-membership, age change, turnover', async () => {
    const a = (await townA.get(`/api/elections/analytics?term=2026`)).json();
    expect(a).toMatchObject({
      orgId: fx.townA,
      term: 2026,
      previousTerm: 2021,
      villages: 2,
      oneShoulder: 1,
      oneShoulderShare: 0.5,
      villagersPeople: 3,
      cross: 2,
      crossShare: 0.6667,
      people: 4,
      posts: 6,
      // 45, 36, 41, 38 at their start in 2026; 40, 61, 50 in 2021.
      averageAge: 40,
      previousAverageAge: 50.3,
      ageChange: -10.3,
      highSchoolUp: 2,
      highSchoolUpShare: 0.5,
      women: 2,
      womenShare: 0.5,
      anyKind: 2,
      anyKindShare: 0.5,
      newPeople: 3,
      turnoverShare: 0.75,
    });
    expect(a.kinds).toContainEqual({ kind: 'veteran', count: 1, share: 0.25 });
    expect(a.kinds).toContainEqual({ kind: 'local_graduate', count: 0, share: 0 });
    expect(a.flags.find((f: { key: string }) => f.key === 'oneShoulderTargetPct')).toMatchObject({
      value: 50,
      target: 85,
      met: false,
    });
    const a1 = a.rows.find((r: { orgId: number }) => r.orgId === fx.villageA1);
    expect(a1).toMatchObject({ villages: 1, oneShoulder: 1, people: 2, newPeople: 1 });
    const c = (await county.get(`/api/elections/analytics?org=${fx.county}&term=2026`)).json();
    expect(c.rows.map((r: { orgId: number }) => r.orgId)).toEqual([fx.townA]);
    expect(c.people).toBe(4);
    expect((await townB.get(`/api/elections/analytics?org=${fx.townA}&term=2026`)).statusCode).toBe(404);
    expect((await townB.get('/api/elections/analytics?term=2026')).json().people).toBe(0);
    expect((await county.get('/api/elections/terms')).json().items).toEqual([2026, 2021]);
  });

  it('a village sees its own, the county all, another township 404', async () => {
    expect((await secA1.get('/api/cadres')).json().total).toBe(4);
    expect((await county.get('/api/cadres')).json().total).toBe(6);
    expect((await townB.get('/api/cadres')).json().total).toBe(0);
    expect((await townB.get(`/api/cadres/${id.p1}`)).statusCode).toBe(404);
    expect((await townB.patch(`/api/cadres/${id.p1}`, { note: 'x' })).statusCode).toBe(404);
    const body = { orgId: fx.villageA1, name: '外乡', gender: 'male', birthDate: '1980-01-01' };
    expect((await townB.post('/api/cadres', body)).statusCode).toBe(404);
    expect((await townA.post('/api/cadres', { orgId: fx.villageA1, memberId: fx.memberIn.villageB1 })).statusCode).toBe(
      404,
    );
    expect((await secA1.post('/api/cadres', body)).statusCode).toBe(403);
    expect((await county.get(`/api/cadres?post=secretary&term=2026`)).json().total).toBe(2);
    expect((await county.get(`/api/cadres?kind=veteran`)).json().total).toBe(1);
    // Soft delete and restore.
    expect((await townA.delete(`/api/cadres/${id.p3}`)).statusCode).toBe(200);
    expect((await county.get('/api/cadres?deleted=true')).json().total).toBe(1);
    expect((await townA.post(`/api/cadres/${id.p3}/restore`)).statusCode).toBe(200);
  });

  it('the joint review: one unit stops the candidate, all clearing clears', async () => {
    const units = ['discipline', 'police', 'organization'];
    const open = await townA.post('/api/cadres/reviews', {
      cadreId: id.p5,
      term: 2026,
      committee: 'party',
      post: 'secretary',
      units,
    });
    expect(open.statusCode, open.body).toBe(200);
    const rid = open.json().id;
    expect(open.json()).toMatchObject({ status: 'reviewing', cleared: 0 });
    expect((await townA.post(`/api/cadres/reviews/${rid}/clear`, { unit: 'discipline' })).statusCode).toBe(403);
    const one = (await county.post(`/api/cadres/reviews/${rid}/clear`, { unit: 'discipline' })).json();
    expect(one).toMatchObject({ status: 'reviewing', cleared: 1 });
    expect((await county.post(`/api/cadres/reviews/${rid}/clear`, { unit: 'court' })).json().error.code).toBe(
      'cadres.unit_not_asked',
    );
    expect((await county.post(`/api/cadres/reviews/${rid}/stop`, { unit: 'police' })).statusCode).toBe(400);
    const stopped = await county.post(`/api/cadres/reviews/${rid}/stop`, { unit: 'police', reason: '有违法记录' });
    expect(stopped.json()).toMatchObject({ status: 'stopped', stoppedBy: ['police'], actions: [] });
    expect(stopped.json().opinions).toContainEqual({
      unit: 'police',
      verdict: 'stop',
      reason: '有违法记录',
      on: '2026-06-15',
    });
    expect((await county.post(`/api/cadres/reviews/${rid}/clear`, { unit: 'organization' })).statusCode).toBe(409);
    const second = (
      await townA.post('/api/cadres/reviews', {
        cadreId: id.p4,
        term: 2026,
        committee: 'party',
        post: 'deputy_secretary',
        units: ['discipline', 'police'],
      })
    ).json();
    await county.post(`/api/cadres/reviews/${second.id}/clear`, { unit: 'police' });
    const cleared = (await county.post(`/api/cadres/reviews/${second.id}/clear`, { unit: 'discipline' })).json();
    expect(cleared).toMatchObject({ status: 'cleared', cleared: 2 });
    expect(cleared.events.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'unit_cleared', 'unit_cleared']);
    expect((await townB.get(`/api/cadres/reviews/${rid}`)).statusCode).toBe(404);
    expect((await secA1.get('/api/cadres/reviews')).json().total).toBe(1);
  });

  it('the filing flow: filed, returned with a reason, filed again, acknowledged', async () => {
    const notSecretary = await townA.post('/api/cadres/filings', {
      cadreId: id.p4,
      term: 2026,
      appointedOn: '2026-03-01',
    });
    expect(notSecretary.json().error.code).toBe('cadres.not_secretary');
    const filed = await townA.post('/api/cadres/filings', { cadreId: id.p1, term: 2026, appointedOn: '2026-03-01' });
    expect(filed.statusCode, filed.body).toBe(200);
    const fid = filed.json().id;
    expect(filed.json()).toMatchObject({ status: 'filed', cadreName: '张三', townshipName: '东乡镇党委' });
    expect(
      (await townA.post('/api/cadres/filings', { cadreId: id.p1, term: 2026, appointedOn: '2026-03-01' })).statusCode,
    ).toBe(409);
    expect((await townA.post(`/api/cadres/filings/${fid}/acknowledge`, {})).statusCode).toBe(403);
    expect(
      (await townB.post('/api/cadres/filings', { cadreId: id.p1, term: 2026, appointedOn: '2026-03-01' })).statusCode,
    ).toBe(404);
    const returned = await county.post(`/api/cadres/filings/${fid}/return`, { reason: '缺少联审意见' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '缺少联审意见', actions: ['refile'] });
    expect((await townA.post(`/api/cadres/filings/${fid}/refile`, {})).json().status).toBe('filed');
    const ack = (await county.post(`/api/cadres/filings/${fid}/acknowledge`, {})).json();
    expect(ack).toMatchObject({ status: 'acknowledged', acknowledgedOn: '2026-06-15' });
    expect(ack.events.map((e: { kind: string }) => e.kind)).toEqual(['filed', 'returned', 'refiled', 'acknowledged']);
    expect((await townB.get(`/api/cadres/filings/${fid}`)).statusCode).toBe(404);
    const fig = (await county.get('/api/stats/cadre-filings?year=2026')).json();
    expect(fig).toMatchObject({ filed: 1, acknowledged: 1, returned: 0, waiting: 0 });
  });

  it('exports open as workbooks', async () => {
    for (const url of [`/api/elections/analytics/export?org=${fx.townA}&term=2026`, '/api/cadres/export']) {
      const res = await county.get(url);
      expect(res.statusCode, url).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(1);
    }
  });
});
