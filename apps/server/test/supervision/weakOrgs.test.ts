/**
 * Weak and lax organizations through the API on both databases: only the county flags; one open file per
 * organization; a branch sees its own file and not a sibling's; the plan before the rectification; check-ups once
 * a month over the four topics; the acceptance rule at its edges (70 and exactly half pass; 69.9 or half + 1
 * fail) and the release after a passing acceptance only; the file's history on its timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/platform/crypto.js';
import {
  type Client,
  dialects,
  type Fixture,
  insertUser,
  login,
  openFixture,
  PASSWORD,
  type TestEnv,
} from '../harness.js';
import { acceptanceBody, checkupBody, flag, flagBody, PLAN } from './weakOrgs-kit.js';

describe.each(dialects())('weak organizations on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let secA2: Client;
  let a1: number;
  let a2: number;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
    // A second branch secretary, of 南村 (a sibling of 东村).
    const org = await env.ctx.db
      .selectFrom('orgs')
      .select('org_path')
      .where('id', '=', fx.villageA2)
      .executeTakeFirst();
    await insertUser(env.ctx.db, {
      tenant: fx.county,
      username: 't-sec-a2',
      role: 'branch_secretary',
      orgId: fx.villageA2,
      orgPath: org!.org_path,
      hash: await hashPassword(PASSWORD),
      now: env.ctx.clock().toISOString(),
    });
    secA2 = await login(env.app, 't-sec-a2');
  });
  afterAll(() => env.close());

  it('only the county flags, a grassroots organization, once while its file is open', async () => {
    const byTown = await townA.post('/api/weak-orgs', flagBody(fx.villageA1));
    expect(byTown.statusCode).toBe(403);
    a1 = await flag(county, fx.villageA1);
    const again = await county.post('/api/weak-orgs', flagBody(fx.villageA1));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('weakOrgs.already_open');
    expect(again.json().error.message).toContain('已有正在整顿');
    for (const orgId of [fx.townA, fx.groupA1]) {
      const res = await county.post('/api/weak-orgs', flagBody(orgId));
      expect(res.json().error.code).toBe('weakOrgs.not_grassroots');
    }
    const noReason = await county.post('/api/weak-orgs', flagBody(fx.villageA2, { reasons: [] }));
    expect(noReason.json().error.code).toBe('weakOrgs.reason_required');
    const other = await county.post('/api/weak-orgs', flagBody(fx.villageA2, { reasons: ['other'], reasonText: '' }));
    expect(other.json().error.code).toBe('weakOrgs.other_needs_text');
    a2 = await flag(county, fx.villageA2, { reasons: ['life'], listed: false });
    const file = (await county.get(`/api/weak-orgs/${a1}`)).json();
    expect(file).toMatchObject({
      status: 'flagged',
      orgName: '东村党支部',
      townshipName: '东乡镇党委',
      reasons: ['disunited', 'economy'],
      leaderName: '王县委',
      listed: true,
      year: 2026,
      monthsInRectification: 3,
    });
    expect(file.events.map((e: { kind: string }) => e.kind)).toEqual(['flagged']);
  });

  it('a branch sees its own file only; another township sees neither', async () => {
    expect((await secA1.get(`/api/weak-orgs/${a1}`)).statusCode).toBe(200);
    expect((await secA1.get(`/api/weak-orgs/${a2}`)).statusCode).toBe(404);
    expect((await secA2.get(`/api/weak-orgs/${a1}`)).statusCode).toBe(404);
    const own = (await secA1.get('/api/weak-orgs')).json();
    expect(own.items.map((i: { id: number }) => i.id)).toEqual([a1]);
    expect((await townB.get(`/api/weak-orgs/${a1}`)).statusCode).toBe(404);
    expect((await townB.get('/api/weak-orgs')).json().total).toBe(0);
    expect((await townA.get('/api/weak-orgs')).json().total).toBe(2);
    // The branch reads but does not write: no moves, no check-ups.
    const seen = (await secA1.get(`/api/weak-orgs/${a1}`)).json();
    expect(seen.actions).toEqual([]);
    expect(seen.canCheckup).toBe(false);
    expect((await secA1.post(`/api/weak-orgs/${a1}/checkups`, checkupBody('2026-04'))).statusCode).toBe(403);
  });

  it('lists with search and filters', async () => {
    const q = (s: string) => county.get(`/api/weak-orgs?${s}`).then((r) => r.json());
    expect((await q('q=南村')).items.map((i: { id: number }) => i.id)).toEqual([a2]);
    expect((await q('reason=economy')).items.map((i: { id: number }) => i.id)).toEqual([a1]);
    expect((await q(`township=${fx.townA}`)).total).toBe(2);
    expect((await q(`township=${fx.townB}`)).total).toBe(0);
    expect((await q('year=2025')).total).toBe(0);
    expect((await q('status=flagged')).total).toBe(2);
    const xlsx = await county.get('/api/weak-orgs/export');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('the plan, check-ups, acceptances at the rule edges, and the release', async () => {
    const started = await townA.post(`/api/weak-orgs/${a1}/start`, {});
    expect(started.json().error.code).toBe('weakOrgs.plan_required');
    const leader = await townA.patch(`/api/weak-orgs/${a1}`, { leaderName: '李某' });
    expect(leader.statusCode).toBe(403);
    expect(leader.json().error.code).toBe('weakOrgs.county_only');
    const early = await townA.patch(`/api/weak-orgs/${a1}`, {
      measures: [{ content: '早于确定日期', dueOn: '2026-01-01' }],
    });
    expect(early.json().error.code).toBe('weakOrgs.measure_due');
    expect((await townA.patch(`/api/weak-orgs/${a1}`, PLAN)).statusCode).toBe(200);
    expect((await townA.post(`/api/weak-orgs/${a1}/start`, {})).json().status).toBe('rectifying');

    const c = await townA.post(`/api/weak-orgs/${a1}/checkups`, checkupBody('2026-04'));
    expect(c.statusCode).toBe(200);
    expect(c.json().checkups[0]).toMatchObject({ month: '2026-04', checkedBy: '王县委' });
    const twice = await townA.post(`/api/weak-orgs/${a1}/checkups`, checkupBody('2026-04'));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('weakOrgs.checkup_taken');
    const before = await townA.post(`/api/weak-orgs/${a1}/checkups`, checkupBody('2026-02'));
    expect(before.json().error.code).toBe('weakOrgs.checkup_month');
    const body = checkupBody('2026-05');
    const missing = await townA.post(`/api/weak-orgs/${a1}/checkups`, {
      ...body,
      items: [...body.items.slice(0, 3), body.items[0]],
    });
    expect(missing.json().error.code).toBe('weakOrgs.checkup_topics');

    // Not under acceptance yet: no acceptance recorded.
    expect((await townA.post(`/api/weak-orgs/${a1}/acceptances`, acceptanceBody(90, 0))).json().error.code).toBe(
      'weakOrgs.wrong_state',
    );
    expect((await townA.post(`/api/weak-orgs/${a1}/submit`, {})).json().status).toBe('accepting');
    const low = (await townA.post(`/api/weak-orgs/${a1}/acceptances`, acceptanceBody(69.9, 0))).json();
    expect(low.status).toBe('rectifying');
    expect(low.acceptances[0]).toMatchObject({ score: 69.9, passed: false, failures: ['score'] });
    await townA.post(`/api/weak-orgs/${a1}/submit`, {});
    const crowd = (await townA.post(`/api/weak-orgs/${a1}/acceptances`, acceptanceBody(95, 6))).json();
    expect(crowd.status).toBe('rectifying');
    expect(crowd.acceptances[1]).toMatchObject({ passed: false, failures: ['panel'] });
    await townA.post(`/api/weak-orgs/${a1}/submit`, {});
    const tooMany = await townA.post(`/api/weak-orgs/${a1}/acceptances`, acceptanceBody(80, 11));
    expect(tooMany.json().error.code).toBe('weakOrgs.dissatisfied_over_panel');
    // Release before a passing acceptance is refused.
    expect((await county.post(`/api/weak-orgs/${a1}/release`, {})).json().error.code).toBe('weakOrgs.not_accepted');
    const pass = (await townA.post(`/api/weak-orgs/${a1}/acceptances`, acceptanceBody(70, 5))).json();
    expect(pass.status).toBe('accepting');
    expect(pass.acceptances[2]).toMatchObject({ score: 70, passed: true, failures: [] });
    expect(pass.actions).toEqual([]);
    expect((await townA.post(`/api/weak-orgs/${a1}/release`, {})).statusCode).toBe(403);
    const county1 = (await county.get(`/api/weak-orgs/${a1}`)).json();
    expect(county1.actions).toEqual(['release', 'extend']);
    const released = (await county.post(`/api/weak-orgs/${a1}/release`, { note: '整顿达标' })).json();
    expect(released).toMatchObject({ status: 'released', releasedOn: '2026-06-15' });
    expect(released.events.map((e: { kind: string }) => e.kind)).toEqual([
      'flagged',
      'started',
      'checkup',
      'submitted',
      'assessed',
      'submitted',
      'assessed',
      'submitted',
      'assessed',
      'released',
    ]);
    expect((await townA.patch(`/api/weak-orgs/${a1}`, PLAN)).json().error.code).toBe('weakOrgs.file_closed');
    // Released, the organization may be flagged again.
    const again = await county.post('/api/weak-orgs', flagBody(fx.villageA1, { flaggedOn: '2026-06-15' }));
    expect(again.statusCode).toBe(200);
    await county.delete(`/api/weak-orgs/${again.json().id}`);
  });

  it('the county extends; a deleted file is restored unless another is open', async () => {
    await townA.patch(`/api/weak-orgs/${a2}`, PLAN);
    await townA.post(`/api/weak-orgs/${a2}/start`, {});
    expect((await townA.post(`/api/weak-orgs/${a2}/extend`, { reason: '整改未完成' })).statusCode).toBe(403);
    const ext = (await county.post(`/api/weak-orgs/${a2}/extend`, { reason: '集体经济项目未完工' })).json();
    expect(ext.status).toBe('extended');
    expect(ext.events.at(-1)).toMatchObject({ kind: 'extended', note: '集体经济项目未完工' });
    expect((await townA.delete(`/api/weak-orgs/${a2}`)).statusCode).toBe(403);
    expect((await county.delete(`/api/weak-orgs/${a2}`)).statusCode).toBe(200);
    expect((await county.get('/api/weak-orgs?deleted=true')).json().total).toBe(2);
    const b = await flag(county, fx.villageA2);
    const refused = await county.post(`/api/weak-orgs/${a2}/restore`, {});
    expect(refused.json().error.code).toBe('weakOrgs.already_open');
    await county.delete(`/api/weak-orgs/${b}`);
    expect((await county.post(`/api/weak-orgs/${a2}/restore`, {})).json().status).toBe('extended');
  });

  it('a finding of a check-up opens a problem linked back to the file', async () => {
    const res = await townA.post(`/api/weak-orgs/${a2}/checkups`, checkupBody('2026-05', true));
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().checkups.at(-1).items as { topic: string; problemId: number | null }[];
    expect(items.filter((i) => i.problemId).map((i) => i.topic)).toEqual(['economy']);
    const problem = (await townA.get(`/api/problems/${items[3]!.problemId}`)).json();
    expect(problem).toMatchObject({ source: 'inspection', sourceRef: `weak_org:${a2}`, category: 'key_work' });
    expect(problem.title).toContain('南村党支部');
    // The branch sees the problem of its own organization, not the sibling's.
    expect((await secA1.get(`/api/problems/${items[3]!.problemId}`)).statusCode).toBe(404);
  });

  it('the figure: flagged, in rectification, released, by reason and per township', async () => {
    const f = (await county.get('/api/stats/weak-orgs?from=2026-01-01&to=2026-12-31')).json();
    expect(f).toMatchObject({ flagged: 2, inRectification: 1, released: 1, failedAcceptances: 2 });
    expect(f.byReason.find((r: { reason: string }) => r.reason === 'economy').count).toBe(1);
    const rows = Object.fromEntries(f.rows.map((r: { orgName: string }) => [r.orgName, r]));
    expect(rows['东乡镇党委']).toMatchObject({ flagged: 2, inRectification: 1, released: 1 });
    expect(rows['西乡镇党委']).toMatchObject({ flagged: 0, inRectification: 0, released: 0 });
    // At the end of May both were open.
    const may = (await county.get('/api/stats/weak-orgs?from=2026-01-01&to=2026-05-31')).json();
    expect(may).toMatchObject({ flagged: 2, inRectification: 2, released: 0, failedAcceptances: 0 });
    expect((await townB.get(`/api/stats/weak-orgs?from=2026-01-01&to=2026-12-31&org=${fx.townA}`)).statusCode).toBe(
      404,
    );
    const xlsx = await county.get('/api/stats/weak-orgs/export?from=2026-01-01&to=2026-12-31');
    expect(xlsx.statusCode).toBe(200);
  });
});
