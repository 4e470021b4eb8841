/**
 * Secretaries' annual reports through the API on both databases: a township opens a round with its panel (a
 * report due for each village), a secretary keeps a draft and submits its own report only, another township sees
 * nothing of it, a panel member grades on its sheet, the committee enters its grade and the residents' paper
 * ballots, closing combines them by the rule, the results table counts the grade per township (and as Excel),
 * a secretary graded 差 gets a follow-up; the moves allowed and refused by state.
 */
import { combineGrades, REPORTS_RULE_DEFAULTS } from '@dangjian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, login, openFixture, type TestEnv } from '../harness.js';

const TEXT =
  '一年来，本人认真履行抓基层党建第一责任人职责，落实“三会一课”制度，推进村集体经济发展，为群众办实事二十余件。';

describe('the combined grade', () => {
  const rules = { ...REPORTS_RULE_DEFAULTS };
  const none = { good: 0, fair_good: 0, average: 0, poor: 0 };
  it('weights the three parts and drops a part without ballots', () => {
    expect(
      combineGrades(rules, { committee: 'good', members: { ...none, good: 3 }, residents: { ...none, good: 10 } }),
    ).toEqual({ score: 100, grade: 'good' });
    // 50% × 80 + 30% × 100 + 20% × 60 = 82 → 较好
    expect(
      combineGrades(rules, {
        committee: 'fair_good',
        members: { ...none, good: 2 },
        residents: { ...none, average: 5 },
      }),
    ).toEqual({ score: 82, grade: 'fair_good' });
    // No residents: 50/80 × 30 + 30/80 × 60 = 41.25 → 差
    expect(combineGrades(rules, { committee: 'poor', members: { ...none, average: 1 }, residents: none })).toEqual({
      score: 41.3,
      grade: 'poor',
    });
    expect(combineGrades(rules, { committee: null, members: none, residents: none })).toBeNull();
  });
});

describe.each(dialects())('annual reports on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let memberA1: Client;
  let roundId: number;
  let a1: number;
  let a2: number;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1, memberA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
      memberA1: 't-member-a1',
    }));
  });
  afterAll(() => env.close());

  it('a township opens a round with its panel: a report due for each village', async () => {
    const bySec = await secA1.post('/api/reports/rounds', { year: 2026, title: '述职', deadline: '2026-12-31' });
    expect(bySec.statusCode).toBe(403);
    const outside = await townA.post('/api/reports/rounds', {
      year: 2026,
      title: '2026年度村党组织书记述职评议',
      deadline: '2026-12-31',
      panelMemberIds: [fx.memberIn.villageB1],
    });
    expect(outside.json().error.code).toBe('reports.panel_outside');
    const res = await townA.post('/api/reports/rounds', {
      year: 2026,
      title: '2026年度村党组织书记述职评议',
      deadline: '2026-12-31',
      panelMemberIds: [fx.memberIn.villageA1, fx.memberIn.townA],
    });
    expect(res.statusCode).toBe(200);
    roundId = res.json().id;
    expect(res.json()).toMatchObject({ reportsDue: 2, submitted: 0, organizer: true, status: 'open' });
    expect(
      res
        .json()
        .panel.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['东乡乙', '张三'].sort());
    const again = await townA.post('/api/reports/rounds', { year: 2026, title: '重复', deadline: '2026-12-31' });
    expect(again.statusCode).toBe(409);
    const list = (await townA.get(`/api/reports?round=${roundId}`)).json();
    expect(list.total).toBe(2);
    a1 = list.items.find((r: { orgId: number }) => r.orgId === fx.villageA1).id;
    a2 = list.items.find((r: { orgId: number }) => r.orgId === fx.villageA2).id;
  });

  it('the round is seen from below; another township sees neither the round nor a report', async () => {
    expect((await secA1.get(`/api/reports/rounds/${roundId}`)).json()).toMatchObject({ organizer: false });
    expect((await townB.get(`/api/reports/rounds/${roundId}`)).statusCode).toBe(404);
    expect((await townB.get(`/api/reports/${a1}`)).statusCode).toBe(404);
    expect((await townB.get('/api/reports/rounds')).json().total).toBe(0);
    expect((await secA1.get(`/api/reports/${a2}`)).statusCode).toBe(404);
    const mine = (await secA1.get('/api/reports?mine=true')).json();
    expect(mine.items.map((r: { id: number }) => r.id)).toEqual([a1]);
  });

  it('the secretary keeps a draft and submits its own report; the township cannot write it', async () => {
    expect((await townA.patch(`/api/reports/${a1}`, { content: TEXT })).statusCode).toBe(403);
    const short = await secA1.post(`/api/reports/${a1}/submit`, {});
    expect(short.json().error.code).toBe('reports.content_required');
    const draft = await secA1.patch(`/api/reports/${a1}`, {
      content: TEXT,
      attachments: [{ name: '述职报告.docx', url: '/files/1' }],
    });
    expect(draft.json()).toMatchObject({ status: 'draft', canWrite: true, actions: ['submit'] });
    const sub = await secA1.post(`/api/reports/${a1}/submit`, {});
    expect(sub.json()).toMatchObject({ status: 'submitted', submittedOn: expect.any(String), canWrite: false });
    expect((await secA1.patch(`/api/reports/${a1}`, { content: TEXT })).json().error.code).toBe('reports.not_draft');
  });

  it('a panel member grades on its sheet; one who is not on the panel cannot', async () => {
    expect((await memberA1.get(`/api/reports/${a1}`)).statusCode).toBe(403);
    const sheet = (await memberA1.get(`/api/reports/rounds/${roundId}/sheet`)).json();
    expect(sheet.items.map((r: { id: number; myGrade: null }) => [r.id, r.myGrade])).toEqual([[a1, null]]);
    expect(sheet.items[0].content).toContain('三会一课');
    const g = await memberA1.post(`/api/reports/${a1}/panel-grade`, { grade: 'fair_good' });
    expect(g.json().items[0]).toMatchObject({ myGrade: 'fair_good', panelGraded: 1 });
    await memberA1.post(`/api/reports/${a1}/panel-grade`, { grade: 'good' });
    expect((await townA.get(`/api/reports/${a1}`)).json()).toMatchObject({ panelGraded: 1, members: { good: 1 } });
    // Not submitted yet: not in grading.
    expect((await memberA1.post(`/api/reports/${a2}/panel-grade`, { grade: 'good' })).json().error.code).toBe(
      'reports.not_grading',
    );
    expect((await secA1.post(`/api/reports/${a1}/panel-grade`, { grade: 'good' })).statusCode).toBe(403);
    expect((await secA1.get(`/api/reports/rounds/${roundId}/sheet`)).json().error.code).toBe('reports.not_panelist');
    expect((await townB.get(`/api/reports/rounds/${roundId}/sheet`)).statusCode).toBe(404);
  });

  it('the committee grades with the residents’ ballots; closing combines them by the rule; publish', async () => {
    expect((await townA.post(`/api/reports/${a1}/grade`, {})).json().error.code).toBe(
      'reports.committee_grade_required',
    );
    expect((await county.post(`/api/reports/${a1}/committee-grade`, { committeeGrade: 'good' })).statusCode).toBe(200);
    const cg = await townA.post(`/api/reports/${a1}/committee-grade`, {
      committeeGrade: 'fair_good',
      committeeNote: '履职较好',
      residentsGood: 10,
      residentsFairGood: 5,
      residentsAverage: 5,
      residentsPoor: 0,
    });
    expect(cg.json()).toMatchObject({
      committeeGrade: 'fair_good',
      residents: { good: 10, fair_good: 5, average: 5, poor: 0 },
    });
    const graded = await townA.post(`/api/reports/${a1}/grade`, {});
    // 50% × 80 + 30% × 100 + 20% × (10×100 + 5×80 + 5×60)/20 = 40 + 30 + 17 = 87 → 较好
    expect(graded.json()).toMatchObject({ status: 'graded', score: 87, finalGrade: 'fair_good', actions: ['publish'] });
    expect((await memberA1.post(`/api/reports/${a1}/panel-grade`, { grade: 'poor' })).json().error.code).toBe(
      'reports.not_grading',
    );
    const pub = await townA.post(`/api/reports/${a1}/publish`, {});
    expect(pub.json().status).toBe('published');
    expect(pub.json().events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'graded', 'published']);
  });

  it('the results table per township, and as Excel', async () => {
    const res = (await county.get('/api/reports/results?year=2026')).json();
    expect(res).toMatchObject({ due: 2, submitted: 1, graded: 1, fair_good: 1 });
    const a = res.rows.find((r: { orgId: number }) => r.orgId === fx.townA);
    expect(a).toMatchObject({ due: 2, graded: 1, fair_good: 1, good: 0 });
    expect(res.rows.find((r: { orgId: number }) => r.orgId === fx.townB)).toMatchObject({ due: 0 });
    const x = await county.get('/api/reports/results/export?year=2026');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheet');
    expect((await townB.get(`/api/reports/results?year=2026&org=${fx.townA}`)).statusCode).toBe(404);
  });

  it('a secretary graded 差 is talked to, and a problem opened; a return needs its reason', async () => {
    const secA2 = await (async () => {
      const { insertUser, PASSWORD } = await import('../harness.js');
      const { hashPassword } = await import('../../src/platform/crypto.js');
      const org = await env.ctx.db
        .selectFrom('orgs')
        .select('org_path')
        .where('id', '=', fx.villageA2)
        .executeTakeFirstOrThrow();
      await insertUser(env.ctx.db, {
        tenant: fx.county,
        username: 't-sec-a2',
        role: 'branch_secretary',
        orgId: fx.villageA2,
        orgPath: org.org_path,
        hash: await hashPassword(PASSWORD),
        now: env.ctx.clock().toISOString(),
      });
      return login(env.app, 't-sec-a2');
    })();
    await secA2.patch(`/api/reports/${a2}`, { content: TEXT });
    await secA2.post(`/api/reports/${a2}/submit`, {});
    expect((await townA.post(`/api/reports/${a2}/return`, {})).statusCode).toBe(400);
    expect((await townA.post(`/api/reports/${a2}/return`, { note: '内容过于简单' })).json().status).toBe('draft');
    await secA2.post(`/api/reports/${a2}/submit`, {});
    expect(
      (await townA.post(`/api/reports/${a2}/followup`, { talkedOn: '2026-06-01', note: '约谈' })).json().error.code,
    ).toBe('reports.not_poor');
    await townA.post(`/api/reports/${a2}/committee-grade`, { committeeGrade: 'poor', residentsPoor: 10 });
    await memberA1.post(`/api/reports/${a2}/panel-grade`, { grade: 'average' });
    expect((await townA.post(`/api/reports/${a2}/grade`, {})).json()).toMatchObject({ finalGrade: 'poor' });
    const f = await townA.post(`/api/reports/${a2}/followup`, {
      talkedOn: '2026-06-01',
      note: '乡镇党委书记约谈，限期整改',
      openProblem: true,
    });
    expect(f.json()).toMatchObject({ followupOn: '2026-06-01', problemId: expect.any(Number) });
    const p = (await townA.get(`/api/problems/${f.json().problemId}`)).json();
    expect(p).toMatchObject({ source: 'other', orgId: fx.villageA2 });
  });
});
