/**
 * Pledges through the API on both databases: a member drafts its own pledge, submits it (定诺), the branch approves
 * (审诺) and publishes it (晒诺), the member records progress with a photo (EXIF stripped) and reports the
 * fulfilment with the problems solved (践诺), the branch accepts it; a fellow member and residents through the public
 * link evaluate it once each (评诺); the figure counts it. Members see their own and the published pledges only;
 * another township is 404; an organization's pledge is reviewed by the township; drafts are soft-deleted and
 * restored; the export and the figure answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/platform/crypto.js';
import * as members from '../../src/areas/core/members/members.service.js';
import { publishedPledgesOf } from '../../src/areas/assessment/pledges/pledges.repository.js';
import {
  type Client,
  dialects,
  type Fixture,
  insertUser,
  login,
  openFixture,
  PASSWORD,
  signInAll,
  type TestEnv,
  testIdNumber,
} from '../harness.js';
import { png, XLSX_TYPE } from '../files.js';

const PUBLIC = { 'x-requested-with': 'dangjian' };
const VOTER = 'phone-key-0123456789abcdef';

const draft = (more: Record<string, unknown> = {}) => ({
  kind: 'member',
  year: 2026,
  category: 'service',
  title: '结对帮扶1户困难家庭',
  content: '每月上门服务一次，帮助解决实际困难',
  dueOn: '2026-12-31',
  ...more,
});

describe.each(dialects())('pledges on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let member: Client;
  let peer: Client;
  let id: number;
  let token: string;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1, member } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
      member: 't-member-a1',
    }));
    // A fellow member of 东村 who evaluates.
    const peerId = (
      await members.create(env.ctx, fx.system, {
        orgId: fx.villageA1,
        name: '赵六',
        idNumber: testIdNumber(),
        gender: 'male',
        joinedAt: '2012-07-01',
      })
    ).id;
    const org = await env.ctx.db
      .selectFrom('orgs')
      .select('org_path')
      .where('id', '=', fx.villageA1)
      .executeTakeFirst();
    await insertUser(env.ctx.db, {
      tenant: fx.county,
      username: 't-peer-a1',
      role: 'member',
      orgId: fx.villageA1,
      orgPath: org!.org_path,
      memberId: peerId,
      hash: await hashPassword(PASSWORD),
      now: env.ctx.clock().toISOString(),
    });
    peer = await login(env.app, 't-peer-a1');
  });
  afterAll(() => env.close());

  it('a member drafts its own pledge; the due date lies in its year; a member cannot pledge for another', async () => {
    const bad = await member.post('/api/pledges', draft({ dueOn: '2027-01-10' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('pledges.due_out_of_year');
    const other = await member.post('/api/pledges', draft({ memberId: fx.memberIn.villageA2 }));
    expect(other.statusCode).toBe(403);
    const orgPledge = await member.post('/api/pledges', draft({ kind: 'org', category: 'practical' }));
    expect(orgPledge.statusCode).toBe(403);
    const res = await member.post('/api/pledges', draft());
    expect(res.statusCode).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'draft',
      kind: 'member',
      memberName: '张三',
      orgName: '东村党支部',
      actions: ['submit'],
      canEdit: true,
    });
    const changed = await member.patch(`/api/pledges/${id}`, { title: '结对帮扶2户困难家庭' });
    expect(changed.json().title).toBe('结对帮扶2户困难家庭');
  });

  it('the member submits; the branch returns it with a reason, then approves and publishes it', async () => {
    expect((await member.post(`/api/pledges/${id}/submit`, {})).json().status).toBe('submitted');
    expect((await member.patch(`/api/pledges/${id}`, { title: 'x' })).statusCode).toBe(409);
    const noReason = await secA1.post(`/api/pledges/${id}/return`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const back = await secA1.post(`/api/pledges/${id}/return`, { reason: '请写明帮扶对象' });
    expect(back.json()).toMatchObject({ status: 'returned', returnReason: '请写明帮扶对象' });
    await member.patch(`/api/pledges/${id}`, { content: '帮扶东村困难户李大爷，每月上门一次' });
    expect((await member.post(`/api/pledges/${id}/submit`, {})).json().status).toBe('submitted');
    expect((await member.post(`/api/pledges/${id}/approve`, {})).statusCode).toBe(403);
    expect((await townB.post(`/api/pledges/${id}/approve`, {})).statusCode).toBe(404);
    expect((await secA1.post(`/api/pledges/${id}/approve`, { note: '同意' })).json().status).toBe('approved');
    const pub = await secA1.post(`/api/pledges/${id}/publish`, {});
    expect(pub.json().status).toBe('published');
    token = pub.json().publicToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await member.get(`/api/pledges/${id}`)).json().publicToken).toBeNull();
  });

  it('the member records progress with a photo (EXIF stripped) and reports the fulfilment', async () => {
    const p = await member.post(`/api/pledges/${id}/progress`, { text: '已上门3次，帮助修缮房屋' });
    expect(p.json().progress).toHaveLength(1);
    const photo = await member.upload(
      `/api/pledges/${id}/photos`,
      png([['tEXt', 'GPS secret place']]),
      'a.png',
      'image/png',
    );
    expect(photo.statusCode).toBe(200);
    const body = await member.get(photo.json().url);
    expect(body.statusCode).toBe(200);
    expect(body.rawPayload.includes(Buffer.from('GPS secret place'))).toBe(false);
    expect((await peer.post(`/api/pledges/${id}/progress`, { text: '别人的' })).statusCode).toBe(403);
    const rep = await member.post(`/api/pledges/${id}/report`, {
      fulfilment: '全年上门12次，解决了住房漏雨和就医难',
      problemsSolved: 2,
      problemsText: '住房漏雨；就医难',
    });
    expect(rep.json()).toMatchObject({ status: 'reported', problemsSolved: 2 });
    expect(rep.json().progress.map((x: { kind: string }) => x.kind)).toEqual(['progress', 'fulfilment']);
  });

  it('evaluation waits for the acceptance; then a member and residents evaluate once each', async () => {
    const early = await peer.post(`/api/pledges/${id}/evaluations`, { rating: 'satisfied' });
    expect(early.json().error.code).toBe('pledges.evaluation_closed');
    const pubEarly = await env.app.inject({
      method: 'POST',
      url: `/api/public/pledges/${token}/evaluations`,
      headers: PUBLIC,
      payload: { rating: 'satisfied', voterKey: VOTER },
    });
    expect(pubEarly.statusCode).toBe(409);
    const acc = await secA1.post(`/api/pledges/${id}/accept`, {});
    expect(acc.json()).toMatchObject({
      status: 'fulfilled',
      fulfilledOn: '2026-06-15',
      evaluationEndsOn: '2026-07-15',
    });
    expect((await member.post(`/api/pledges/${id}/evaluations`, { rating: 'satisfied' })).json().error.code).toBe(
      'pledges.own_pledge',
    );
    const ev = await peer.post(`/api/pledges/${id}/evaluations`, { rating: 'satisfied', comment: '说到做到' });
    expect(ev.json().evaluations).toHaveLength(1);
    expect(ev.json().canEvaluate).toBe(false);
    const twice = await peer.post(`/api/pledges/${id}/evaluations`, { rating: 'fair' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('pledges.already_evaluated');
    // Residents: the public page shows the masked name, no sign-in; one evaluation per phone key.
    const page = await env.app.inject({ method: 'GET', url: `/api/public/pledges/${token}` });
    expect(page.json()).toMatchObject({ memberName: '张*', open: true, orgName: '东村党支部' });
    expect(page.body).not.toContain('张三');
    const noHeader = await env.app.inject({
      method: 'POST',
      url: `/api/public/pledges/${token}/evaluations`,
      payload: { rating: 'satisfied', voterKey: VOTER },
    });
    expect(noHeader.statusCode).toBe(403);
    const send = (key: string, rating: string) =>
      env.app.inject({
        method: 'POST',
        url: `/api/public/pledges/${token}/evaluations`,
        headers: PUBLIC,
        payload: { rating, voterKey: key, comment: '很好' },
      });
    expect((await send(VOTER, 'satisfied')).json().ratings).toEqual({ satisfied: 2, fair: 0, dissatisfied: 0 });
    expect((await send(VOTER, 'dissatisfied')).statusCode).toBe(409);
    expect((await send(`${VOTER}-2`, 'dissatisfied')).json().ratings.dissatisfied).toBe(1);
    const unknown = await env.app.inject({ method: 'GET', url: '/api/public/pledges/nosuchtoken-nosuchtoken' });
    expect(unknown.statusCode).toBe(404);
    const detail = (await secA1.get(`/api/pledges/${id}`)).json();
    expect(detail.evaluations.map((e: { evaluator: string }) => e.evaluator)).toEqual([
      'member',
      'resident',
      'resident',
    ]);
    expect(detail.evaluations[1].evaluatorName).toBeNull();
  });

  it('the branch closes the evaluation only after the window', async () => {
    const early = await secA1.post(`/api/pledges/${id}/close`, {});
    expect(early.json().error.code).toBe('pledges.window_open');
    env.clock.advance(31 * 86_400_000);
    // A month later the sessions have expired: sign in again.
    ({ county, townA, townB, secA1, member, peer } = await signInAll(env.app, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
      member: 't-member-a1',
      peer: 't-peer-a1',
    }));
    const closed = await secA1.post(`/api/pledges/${id}/close`, {});
    expect(closed.json().status).toBe('evaluated');
    expect(closed.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'submitted',
      'returned',
      'submitted',
      'approved',
      'published',
      'progress',
      'photo',
      'reported',
      'accepted',
      'evaluated',
      'evaluated',
      'evaluated',
      'closed',
    ]);
    const board = await publishedPledgesOf(env.ctx.db, fx.county, `/${fx.county}/`, 2026, 10);
    expect(board).toEqual([
      expect.objectContaining({
        id,
        orgName: '东村党支部',
        memberName: '张三',
        status: 'evaluated',
        fulfilledOn: '2026-06-15',
      }),
    ]);
  });

  it("an organization's pledge: made by the branch, reviewed by the township", async () => {
    const res = await secA1.post(
      '/api/pledges',
      draft({ kind: 'org', category: 'practical', title: '硬化村内道路1公里' }),
    );
    expect(res.json()).toMatchObject({ kind: 'org', memberId: null, status: 'draft' });
    const orgId = res.json().id;
    await secA1.post(`/api/pledges/${orgId}/submit`, {});
    const self = await secA1.post(`/api/pledges/${orgId}/approve`, {});
    expect(self.json().error.code).toBe('pledges.higher_reviews_org');
    expect((await townA.post(`/api/pledges/${orgId}/approve`, {})).json().status).toBe('approved');
    // The member does not see it until it is published.
    expect((await member.get(`/api/pledges/${orgId}`)).statusCode).toBe(404);
    await townA.post(`/api/pledges/${orgId}/publish`, {});
    expect((await member.get(`/api/pledges/${orgId}`)).statusCode).toBe(200);
  });

  it('lists: members their own and published ones; filters; another township sees nothing; export and figure', async () => {
    const mine = await member.post('/api/pledges', draft({ title: '带头参加公益劳动', category: 'post' }));
    const otherDraft = await peer.post('/api/pledges', draft({ title: '赵六的草稿' }));
    expect(otherDraft.statusCode).toBe(200);
    const seen = (await member.get('/api/pledges?pageSize=50')).json();
    expect(seen.items.map((p: { title: string }) => p.title)).not.toContain('赵六的草稿');
    expect(seen.items.map((p: { title: string }) => p.title)).toContain('带头参加公益劳动');
    expect((await member.get('/api/pledges?mine=true')).json().total).toBe(2);
    expect((await secA1.get('/api/pledges?kind=org')).json().total).toBe(1);
    expect((await secA1.get('/api/pledges?category=post&year=2026')).json().total).toBe(1);
    expect((await secA1.get('/api/pledges?q=赵六')).json().total).toBe(1);
    expect((await secA1.get(`/api/pledges?member=${fx.memberIn.villageA1}`)).json().total).toBe(2);
    expect((await townB.get('/api/pledges')).json().total).toBe(0);
    expect((await townB.get(`/api/pledges?org=${fx.villageA1}`)).statusCode).toBe(404);
    // Soft delete and restore of a draft; a published pledge is not deleted.
    const mineId = mine.json().id;
    expect((await member.delete(`/api/pledges/${mineId}`)).statusCode).toBe(200);
    expect((await member.get('/api/pledges?deleted=true')).json().total).toBe(1);
    expect((await member.post(`/api/pledges/${mineId}/restore`)).json().deletedAt).toBeNull();
    expect((await member.delete(`/api/pledges/${id}`)).json().error.code).toBe('pledges.only_drafts');
    const xlsx = await county.get('/api/pledges/export');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain(XLSX_TYPE);
    const fig = (await county.get('/api/stats/pledges?year=2026')).json();
    expect(fig.total).toMatchObject({
      made: 2,
      approved: 2,
      published: 2,
      fulfilled: 1,
      evaluated: 1,
      evaluations: 3,
      problemsSolved: 2,
    });
    expect(fig.total.satisfaction).toBeCloseTo(2 / 3, 2);
    expect(fig.member.made).toBe(1);
    expect(fig.org.made).toBe(1);
    expect(fig.rows.find((r: { orgId: number }) => r.orgId === fx.townA).counts.made).toBe(2);
    expect((await member.get('/api/stats/pledges?year=2026')).statusCode).toBe(403);
    expect((await county.get('/api/stats/pledges/export?year=2026')).statusCode).toBe(200);
  });
});
