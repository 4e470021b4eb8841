/**
 * Inspections on both databases: the flow's moves as a table (every state × move allowed or refused with its
 * code); a finding opens a problem linked back by `inspection_finding:<id>`, in one transaction (a refused problem
 * leaves no finding); a visited organization outside the issuer's subtree is refused; an unannounced inspection
 * is invisible to the visited branch until completed, and then it sees its own visit only; the figure by kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';
import { png } from '../files.js';

const TEAM = [
  { name: '王督查', title: '县委组织部副部长', leader: true },
  { name: '李组员', title: '组织科科长' },
];

describe.each(dialects())('inspections on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
  });
  afterAll(() => env.close());

  async function plan(by: Client, body: Record<string, unknown> = {}) {
    const res = await by.post('/api/inspections', {
      orgId: fx.townA,
      kind: 'quarterly',
      title: '2026年第二季度党建督查',
      startsOn: '2026-06-01',
      endsOn: '2026-06-30',
      team: TEAM,
      visitOrgIds: [fx.villageA1, fx.villageA2],
      ...body,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  /** An inspection of townA brought to a state through the API. */
  async function inState(state: string) {
    const i = await plan(townA);
    if (state === 'planned') return i;
    if (state === 'cancelled') {
      expect((await townA.post(`/api/inspections/${i.id}/cancel`, { reason: '上级统一安排' })).statusCode).toBe(200);
      return i;
    }
    expect((await townA.post(`/api/inspections/${i.id}/start`, {})).statusCode).toBe(200);
    if (state === 'in_progress') return i;
    const visit = i.visitList[0];
    const put = await townA.request('PUT', `/api/inspections/${i.id}/visits/${visit.id}`, { visitedOn: '2026-06-10' });
    expect(put.statusCode, put.body).toBe(200);
    expect((await townA.post(`/api/inspections/${i.id}/complete`, {})).statusCode).toBe(200);
    return i;
  }

  it('moves as a table: each state × move allowed or refused with its code', async () => {
    const moves: Record<string, Record<string, unknown>> = {
      start: {},
      complete: {},
      reopen: { reason: '补充检查' },
      cancel: { reason: '上级统一安排' },
    };
    const expected: Record<string, Record<string, string>> = {
      planned: {
        start: 'in_progress',
        complete: 'workflow.move_refused',
        reopen: 'workflow.move_refused',
        cancel: 'cancelled',
      },
      in_progress: {
        start: 'workflow.move_refused',
        complete: 'completed',
        reopen: 'workflow.move_refused',
        cancel: 'cancelled',
      },
      completed: {
        start: 'workflow.move_refused',
        complete: 'workflow.move_refused',
        reopen: 'in_progress',
        cancel: 'workflow.move_refused',
      },
      cancelled: {
        start: 'workflow.move_refused',
        complete: 'workflow.move_refused',
        reopen: 'workflow.move_refused',
        cancel: 'workflow.move_refused',
      },
    };
    const got: Record<string, Record<string, string>> = {};
    for (const state of Object.keys(expected)) {
      got[state] = {};
      for (const [move, body] of Object.entries(moves)) {
        const i = await inState(state);
        // Completing needs a visit with a date: an inspection under way gets one first.
        if (state === 'in_progress' && move === 'complete')
          await townA.request('PUT', `/api/inspections/${i.id}/visits/${i.visitList[0].id}`, {
            visitedOn: '2026-06-11',
          });
        const res = await townA.post(`/api/inspections/${i.id}/${move}`, body);
        got[state][move] = res.statusCode === 200 ? res.json().status : res.json().error.code;
      }
    }
    expect(got).toEqual(expected);
  }, 120_000);

  it('refuses completing without a visit, cancelling without a reason, and moves by the visited side', async () => {
    const i = await inState('in_progress');
    expect((await townA.post(`/api/inspections/${i.id}/complete`, {})).json().error.code).toBe('inspections.no_visits');
    expect((await townA.post(`/api/inspections/${i.id}/cancel`, {})).json().error.code).toBe('workflow.field_required');
    // The branch visited sees the announced inspection but moves nothing.
    const seen = await secA1.get(`/api/inspections/${i.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ issuer: false, actions: [] });
    expect((await secA1.post(`/api/inspections/${i.id}/start`, {})).statusCode).toBe(403);
    // Another township neither sees nor moves it.
    expect((await townB.get(`/api/inspections/${i.id}`)).statusCode).toBe(404);
    expect((await townB.post(`/api/inspections/${i.id}/cancel`, { reason: 'x' })).statusCode).toBe(404);
  });

  it('refuses an issuer that is not the county or a township, a team without one leader, a visit outside', async () => {
    const base = {
      orgId: fx.townA,
      kind: 'quarterly',
      title: '督查',
      startsOn: '2026-06-01',
      endsOn: '2026-06-30',
      team: TEAM,
    };
    const branch = await county.post('/api/inspections', { ...base, orgId: fx.villageA1 });
    expect(branch.json().error.code).toBe('inspections.issuer_not_committee');
    const twoLeaders = await townA.post('/api/inspections', {
      ...base,
      team: TEAM.map((m) => ({ ...m, leader: true })),
    });
    expect(twoLeaders.json().error.code).toBe('inspections.team_leader');
    const outside = await county.post('/api/inspections', { ...base, visitOrgIds: [fx.villageB1] });
    expect(outside.json().error).toMatchObject({ code: 'inspections.visit_outside' });
    const dates = await townA.post('/api/inspections', { ...base, endsOn: '2026-05-01' });
    expect(dates.json().error.code).toBe('inspections.invalid_dates');
    const i = await plan(townA);
    const add = await townA.post(`/api/inspections/${i.id}/visits`, { orgId: fx.villageB1 });
    expect(add.json().error.code).toBe('inspections.visit_outside');
    const self = await townA.post(`/api/inspections/${i.id}/visits`, { orgId: fx.townA });
    expect(self.json().error.code).toBe('inspections.visit_outside');
    const twice = await townA.post(`/api/inspections/${i.id}/visits`, { orgId: fx.villageA1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('inspections.visit_taken');
    // The county plans for its own subtree: a township's village is below it.
    expect(
      (await county.post('/api/inspections', { ...base, orgId: fx.county, visitOrgIds: [fx.villageB1] })).statusCode,
    ).toBe(200);
  });

  it('records checklist results and a finding that opens a problem linked back, with its photo', async () => {
    const i = await inState('in_progress');
    const visit = i.visitList[0];
    const results = [
      { topic: 'meetings', result: 'partly', note: '党小组会记录不全' },
      { topic: 'dues', result: 'meets' },
    ];
    const put = await townA.request('PUT', `/api/inspections/${i.id}/visits/${visit.id}`, {
      visitedOn: '2026-06-12',
      score: 82,
      results,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      visitedOn: '2026-06-12',
      score: 82,
      results: [results[0], { ...results[1], note: null }],
    });
    const bad = await townA.request('PUT', `/api/inspections/${i.id}/visits/${visit.id}`, {
      results: [{ topic: 'economy', result: 'fails' }],
    });
    expect(bad.json().error.code).toBe('inspections.topic_not_listed');
    const late = await townA.request('PUT', `/api/inspections/${i.id}/visits/${visit.id}`, { visitedOn: '2026-07-02' });
    expect(late.json().error.code).toBe('inspections.visit_date_outside');

    const up = await townA.upload(`/api/inspections/${i.id}/visits/${visit.id}/photos`, png(), 'a.png', 'image/png');
    expect(up.statusCode, up.body).toBe(200);
    const photoId = up.json().id;
    const res = await townA.post(`/api/inspections/${i.id}/visits/${visit.id}/findings`, {
      text: '2026年第一季度党小组会无记录',
      category: 'organization',
      severity: 'major',
      dueOn: '2026-07-15',
      photoIds: [photoId],
    });
    expect(res.statusCode, res.body).toBe(200);
    const finding = res.json().findings[0];
    expect(finding).toMatchObject({ category: 'organization', severity: 'major', problemStatus: 'found' });
    expect(finding.photos.map((p: { id: number }) => p.id)).toEqual([photoId]);
    const problem = await env.ctx.db
      .selectFrom('problems')
      .selectAll()
      .where('id', '=', finding.problemId)
      .executeTakeFirstOrThrow();
    expect(problem).toMatchObject({
      source: 'inspection',
      source_ref: `inspection_finding:${finding.id}`,
      org_id: fx.villageA1,
      category: 'organization',
      due_on: '2026-07-15',
      found_on: '2026-06-12',
    });
    // The photo is served to the issuer, and the problem carries its copy.
    const got = await townA.get(`/api/inspections/${i.id}/photos/${photoId}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    const detail = (await townA.get(`/api/inspections/${i.id}`)).json();
    expect(detail).toMatchObject({ visits: 2, findings: 1, problems: 1 });
  });

  it('opens the problem in the same transaction: a refused problem leaves no finding', async () => {
    const i = await inState('in_progress');
    const visit = i.visitList[1];
    const findings = async () =>
      Number(
        (
          await env.ctx.db
            .selectFrom('inspection_findings')
            .select((e) => e.fn.countAll<number>().as('n'))
            .where('visit_id', '=', visit.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const res = await townA.post(`/api/inspections/${i.id}/visits/${visit.id}/findings`, {
      text: '活动阵地被挪作他用',
      category: 'no_such_category',
      severity: 'serious',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('problems.unknown_category');
    expect(await findings()).toBe(0);
    const photo = await townA.post(`/api/inspections/${i.id}/visits/${visit.id}/findings`, {
      text: '活动阵地被挪作他用',
      category: 'service',
      severity: 'serious',
      photoIds: [999999],
    });
    expect(photo.json().error.code).toBe('inspections.photo_unknown');
    expect(await findings()).toBe(0);
    const planned = await plan(townA);
    const early = await townA.post(`/api/inspections/${planned.id}/visits/${planned.visitList[0].id}/findings`, {
      text: 'x',
      category: 'service',
      severity: 'minor',
    });
    expect(early.json().error.code).toBe('inspections.not_running');
  });

  it('keeps an unannounced inspection from the visited branch until completed, then shows its own visit', async () => {
    const i = await plan(townA, { kind: 'unannounced', title: '随机暗访', visitOrgIds: [fx.villageA1, fx.villageA2] });
    expect(i.unannounced).toBe(true);
    const listed = async () => (await secA1.get('/api/inspections')).json().items.map((x: { id: number }) => x.id);
    expect(await listed()).not.toContain(i.id);
    expect((await secA1.get(`/api/inspections/${i.id}`)).statusCode).toBe(404);
    await townA.post(`/api/inspections/${i.id}/start`, {});
    for (const v of i.visitList)
      await townA.request('PUT', `/api/inspections/${i.id}/visits/${v.id}`, { visitedOn: '2026-06-05' });
    expect(await listed()).not.toContain(i.id);
    expect((await townA.post(`/api/inspections/${i.id}/complete`, {})).statusCode).toBe(200);
    expect(await listed()).toContain(i.id);
    const seen = (await secA1.get(`/api/inspections/${i.id}`)).json();
    expect(seen.visitList.map((v: { orgId: number }) => v.orgId)).toEqual([fx.villageA1]);
    expect(seen).toMatchObject({ issuer: false, visits: 1 });
    // The issuer sees both.
    expect((await townA.get(`/api/inspections/${i.id}`)).json().visitList).toHaveLength(2);
  });

  it('lists with filters and paging, exports, deletes and restores', async () => {
    const list = await county.get('/api/inspections?kind=unannounced&pageSize=5');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((x: { kind: string }) => x.kind === 'unannounced')).toBe(true);
    const i = await plan(townA, { title: '专项督查（删除测试）', kind: 'special' });
    expect((await townA.get('/api/inspections?q=删除测试')).json().total).toBe(1);
    expect((await townA.delete(`/api/inspections/${i.id}`)).statusCode).toBe(200);
    expect((await townA.get('/api/inspections?q=删除测试')).json().total).toBe(0);
    expect((await townA.get('/api/inspections?q=删除测试&deleted=true')).json().total).toBe(1);
    expect((await townA.post(`/api/inspections/${i.id}/restore`)).statusCode).toBe(200);
    const x = await townA.get('/api/inspections/export?kind=special');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });

  it('counts the figure by kind and by organization below', async () => {
    const res = await county.get(`/api/inspections/summary?org=${fx.townA}&from=2026-01-01&to=2026-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    const byKind = Object.fromEntries(f.byKind.map((k: { kind: string; visits: number }) => [k.kind, k]));
    // One finding opened one problem, at villageA1, in a quarterly inspection.
    expect(f.total).toMatchObject({ findings: 1, problems: 1, problemsClosed: 0 });
    expect(byKind.quarterly).toMatchObject({ findings: 1, problems: 1 });
    expect(byKind.unannounced).toMatchObject({ inspections: 1, visits: 2, orgsVisited: 2, findings: 0 });
    const a1 = f.rows.find((r: { orgId: number }) => r.orgId === fx.villageA1);
    expect(a1).toMatchObject({ findings: 1, problems: 1 });
    expect(f.total.visits).toBe(f.byKind.reduce((n: number, k: { visits: number }) => n + k.visits, 0));
    const x = await county.get(`/api/inspections/summary/export?org=${fx.townA}&from=2026-01-01&to=2026-12-31`);
    expect(x.statusCode).toBe(200);
  });
});
