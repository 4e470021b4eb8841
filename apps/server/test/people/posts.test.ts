/**
 * Posts for members (设岗定责) through the API on both databases: the branch defines its posts, gives a member of its
 * own one (not another's, not twice, not beyond capacity) and ends it with a reason; townships read, a sibling
 * township gets 404; coverage moves when a member without a post is given one; soft delete and restore.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

describe.each(dialects())('posts for members on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let id: number;

  beforeAll(async () => {
    ({ env, fx, townA, townB, secA1 } = await openFixture(dialect, {
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
  });
  afterAll(() => env.close());

  it('the branch defines a post; townships read, a sibling township does not see it', async () => {
    const body = { name: '环境整治岗', kind: 'environment', duties: '包保村道卫生', capacity: 1 };
    expect((await townA.post('/api/posts', body)).statusCode).toBe(403);
    const res = await secA1.post('/api/posts', body);
    expect(res.statusCode).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ orgName: '东村党支部', holders: 0, canEdit: true });
    expect((await townA.get('/api/posts')).json().total).toBe(1);
    expect((await townA.get(`/api/posts/${id}`)).json().canEdit).toBe(false);
    expect((await townB.get(`/api/posts/${id}`)).statusCode).toBe(404);
    expect((await townB.get('/api/posts')).json().total).toBe(0);
  });

  it('a member without a post is given one and coverage moves; its holding ends with a reason', async () => {
    const before = (await townA.get('/api/posts/coverage')).json();
    expect(before).toMatchObject({ members: 3, covered: 0, share: 0 });
    const uncovered = (await secA1.get('/api/posts/uncovered')).json();
    expect(uncovered.items.map((m: { name: string }) => m.name)).toEqual(['张三']);
    const other = await secA1.post(`/api/posts/${id}/holders`, { memberId: fx.memberIn.villageA2 });
    expect(other.statusCode).toBe(404);
    const given = await secA1.post(`/api/posts/${id}/holders`, { memberId: fx.memberIn.villageA1 });
    expect(given.statusCode).toBe(200);
    expect(given.json()).toMatchObject({ holders: 1, holderNames: ['张三'] });
    const again = await secA1.post(`/api/posts/${id}/holders`, { memberId: fx.memberIn.villageA1 });
    expect(again.json().error.code).toBe('posts.already_held');
    const after = (await townA.get('/api/posts/coverage')).json();
    expect(after).toMatchObject({ members: 3, covered: 1 });
    expect(after.rows.find((r: { orgName: string }) => r.orgName === '东村党支部')).toMatchObject({
      members: 1,
      covered: 1,
      share: 1,
    });
    expect((await secA1.get('/api/posts/uncovered')).json().total).toBe(0);
    expect((await secA1.delete(`/api/posts/${id}`)).json().error.code).toBe('posts.has_holders');
    const holderId = given.json().history[0].id;
    const ended = await secA1.post(`/api/posts/${id}/holders/${holderId}/end`, { reason: '外出务工' });
    expect(ended.json()).toMatchObject({ holders: 0, history: [{ endedOn: '2026-06-15', endReason: '外出务工' }] });
    expect((await townA.get('/api/posts/coverage')).json().covered).toBe(0);
  });

  it('a post set by mistake is deleted and restored; the figure is in the catalogue', async () => {
    expect((await secA1.delete(`/api/posts/${id}`)).statusCode).toBe(200);
    expect((await secA1.get('/api/posts?deleted=true')).json().total).toBe(1);
    expect((await secA1.post(`/api/posts/${id}/restore`)).json().deletedAt).toBeNull();
    const figures = (await townA.get('/api/figures')).json().items.map((f: { key: string }) => f.key);
    expect(figures).toContain('posts.coverage');
  });
});
