import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestTitle } from '@dangjian/contracts';
import { escalateOverdue } from '../../src/areas/residents/requests/requests.escalation.js';
import { dialects, openFixture, type Client, type Fixture, type TestEnv } from '../harness.js';

import { DAY, requestBody, seedRequests, signInRequests } from './fixtures.js';

describe.each(dialects())('visits, requests and evaluations on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let county: Client, town: Client, townB: Client, sec: Client, member: Client, auditor: Client;
  const hh: number[] = [];
  let countyOrgan = 0;
  const request = (over: Record<string, unknown> = {}) => requestBody(fx.villageA1, over);

  const signIn = async () => {
    ({ county, town, townB, sec, member, auditor } = await signInRequests(env));
  };
  /** Moves the clock; sessions idle that long expire, so everyone signs in again. */
  const advance = async (ms: number) => {
    env.clock.advance(ms);
    await signIn();
  };

  beforeAll(async () => {
    ({ env, fx } = await openFixture(dialect));
    await signIn();
    const seeded = await seedRequests(env, fx, county);
    ({ countyOrgan } = seeded);
    hh.push(...seeded.hh);
  });
  afterAll(() => env.close());

  it('deadlines by rule: studied +7 days, coordinated +15, county override; on-the-spot needs a result', async () => {
    const now = env.ctx.clock().toISOString();
    const studied = (await sec.post('/api/requests', request())).json();
    expect(studied).toMatchObject({
      status: 'open',
      level: 'studied',
      acceptedAt: now,
      dueAt: new Date(Date.parse(now) + 7 * DAY).toISOString(),
      overdue: false,
      orgId: fx.villageA1,
      originOrgId: fx.villageA1,
      escalations: 0,
    });
    expect(studied.events.map((e: { kind: string }) => e.kind)).toEqual(['accepted']);
    const coordinated = (await sec.post('/api/requests', request({ level: 'coordinated' }))).json();
    expect(coordinated.dueAt).toBe(new Date(Date.parse(now) + 15 * DAY).toISOString());

    const bad = await sec.post('/api/requests', request({ level: 'on_the_spot' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('residents.on_the_spot_needs_result');
    const spot = (
      await sec.post('/api/requests', request({ level: 'on_the_spot', result: '当场联系村电工修复' }))
    ).json();
    expect(spot).toMatchObject({
      status: 'closed',
      closedAt: now,
      dueAt: null,
      result: '当场联系村电工修复',
      overdue: false,
    });
    expect(spot.events.map((e: { kind: string }) => e.kind)).toEqual(['accepted', 'closed']);

    expect((await county.patch('/api/service-rules', { studiedDays: 3 })).statusCode).toBe(200);
    const shorter = (await sec.post('/api/requests', request())).json();
    expect(shorter.dueAt).toBe(new Date(Date.parse(now) + 3 * DAY).toISOString());
    expect((await sec.get(`/api/requests/${studied.id}`)).json().dueAt).toBe(studied.dueAt);
    expect((await county.delete('/api/service-rules/studiedDays')).json().rules.studiedDays).toBe(7);

    // A paper record entered later keeps its acceptance time and so its deadline: already overdue here.
    const paper = (
      await sec.post('/api/requests', request({ acceptedAt: new Date(Date.parse(now) - 10 * DAY).toISOString() }))
    ).json();
    expect(paper).toMatchObject({
      acceptedAt: new Date(Date.parse(now) - 10 * DAY).toISOString(),
      dueAt: new Date(Date.parse(now) - 3 * DAY).toISOString(),
      overdue: true,
    });
    const future = await sec.post(
      '/api/requests',
      request({ acceptedAt: new Date(Date.parse(now) + DAY).toISOString() }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('residents.in_future');
    expect((await sec.post('/api/requests', request({ acceptedAt: 'yesterday' }))).statusCode).toBe(400);

    // Out of the way of the escalation test: deleted requests are neither listed nor escalated.
    for (const id of [studied.id, coordinated.id, spot.id, shorter.id, paper.id])
      expect((await sec.delete(`/api/requests/${id}`)).statusCode).toBe(200);
    expect((await sec.get('/api/requests?deleted=true')).json().total).toBe(5);
    expect((await sec.post(`/api/requests/${spot.id}/restore`)).json().deletedAt).toBeNull();
  });

  it('flips overdue with the clock, escalates village → township once (idempotent); the township sees it', async () => {
    const r = (await sec.post('/api/requests', request({ description: '自来水管爆裂' }))).json();
    const onTime = (await sec.post('/api/requests', request({ description: '按时办结的诉求' }))).json();
    expect((await sec.post(`/api/requests/${onTime.id}/close`, { result: '已修复' })).statusCode).toBe(200);

    await advance(7 * DAY - 60_000);
    expect((await sec.get(`/api/requests/${r.id}`)).json().overdue).toBe(false);
    expect((await sec.get('/api/requests?overdue=true')).json().total).toBe(0);
    await advance(2 * 60_000);
    expect((await sec.get(`/api/requests/${r.id}`)).json().overdue).toBe(true);
    const secOverdue = (await sec.get('/api/requests?overdue=true')).json();
    expect(secOverdue.items.map((i: { id: number }) => i.id)).toEqual([r.id]);

    const run = await county.post('/api/jobs/escalate');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().escalated).toBe(1);
    const after = (await town.get(`/api/requests/${r.id}`)).json();
    expect(after).toMatchObject({
      orgId: fx.townA,
      orgName: '东乡镇党委',
      originOrgId: fx.villageA1,
      escalations: 1,
      escalatedAt: env.ctx.clock().toISOString(),
      overdue: true,
      status: 'open',
    });
    const esc = after.events.find((e: { kind: string }) => e.kind === 'escalated');
    expect(esc).toMatchObject({ actorName: null, fromOrg: { id: fx.villageA1 }, toOrg: { id: fx.townA } });
    const townOverdue = (await town.get('/api/requests?overdue=true')).json();
    expect(townOverdue.items).toEqual([expect.objectContaining({ id: r.id, orgId: fx.townA, overdue: true })]);
    expect(townOverdue.total).toBe(1);
    // The village no longer handles it, but still sees what it accepted.
    expect((await sec.get('/api/requests?overdue=true')).json().total).toBe(0);
    expect(
      (await sec.get('/api/requests?view=accepted&overdue=true')).json().items.map((i: { id: number }) => i.id),
    ).toEqual([r.id]);
    expect((await sec.get(`/api/requests/${r.id}`)).statusCode).toBe(200);

    // Same day, later, and days later: not moved again (escalated since its due date).
    await advance(3 * 3_600_000);
    expect((await county.post('/api/jobs/escalate')).json().escalated).toBe(0);
    expect((await escalateOverdue(env.ctx, new Date(env.ctx.clock().getTime() + 3 * DAY))).escalated).toBe(0);
    expect((await town.get(`/api/requests/${r.id}`)).json()).toMatchObject({ orgId: fx.townA, escalations: 1 });

    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_id', 'tenant_id'])
      .where('action', '=', 'request.escalate')
      .execute();
    expect(audit).toEqual([{ actor_id: null, entity_id: String(r.id), tenant_id: fx.county }]);
    const notes = await env.ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('kind', '=', 'request.escalated')
      .execute();
    expect(notes).toEqual([{ user_id: fx.users.townA.id, kind: 'request.escalated' }]);
    // The notice names the request by what it is and links to its page, never by its database id.
    const note = await env.ctx.db
      .selectFrom('notifications')
      .select(['body', 'link'])
      .where('kind', '=', 'request.escalated')
      .executeTakeFirstOrThrow();
    expect(note.body).toContain(`「${requestTitle(r).zh}」`);
    expect(note.body).toContain(r.requestNo);
    expect(note.body).not.toMatch(/#\d/);
    expect(note.link).toBe(`/requests/${r.id}`);

    // Only the county (service.rules) runs the job by hand.
    expect((await town.post('/api/jobs/escalate')).statusCode).toBe(403);
    expect((await sec.post('/api/jobs/escalate')).statusCode).toBe(403);
    // The township closes it; it is no longer overdue anywhere.
    expect((await town.post(`/api/requests/${r.id}/close`, { result: '更换水管' })).json()).toMatchObject({
      status: 'closed',
      overdue: false,
    });
    expect((await town.get('/api/requests?overdue=true')).json().total).toBe(0);
  });

  it('reopens on 不满意 once with a new deadline; a second 不满意 stays closed; the rule sets the limit', async () => {
    const r = (await sec.post('/api/requests', request({ description: '低保申请' }))).json();
    expect((await sec.post(`/api/requests/${r.id}/rate`, { rating: 'satisfied' })).json().error.code).toBe(
      'residents.request_not_closed',
    );
    await sec.post(`/api/requests/${r.id}/close`, { result: '已提交审核' });
    const now = env.ctx.clock().toISOString();
    const reopened = (await sec.post(`/api/requests/${r.id}/rate`, { rating: 'dissatisfied' })).json();
    expect(reopened).toMatchObject({
      status: 'reopened',
      reopened: 1,
      closedAt: null,
      rating: null,
      dueAt: new Date(Date.parse(now) + 7 * DAY).toISOString(),
      overdue: false,
    });
    expect(reopened.events.map((e: { kind: string }) => e.kind)).toEqual(['accepted', 'closed', 'rated', 'reopened']);
    expect((await sec.post(`/api/requests/${r.id}/close`, { result: '已落实低保' })).json().status).toBe('closed');
    const second = (await sec.post(`/api/requests/${r.id}/rate`, { rating: 'dissatisfied' })).json();
    expect(second).toMatchObject({ status: 'closed', reopened: 1, rating: 'dissatisfied' });
    expect((await sec.post(`/api/requests/${r.id}/rate`, { rating: 'satisfied' })).json().error.code).toBe(
      'residents.already_rated',
    );
    expect((await sec.post(`/api/requests/${r.id}/close`, { result: 'x' })).json().error.code).toBe(
      'residents.request_closed',
    );

    await county.patch('/api/service-rules', { reopenLimit: 2 });
    const r2 = (await sec.post('/api/requests', request({ level: 'on_the_spot', result: '当场答复' }))).json();
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const rated = (await sec.post(`/api/requests/${r2.id}/rate`, { rating: 'dissatisfied' })).json();
      statuses.push(`${rated.status}:${rated.reopened}`);
      if (rated.status === 'reopened') {
        // An on-the-spot request reopened gets the studied deadline.
        expect(rated.dueAt).toBe(new Date(env.ctx.clock().getTime() + 7 * DAY).toISOString());
        await sec.post(`/api/requests/${r2.id}/close`, { result: `第${i + 1}次重新办理` });
      }
    }
    expect(statuses).toEqual(['reopened:1', 'reopened:2', 'closed:2']);
    await county.delete('/api/service-rules/reopenLimit');
  });

  it('transfers to a county department (outside the village subtree) or a named department; views follow', async () => {
    const r = (await sec.post('/api/requests', request({ category: 'land', description: '山林权属争议' }))).json();
    expect((await sec.post(`/api/requests/${r.id}/transfer`, { note: '无对象' })).json().error.code).toBe(
      'residents.transfer_target',
    );
    const byDept = (
      await sec.post(`/api/requests/${r.id}/transfer`, { department: '镇林业站', note: '请协助' })
    ).json();
    expect(byDept).toMatchObject({ orgId: fx.villageA1, department: '镇林业站' });
    const moved = (
      await sec.post(`/api/requests/${r.id}/transfer`, { toOrgId: countyOrgan, note: '转县水利局' })
    ).json();
    expect(moved).toMatchObject({
      orgId: countyOrgan,
      orgName: '县水利局党支部',
      originOrgId: fx.villageA1,
      department: null,
    });
    const ev = moved.events.filter((e: { kind: string }) => e.kind === 'transferred');
    expect(ev[1]).toMatchObject({ fromOrg: { id: fx.villageA1 }, toOrg: { id: countyOrgan } });

    const handling = (await sec.get('/api/requests?pageSize=100')).json().items.map((i: { id: number }) => i.id);
    const accepted = (await sec.get('/api/requests?view=accepted&pageSize=100'))
      .json()
      .items.map((i: { id: number }) => i.id);
    expect(handling).not.toContain(r.id);
    expect(accepted).toContain(r.id);
    expect(
      (await county.get(`/api/requests?org=${countyOrgan}`)).json().items.map((i: { id: number }) => i.id),
    ).toEqual([r.id]);
    // The village may read and rate what it accepted, but no longer act on it.
    expect((await sec.get(`/api/requests/${r.id}`)).statusCode).toBe(200);
    expect((await sec.post(`/api/requests/${r.id}/close`, { result: 'x' })).statusCode).toBe(403);
    expect((await town.get(`/api/requests/${r.id}`)).statusCode).toBe(200);
    expect((await townB.get(`/api/requests/${r.id}`)).statusCode).toBe(404);
    expect((await county.post(`/api/requests/${r.id}/close`, { result: '已确权' })).json().status).toBe('closed');
    expect((await sec.post(`/api/requests/${r.id}/rate`, { rating: 'satisfied' })).json().rating).toBe('satisfied');
    expect((await sec.post(`/api/requests/${r.id}/transfer`, { toOrgId: 999999, note: 'x' })).statusCode).toBe(403);
  });

  it('keeps each side to its scope: the village sees its own, other township 404, member and auditor 403', async () => {
    const a2 = (await town.post('/api/requests', request({ orgId: fx.villageA2, description: '南村的诉求' }))).json();
    expect((await sec.post('/api/requests', request({ orgId: fx.villageA2 }))).statusCode).toBe(404);
    const secItems = (await sec.get('/api/requests?pageSize=500')).json().items as {
      id: number;
      orgId: number;
      originOrgId: number;
    }[];
    expect(secItems.length).toBeGreaterThan(0);
    expect(secItems.every((i) => i.orgId === fx.villageA1)).toBe(true);
    expect(secItems.map((i) => i.id)).not.toContain(a2.id);
    expect((await sec.get(`/api/requests/${a2.id}`)).statusCode).toBe(404);
    expect((await townB.get(`/api/requests/${a2.id}`)).statusCode).toBe(404);
    expect((await townB.post(`/api/requests/${a2.id}/close`, { result: 'x' })).statusCode).toBe(404);
    expect((await townB.get('/api/requests')).json().total).toBe(0);
    for (const c of [member, auditor]) {
      expect((await c.get('/api/requests')).statusCode).toBe(403);
      expect((await c.get(`/api/requests/${a2.id}`)).statusCode).toBe(403);
      expect((await c.get('/api/visits')).statusCode).toBe(403);
      expect((await c.get('/api/evaluations')).statusCode).toBe(403);
    }
    expect((await member.post('/api/requests', request())).statusCode).toBe(403);
    // Filters: category and a search by the full phone number.
    const withPhone = (
      await sec.post('/api/requests', request({ category: 'medical', phone: '13912345678', description: '看病难' }))
    ).json();
    expect(withPhone.phone).toBe('139****5678');
    expect((await sec.get('/api/requests?category=medical')).json().items.map((i: { id: number }) => i.id)).toEqual([
      withPhone.id,
    ]);
    expect((await sec.get('/api/requests?q=13912345678')).json().items.map((i: { id: number }) => i.id)).toEqual([
      withPhone.id,
    ]);
    expect((await sec.get(`/api/requests?q=${encodeURIComponent('看病')}`)).json().total).toBe(1);
    expect((await sec.post(`/api/requests/${withPhone.id}/reveal`, { fields: ['phone'] })).json().phone).toBe(
      '13912345678',
    );
    expect((await town.post(`/api/requests/${withPhone.id}/reveal`, { fields: ['phone'] })).statusCode).toBe(403);
  });

  it('prints the commitment and feedback cards, escaped and without full phone numbers', async () => {
    const r = (
      await sec.post(
        '/api/requests',
        request({
          residentName: '<b>冯六</b>',
          phone: '13987654321',
          description: '请联系我 13987654321 <script>alert(1)</script>',
          ownerName: '张三',
        }),
      )
    ).json();
    const c = await sec.get(`/api/requests/${r.id}/card?type=commitment`);
    expect(c.statusCode).toBe(200);
    expect(c.headers['content-type']).toContain('text/html');
    expect(c.body).toContain('为民服务承诺卡');
    expect(c.body).toContain('东村党支部');
    expect(c.body).toContain('研究办');
    expect(c.body).toContain('张三');
    expect(c.body).toContain('139****4321');
    expect(c.body).toContain('&lt;b&gt;冯六&lt;/b&gt;');
    expect(c.body).not.toContain('<script>');
    expect(c.body).not.toContain('13987654321');
    const due = new Date(Date.parse(r.dueAt) + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(c.body).toContain(`${Number(due.slice(0, 4))}年${Number(due.slice(5, 7))}月${Number(due.slice(8, 10))}日前`);
    await sec.post(`/api/requests/${r.id}/close`, { result: '已回电 13987654321 说明情况' });
    await sec.post(`/api/requests/${r.id}/rate`, { rating: 'fairly_satisfied' });
    const f = await sec.get(`/api/requests/${r.id}/card?type=feedback`);
    expect(f.body).toContain('为民服务反馈卡');
    expect(f.body).toContain('☑ 基本满意');
    expect(f.body).toContain('☐ 满意');
    expect(f.body).not.toContain('13987654321');
    expect((await townB.get(`/api/requests/${r.id}/card?type=feedback`)).statusCode).toBe(404);
  });
});
