/**
 * Selections through the API on both databases: the county announces one; organizations below nominate members
 * of their own subtree within the quota; the county reviews (a rejection needs its reason); the vote — one secret
 * ballot per account, up to N choices of accepted candidates, the count for the organizer alone; winners named
 * off the count only with a reason; 公示 before publishing; the figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, login, openFixture, type TestEnv } from '../harness.js';

const DAY = 86_400_000;
const body = (more: Record<string, unknown> = {}) => ({
  year: 2026,
  title: '2026年度全县“十佳村干部”评选',
  kind: 'village_cadres',
  places: 1,
  categories: [],
  rules: '各乡镇推荐，全县投票，县委确定。',
  nominateFrom: '2026-06-01',
  nominateTo: '2026-06-20',
  voteFrom: '2026-06-21',
  voteTo: '2026-06-30',
  quotaPerOrg: 1,
  maxChoices: 1,
  publicizeDays: 5,
  ...more,
});

describe.each(dialects())('selections on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let memberA1: Client;
  let id: number;
  const nom: Record<string, number> = {};

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

  it('the county announces a selection, seen from below', async () => {
    expect((await secA1.post('/api/selections', body())).statusCode).toBe(403);
    expect((await townA.post('/api/selections', body({ orgId: fx.county }))).statusCode).toBe(404);
    const bad = await county.post('/api/selections', body({ voteFrom: '2026-06-10' }));
    expect(bad.json().error.code).toBe('selections.bad_windows');
    const res = await county.post('/api/selections', body());
    expect(res.statusCode).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'nominating', organizer: true, actions: [] });
    for (const c of [townB, secA1, memberA1]) expect((await c.get(`/api/selections/${id}`)).statusCode).toBe(200);
    expect((await secA1.get(`/api/selections/${id}`)).json()).toMatchObject({ organizer: false, canNominate: true });
    expect((await secA1.get('/api/selections')).json().total).toBe(1);
  });

  it('organizations nominate members of their own subtree within the quota', async () => {
    const outside = await townB.post(`/api/selections/${id}/nominations`, {
      memberId: fx.memberIn.villageA1,
      deeds: '带领群众致富',
    });
    expect(outside.json().error.code).toBe('selections.member_outside');
    const a1 = await secA1.post(`/api/selections/${id}/nominations`, {
      memberId: fx.memberIn.villageA1,
      deeds: '带领群众发展特色种植，村集体经济收入翻番',
      evidence: '乡镇推荐意见',
    });
    expect(a1.statusCode).toBe(200);
    const again = await townA.post(`/api/selections/${id}/nominations`, {
      memberId: fx.memberIn.villageA1,
      deeds: '再次',
    });
    expect(again.json().error.code).toBe('selections.already_nominated');
    await townA.post(`/api/selections/${id}/nominations`, { memberId: fx.memberIn.villageA2, deeds: '化解矛盾纠纷' });
    const full = await townA.post(`/api/selections/${id}/nominations`, { memberId: fx.memberIn.townA, deeds: '超额' });
    expect(full.json().error.code).toBe('selections.quota_full');
    await townB.post(`/api/selections/${id}/nominations`, { memberId: fx.memberIn.villageB1, deeds: '抗洪抢险' });
    expect(
      (await secA1.get(`/api/selections/${id}`)).json().nominations.map((n: { memberName: string }) => n.memberName),
    ).toEqual(['张三']);
    const all = (await county.get(`/api/selections/${id}`)).json().nominations;
    expect(all).toHaveLength(3);
    for (const n of all) nom[n.memberName] = n.id;
  });

  it('the county reviews: a rejection names its reason; then the vote opens', async () => {
    expect((await townA.post(`/api/selections/nominations/${nom['张三']}/review`, { accept: true })).statusCode).toBe(
      403,
    );
    const noReason = await county.post(`/api/selections/nominations/${nom['王五']}/review`, { accept: false });
    expect(noReason.json().error.code).toBe('selections.reason_required');
    await county.post(`/api/selections/nominations/${nom['王五']}/review`, { accept: false, reason: '材料不全' });
    await county.post(`/api/selections/nominations/${nom['张三']}/review`, { accept: true });
    const d = await county.post(`/api/selections/nominations/${nom['李四']}/review`, { accept: true });
    expect(d.json()).toMatchObject({ nominees: 2, actions: ['open_vote'] });
    expect((await townA.post(`/api/selections/${id}/open-vote`, {})).json().error.code).toBe(
      'selections.not_organizer',
    );
    expect((await county.post(`/api/selections/${id}/open-vote`, {})).json().status).toBe('voting');
    const late = await townB.post(`/api/selections/${id}/nominations`, { memberId: fx.memberIn.townB, deeds: '迟到' });
    expect(late.json().error.code).toBe('selections.not_nominating');
  });

  it('one secret ballot per account, up to N accepted candidates; the count for the organizer alone', async () => {
    const paper = (await memberA1.get(`/api/selections/${id}/ballot`)).json();
    expect(paper).toMatchObject({ open: true, myChoices: null });
    expect(paper.candidates.map((c: { memberName: string }) => c.memberName).sort()).toEqual(['张三', '李四'].sort());
    expect((await memberA1.post(`/api/selections/${id}/ballot`, { choices: [nom['王五']] })).json().error.code).toBe(
      'selections.not_candidate',
    );
    expect(
      (await memberA1.post(`/api/selections/${id}/ballot`, { choices: [nom['张三'], nom['李四']] })).json().error.code,
    ).toBe('selections.too_many_choices');
    const cast = await memberA1.post(`/api/selections/${id}/ballot`, { choices: [nom['李四']] });
    expect(cast.json()).toMatchObject({ myChoices: [nom['李四']], castAt: expect.any(String) });
    const twice = await memberA1.post(`/api/selections/${id}/ballot`, { choices: [nom['张三']] });
    expect(twice.json().error.code).toBe('selections.already_voted');
    await secA1.post(`/api/selections/${id}/ballot`, { choices: [nom['张三']] });
    await townB.post(`/api/selections/${id}/ballot`, { choices: [nom['李四']] });
    expect((await memberA1.get(`/api/selections/${id}/count`)).statusCode).toBe(403);
    expect((await townA.get(`/api/selections/${id}/count`)).statusCode).toBe(403);
    const count = (await county.get(`/api/selections/${id}/count`)).json();
    expect(count.ballots).toBe(3);
    expect(
      count.rows.map((r: { memberName: string; votes: number; rank: number }) => [r.memberName, r.votes, r.rank]),
    ).toEqual([
      ['李四', 2, 1],
      ['张三', 1, 2],
    ]);
    // The audit of a ballot says who and when, never for whom.
    const audit = await env.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'selection.vote').execute();
    expect(audit.filter((a) => Number(a.success))).toHaveLength(3);
    expect(audit.map((a) => a.changes)).toEqual(audit.map(() => null));
  });

  it('winners off the count need a reason; 公示 before publishing; the figure', async () => {
    const off = await county.post(`/api/selections/${id}/publicize`, { nominationIds: [nom['张三']] });
    expect(off.json().error.code).toBe('selections.winner_reason');
    const pub = await county.post(`/api/selections/${id}/publicize`, {
      nominationIds: [nom['张三']],
      reason: '经县委常委会研究，李四同志受到信访举报正在核查，暂缓评选',
    });
    expect(pub.json()).toMatchObject({ status: 'publicizing', winners: 1, winnerList: [{ memberName: '张三' }] });
    expect((await secA1.get(`/api/selections/${id}`)).json().winnerList).toEqual([
      { memberName: '张三', orgName: '东村党支部', category: null },
    ]);
    expect((await county.post(`/api/selections/${id}/publish`, {})).json().error.code).toBe(
      'selections.publicity_running',
    );
    env.clock.advance(6 * DAY);
    county = await login(env.app, 't-county');
    townA = await login(env.app, 't-town-a');
    townB = await login(env.app, 't-town-b');
    expect((await county.post(`/api/selections/${id}/publish`, {})).json().status).toBe('published');
    const f = (await county.get('/api/stats/selections?year=2026')).json();
    expect(f).toMatchObject({ selections: 1, nominees: 2, winners: 1 });
    const a = (await townA.get('/api/stats/selections?year=2026')).json();
    expect(a).toMatchObject({ selections: 0, nominees: 2, winners: 1 });
    expect((await townB.get('/api/stats/selections?year=2026')).json()).toMatchObject({ nominees: 0, winners: 0 });
  });
});
