/**
 * County leaders' contact points (联系点) on both databases: the county records a leader, a point and a weak
 * organization taken on, a visit with issues and solves one; a township reads the points of its subtree and their
 * leader, a sibling township sees nothing and may not write; the figure counts leaders, organizations, visits and
 * open issues of a year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

describe.each(dialects())('contact points on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let leaderId: number;
  let pointId: number;
  beforeAll(async () => {
    ({ env, fx, county, townA, townB } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
    }));
    const leader = await county.post('/api/contact-points/leaders', { name: '张志远', post: '县委常委、组织部长' });
    expect(leader.statusCode, leader.body).toBe(200);
    leaderId = leader.json().id;
    const point = await county.post('/api/contact-points', {
      leaderId,
      orgId: fx.villageA1,
      kind: 'guide',
      since: '2026-01-05',
    });
    expect(point.statusCode, point.body).toBe(200);
    pointId = point.json().id;
  });
  afterAll(() => env.close());

  it('records a visit with its issues and solves one', async () => {
    const v = await county.post(`/api/contact-points/${pointId}/visits`, {
      visitedOn: '2026-03-10',
      content: '召开支部委员会，指导三会一课',
      issues: ['会议记录不规范', '阵地设施老化'],
    });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ visits: 1, openIssues: 2, lastVisitOn: '2026-03-10' });
    const issueId = v.json().visitList[0].issues[0].id;
    const s = await county.post(`/api/contact-points/${pointId}/issues/${issueId}/solve`, {
      solvedOn: '2026-04-01',
      solution: '已建立会议记录台账',
    });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().openIssues).toBe(1);
    const again = await county.post(`/api/contact-points/${pointId}/issues/${issueId}/solve`, {
      solvedOn: '2026-04-01',
      solution: 'x',
    });
    expect(again.statusCode).toBe(409);
    const early = await county.post(`/api/contact-points/${pointId}/visits`, { visitedOn: '2025-12-01', content: 'x' });
    expect(early.json().error.code).toBe('contactPoints.before_since');
    const dup = await county.post('/api/contact-points', {
      leaderId,
      orgId: fx.villageA1,
      kind: 'guide',
      since: '2026-01-05',
    });
    expect(dup.statusCode).toBe(409);
  });

  it('lets a township read its part only; a sibling sees nothing; only the county writes', async () => {
    const mine = (await townA.get('/api/contact-points/leaders')).json();
    expect(mine.items.map((l: { id: number }) => l.id)).toEqual([leaderId]);
    expect(mine.items[0].points.map((p: { orgId: number }) => p.orgId)).toEqual([fx.villageA1]);
    expect((await townA.get(`/api/contact-points/${pointId}`)).statusCode).toBe(200);
    expect((await townB.get('/api/contact-points/leaders')).json().total).toBe(0);
    expect((await townB.get(`/api/contact-points/${pointId}`)).statusCode).toBe(404);
    expect((await townB.get(`/api/contact-points/leaders/${leaderId}`)).statusCode).toBe(404);
    const w = await townA.post(`/api/contact-points/${pointId}/visits`, { visitedOn: '2026-05-01', content: 'x' });
    expect(w.statusCode).toBe(403);
  });

  it('counts leaders, organizations, weak ones taken on, visits and open issues in the figure', async () => {
    const weak = await county.post('/api/contact-points', {
      leaderId,
      orgId: fx.villageB1,
      kind: 'weak_takeover',
      since: '2026-02-01',
    });
    expect(weak.statusCode, weak.body).toBe(200);
    const f = (await county.get('/api/contact-points/summary?year=2026')).json();
    expect(f).toMatchObject({ leaders: 1, organizations: 2, weakTakenOn: 1, visits: 1, issues: 2, openIssues: 1 });
    expect(f.rows.find((r: { orgId: number }) => r.orgId === fx.townA)).toMatchObject({ organizations: 1, visits: 1 });
    const a = (await townA.get('/api/contact-points/summary?year=2026')).json();
    expect(a).toMatchObject({ organizations: 1, weakTakenOn: 0 });
    expect((await county.delete(`/api/contact-points/${weak.json().id}`)).statusCode).toBe(200);
    expect((await county.get('/api/contact-points/summary?year=2026')).json().organizations).toBe(1);
    expect((await county.post(`/api/contact-points/${weak.json().id}/restore`)).statusCode).toBe(200);
  });
});
