import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, login, type Client, type Fixture, type TestEnv, openFixture } from '../harness.js';

describe.each(dialects())('organizations on %s', (dialect) => {
  let env: TestEnv, fx: Fixture, county: Client;
  beforeAll(async () => ({ env, fx, county } = await openFixture(dialect, { county: 't-county' })));
  afterAll(() => env.close());

  it('serves the tree level by level with member counts of each subtree', async () => {
    const root = (await county.get('/api/orgs/tree')).json().items;
    expect(root).toEqual([expect.objectContaining({ id: fx.county, hasChildren: true, memberCount: 6 })]);
    const towns = (await county.get(`/api/orgs/tree?parent=${fx.county}`)).json().items;
    expect(towns.map((t: { name: string }) => t.name)).toEqual(['东乡镇党委', '西乡镇党委']);
    expect(towns[0].memberCount).toBe(3); // townA itself, villageA1, villageA2
    const villages = (await county.get(`/api/orgs/tree?parent=${fx.townA}`)).json().items;
    expect(villages.find((v: { id: number }) => v.id === fx.villageA1)).toMatchObject({
      hasChildren: true,
      memberCount: 1,
    });
    expect(villages.find((v: { id: number }) => v.id === fx.villageA2)).toMatchObject({ hasChildren: false });
  });

  it('shows detail: path, secretary, committee, term and election due six months before the end', async () => {
    const patched = await county.patch(`/api/orgs/${fx.villageA1}`, {
      secretaryMemberId: fx.memberIn.villageA1,
      committee: [{ name: '张三', position: '书记', memberId: fx.memberIn.villageA1 }],
      termStart: '2021-12-01',
      termEnd: '2026-12-01',
    });
    expect(patched.statusCode).toBe(200);
    const o = (await county.get(`/api/orgs/${fx.villageA1}`)).json();
    expect(o.path.map((p: { name: string }) => p.name)).toEqual(['测试县委', '东乡镇党委', '东村党支部']);
    expect(o.secretary).toEqual({ memberId: fx.memberIn.villageA1, name: '张三' });
    expect(o).toMatchObject({
      termYears: 5,
      electionDueAt: '2026-06-01',
      electionStatus: 'due',
      childCount: 1,
      memberCounts: { total: 1, full: 1, probationary: 0 },
    });
    // The clock says 2026-06-15; a term ending 2026-06-01 is overdue, one ending 2027-06-01 is fine.
    expect((await county.patch(`/api/orgs/${fx.villageA2}`, { termEnd: '2026-06-01' })).json().electionStatus).toBe(
      'overdue',
    );
    expect((await county.patch(`/api/orgs/${fx.villageA2}`, { termEnd: '2027-06-01' })).json().electionStatus).toBe(
      'ok',
    );
    expect((await county.patch(`/api/orgs/${fx.villageA2}`, { termStart: '2028-01-01' })).json().error.code).toBe(
      'orgs.invalid_term',
    );
    expect(
      (await county.patch(`/api/orgs/${fx.villageA2}`, { secretaryMemberId: fx.memberIn.villageB1 })).json().error.code,
    ).toBe('orgs.secretary_not_member');
    // null clears the secretary (and is not coerced to 0 on the way in).
    expect((await county.patch(`/api/orgs/${fx.villageA1}`, { secretaryMemberId: null })).json().secretary).toBeNull();
  });

  it('creates only types that may sit under the parent', async () => {
    expect(
      (await county.post('/api/orgs', { parentId: fx.groupA1, name: '小组下的支部', type: 'branch' })).json().error
        .code,
    ).toBe('orgs.invalid_type');
    expect((await county.post('/api/orgs', { parentId: fx.townA, name: '', type: 'branch' })).json().error.code).toBe(
      'validation',
    );
    const res = await county.post('/api/orgs', { parentId: fx.villageA2, name: '南村第一党小组', type: 'group' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ parentId: fx.villageA2, field: 'rural', type: 'group' });
  });

  it('moves a subtree in one step, re-pathing its organizations, members and accounts', async () => {
    const moved = await county.post(`/api/orgs/${fx.villageA1}/move`, { parentId: fx.townB });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path.map((p: { id: number }) => p.id)).toEqual([fx.county, fx.townB, fx.villageA1]);
    const paths = await env.ctx.db
      .selectFrom('orgs')
      .select(['id', 'org_path', 'depth'])
      .where('id', 'in', [fx.villageA1, fx.groupA1, fx.townB])
      .execute();
    const townB = paths.find((p) => p.id === fx.townB)!;
    expect(paths.find((p) => p.id === fx.groupA1)).toMatchObject({
      org_path: `${townB.org_path}${fx.villageA1}/${fx.groupA1}/`,
      depth: 3,
    });
    const member = await env.ctx.db
      .selectFrom('members')
      .select('org_path')
      .where('id', '=', fx.memberIn.villageA1)
      .executeTakeFirstOrThrow();
    expect(member.org_path).toBe(`${townB.org_path}${fx.villageA1}/`);
    const user = await env.ctx.db
      .selectFrom('users')
      .select('org_path')
      .where('id', '=', fx.users.secA1.id)
      .executeTakeFirstOrThrow();
    expect(user.org_path).toBe(`${townB.org_path}${fx.villageA1}/`);
    // Township A's admin no longer sees the moved branch, township B's does.
    expect((await (await login(env.app, 't-town-a')).get(`/api/members/${fx.memberIn.villageA1}`)).statusCode).toBe(
      404,
    );
    expect((await (await login(env.app, 't-town-b')).get(`/api/members/${fx.memberIn.villageA1}`)).statusCode).toBe(
      200,
    );
    expect((await county.post(`/api/orgs/${fx.townB}/move`, { parentId: fx.villageA1 })).json().error.code).toBe(
      'orgs.invalid_parent',
    );
    expect((await county.post(`/api/orgs/${fx.villageA1}/move`, { parentId: fx.townA })).statusCode).toBe(200);
  });

  it('soft-deletes only an empty organization, and restores it', async () => {
    const full = await county.delete(`/api/orgs/${fx.villageA2}`);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('orgs.not_empty');
    const empty = (await county.post('/api/orgs', { parentId: fx.townA, name: '待撤销党支部', type: 'branch' })).json();
    expect((await county.delete(`/api/orgs/${empty.id}`)).statusCode).toBe(200);
    expect(
      (await county.get(`/api/orgs/tree?parent=${fx.townA}`)).json().items.map((o: { id: number }) => o.id),
    ).not.toContain(empty.id);
    expect((await county.get(`/api/orgs/${empty.id}`)).json().deletedAt).not.toBeNull();
    expect((await county.post(`/api/orgs/${empty.id}/restore`)).json().deletedAt).toBeNull();
  });

  it('searches organizations by name with the names along their path', async () => {
    const res = (await county.get('/api/orgs?q=村党支部')).json();
    expect(res.total).toBeGreaterThanOrEqual(3);
    expect(res.items.find((o: { id: number }) => o.id === fx.villageB1).pathNames).toEqual([
      '测试县委',
      '西乡镇党委',
      '西村党支部',
    ]);
  });

  it('computes the overview of a subtree from the records', async () => {
    const s = (await county.get(`/api/stats/overview?org=${fx.townA}`)).json();
    const members = Number(
      (
        await env.ctx.db
          .selectFrom('members')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('org_path', 'like', `/${fx.county}/${fx.townA}/%`)
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(s.members.total).toBe(members);
    expect(s.members.byGender.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(members);
    expect(s.members.byAgeBand.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(members);
    expect(s.orgs.byType.find((t: { key: string }) => t.key === 'branch').count).toBeGreaterThanOrEqual(2);
  });

  it('documents every route in OpenAPI 3', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/members',
      '/api/members/{id}',
      '/api/orgs/tree',
      '/api/orgs/{id}/move',
      '/api/audit',
      '/api/users',
      '/api/auth/login',
      '/api/stats/overview',
      '/api/members/import',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect((await env.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({
      status: 'ok',
      database: dialect,
    });
  });
});
