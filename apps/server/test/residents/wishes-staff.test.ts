import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseExpiredClaims } from '../../src/areas/residents/wishes/wishes.service.js';
import { dialects, login, type Client, type Fixture, type TestEnv } from '../harness.js';
import { DAY, openWishes } from './fixtures.js';

describe.each(dialects())('micro-wishes and errands: staff on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let sec: Client;
  let townA: Client;
  let townB: Client;
  let memberA1: Client;
  let memberA2: Client;

  beforeAll(async () => {
    ({ env, fx, county, sec, townA, townB, memberA1, memberA2 } = await openWishes(dialect));
  });
  afterAll(() => env.close());

  it('releases a claim not fulfilled within wishClaimDays, by the job and lazily, once', async () => {
    const w = (
      await sec.post('/api/wishes', { orgId: fx.villageA1, kind: 'wish', title: '修缮屋顶', description: '屋顶漏雨' })
    ).json();
    expect((await memberA1.post(`/api/wishes/${w.id}/claim`)).json().claimDueAt).toBe(
      new Date(env.clock.now.getTime() + 14 * DAY).toISOString(),
    );
    env.clock.advance(14 * DAY - 60_000);
    expect(await releaseExpiredClaims(env.ctx, env.clock.now)).toEqual({ released: 0 });
    env.clock.advance(120_000);
    expect(await releaseExpiredClaims(env.ctx, env.clock.now)).toEqual({ released: 1 });
    expect(await releaseExpiredClaims(env.ctx, env.clock.now)).toEqual({ released: 0 });
    const after = (await sec.get(`/api/wishes/${w.id}`)).json();
    expect(after).toMatchObject({ status: 'open', claimedBy: null, claimedAt: null, claimDueAt: null });
    expect(after.events.map((e: { kind: string }) => e.kind)).toEqual(['posted', 'claimed', 'released']);
    expect((await memberA1.post(`/api/wishes/${w.id}/fulfil`, { note: 'late' })).json().error.code).toBe(
      'residents.wish_not_yours',
    );

    // A county rule of 3 days; the release happens lazily when the wish is read, without the job.
    expect((await county.patch('/api/service-rules', { wishClaimDays: 3 })).statusCode).toBe(200);
    const again = (await memberA2.post(`/api/wishes/${w.id}/claim`)).json();
    expect(again.claimDueAt).toBe(new Date(env.clock.now.getTime() + 3 * DAY).toISOString());
    env.clock.advance(3 * DAY);
    expect((await memberA1.get(`/api/wishes/${w.id}`)).json()).toMatchObject({ status: 'open', claimedBy: null });
    expect(await releaseExpiredClaims(env.ctx, env.clock.now)).toEqual({ released: 0 });
    // The claimer may also give it back before the deadline.
    expect((await memberA1.post(`/api/wishes/${w.id}/claim`)).json().status).toBe('claimed');
    expect((await memberA2.post(`/api/wishes/${w.id}/release`)).json().error.code).toBe('residents.wish_not_yours');
    expect((await memberA1.post(`/api/wishes/${w.id}/release`)).json()).toMatchObject({
      status: 'open',
      claimedBy: null,
    });
    const released = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'wish')
      .where('entity_id', '=', String(w.id))
      .where('action', 'like', 'wish.release%')
      .execute();
    expect(released.map((r) => r.action).sort()).toEqual([
      'wish.release',
      'wish.release_expired',
      'wish.release_expired',
    ]);
    expect((await county.patch('/api/service-rules', { wishClaimDays: null })).statusCode).toBe(200);
  });

  it('soft-deletes and restores a wish (staff only)', async () => {
    const w = (
      await sec.post('/api/wishes', { orgId: fx.villageA1, kind: 'wish', title: '书桌', description: '孩子需要书桌' })
    ).json();
    expect((await memberA1.delete(`/api/wishes/${w.id}`)).json().error.code).toBe('forbidden');
    expect((await sec.delete(`/api/wishes/${w.id}`)).json()).toEqual({ ok: true });
    expect((await sec.get('/api/wishes?deleted=true')).json().items.map((i: { id: number }) => i.id)).toEqual([w.id]);
    expect((await memberA1.get(`/api/wishes/${w.id}`)).statusCode).toBe(404);
    expect((await sec.post(`/api/wishes/${w.id}/restore`)).json()).toMatchObject({
      id: w.id,
      deletedAt: null,
      status: 'open',
    });
    expect((await sec.get('/api/wishes?q=书桌')).json().total).toBe(1);
  });

  it('keeps errands to their member; staff see their subtree', async () => {
    const a = await memberA1.post('/api/errands', {
      orgId: fx.villageA1,
      title: '代办医保报销',
      residentName: '孙八',
      phone: '13600002222',
      cardNo: 'HX-001',
    });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({
      memberId: fx.memberIn.villageA1,
      memberName: '张三',
      status: 'in_progress',
      phone: '136****2222',
      cardNo: 'HX-001',
    });
    expect(
      (
        await memberA1.post('/api/errands', {
          orgId: fx.villageA1,
          title: 'x',
          residentName: 'y',
          memberId: fx.memberIn.villageA2,
        })
      ).json().error.code,
    ).toBe('residents.errand_not_yours');
    // The secretary records one for a member of the village; a member of another village is outside the scope (404, its
    // existence not shown).
    expect(
      (await sec.post('/api/errands', { orgId: fx.villageA1, title: 'x', residentName: 'y' })).json().error.code,
    ).toBe('residents.member_required');
    expect(
      (
        await sec.post('/api/errands', {
          orgId: fx.villageA1,
          title: 'x',
          residentName: 'y',
          memberId: fx.memberIn.villageA2,
        })
      ).json().error.code,
    ).toBe('not_found');
    const b = (
      await sec.post('/api/errands', {
        orgId: fx.villageA1,
        title: '代缴电费',
        residentName: '周九',
        memberId: fx.memberIn.villageA1,
      })
    ).json();
    const c = (
      await townA.post('/api/errands', {
        orgId: fx.villageA2,
        title: '代办身份证',
        residentName: '吴十',
        memberId: fx.memberIn.villageA2,
      })
    ).json();
    expect(c.memberName).toBe('李四');

    expect(
      (await memberA1.get('/api/errands'))
        .json()
        .items.map((e: { id: number }) => e.id)
        .sort(),
    ).toEqual([a.json().id, b.id].sort());
    expect((await memberA2.get('/api/errands')).json().items.map((e: { id: number }) => e.id)).toEqual([c.id]);
    expect((await memberA2.get(`/api/errands/${a.json().id}`)).statusCode).toBe(404);
    expect((await memberA2.post(`/api/errands/${a.json().id}/steps`, { note: '偷看' })).json().error.code).toBe(
      'residents.errand_not_yours',
    );
    expect((await sec.get('/api/errands')).json().total).toBe(2);
    expect((await townA.get('/api/errands')).json().total).toBe(3);
    expect((await townB.get('/api/errands')).json().total).toBe(0);
    expect((await townB.get(`/api/errands/${a.json().id}`)).statusCode).toBe(404);
    expect((await county.get(`/api/errands?org=${fx.villageA2}`)).json().total).toBe(1);

    const id = a.json().id;
    await memberA1.post(`/api/errands/${id}/steps`, { note: '已收齐材料' });
    await memberA1.post(`/api/errands/${id}/steps`, { note: '已提交医保局' });
    const done = await memberA1.post(`/api/errands/${id}/done`, { result: '报销款已到账' });
    expect(done.json()).toMatchObject({ status: 'done', result: '报销款已到账', doneAt: env.clock.now.toISOString() });
    expect(done.json().events.map((e: { kind: string; note: string | null }) => `${e.kind}:${e.note}`)).toEqual([
      'taken:张三 承接 took it',
      'step:已收齐材料',
      'step:已提交医保局',
      'done:报销款已到账',
    ]);
    expect((await memberA1.post(`/api/errands/${id}/steps`, { note: 'late' })).json().error.code).toBe(
      'residents.errand_state',
    );
    expect((await memberA2.post(`/api/errands/${c.id}/cancel`, { note: '群众已自行办理' })).json().status).toBe(
      'cancelled',
    );
    expect((await memberA1.delete(`/api/errands/${b.id}`)).json().error.code).toBe('forbidden');
    expect((await sec.delete(`/api/errands/${b.id}`)).json()).toEqual({ ok: true });
    expect((await memberA1.get('/api/errands')).json().total).toBe(1);
    expect((await sec.post(`/api/errands/${b.id}/restore`)).json().deletedAt).toBeNull();
    expect((await memberA1.get('/api/errands?status=done')).json().total).toBe(1);
    expect(
      JSON.stringify(
        await env.ctx.db.selectFrom('audit_log').select(['changes']).where('entity_type', '=', 'errand').execute(),
      ),
    ).not.toContain('13600002222');
  });

  it('refuses roles without the capability, and hides other subtrees (table of cases)', async () => {
    const auditor = await login(env.app, 't-auditor');
    const security = await login(env.app, 't-security');
    const anyWish = (await sec.get('/api/wishes')).json().items[0].id as number;
    const anyErrand = (await sec.get('/api/errands')).json().items[0].id as number;
    const cases: [string, Client, 'GET' | 'POST' | 'DELETE', string, unknown, number, string][] = [
      ['auditor lists wishes', auditor, 'GET', '/api/wishes', undefined, 403, 'forbidden'],
      ['security lists wishes', security, 'GET', '/api/wishes', undefined, 403, 'forbidden'],
      ['auditor reads a wish', auditor, 'GET', `/api/wishes/${anyWish}`, undefined, 403, 'forbidden'],
      [
        'auditor enters a wish',
        auditor,
        'POST',
        '/api/wishes',
        { orgId: fx.villageA1, kind: 'wish', title: 'x', description: 'y' },
        403,
        'forbidden',
      ],
      ['auditor claims', auditor, 'POST', `/api/wishes/${anyWish}/claim`, {}, 403, 'forbidden'],
      ['other township reads a wish', townB, 'GET', `/api/wishes/${anyWish}`, undefined, 404, 'not_found'],
      ['other township deletes a wish', townB, 'DELETE', `/api/wishes/${anyWish}`, undefined, 404, 'not_found'],
      [
        'member reveals a phone',
        memberA1,
        'POST',
        `/api/wishes/${anyWish}/reveal`,
        { fields: ['phone'] },
        403,
        'forbidden',
      ],
      [
        'township reveals a phone',
        townA,
        'POST',
        `/api/wishes/${anyWish}/reveal`,
        { fields: ['phone'] },
        403,
        'forbidden',
      ],
      ['auditor lists errands', auditor, 'GET', '/api/errands', undefined, 403, 'forbidden'],
      [
        'security takes an errand',
        security,
        'POST',
        '/api/errands',
        { orgId: fx.villageA1, title: 'x', residentName: 'y' },
        403,
        'forbidden',
      ],
      ['other township reads an errand', townB, 'GET', `/api/errands/${anyErrand}`, undefined, 404, 'not_found'],
      [
        'other township ends an errand',
        townB,
        'POST',
        `/api/errands/${anyErrand}/cancel`,
        { note: 'x' },
        404,
        'not_found',
      ],
      ['township runs the wishes job', townA, 'POST', '/api/jobs/wishes', {}, 403, 'forbidden'],
    ];
    for (const [name, who, method, url, body, status, code] of cases) {
      const res = await who.request(method, url, body);
      expect({ name, status: res.statusCode, code: res.json().error?.code }).toEqual({ name, status, code });
    }
    // The secretary (service.reveal) sees the full number, and the reveal is audited.
    const revealed = (await sec.post(`/api/wishes/${anyWish}/reveal`, { fields: ['phone'] })).json();
    expect(revealed.phone === null || /^1[3-9]\d{9}$/.test(revealed.phone)).toBe(true);
    const reveals = await env.ctx.db
      .selectFrom('audit_log')
      .select(['success', 'actor_name'])
      .where('action', '=', 'wish.reveal')
      .orderBy('id')
      .execute();
    expect(reveals).toEqual([
      { success: 0, actor_name: 't-member-a1' },
      { success: 0, actor_name: 't-town-a' },
      { success: 1, actor_name: 't-sec-a1' },
    ]);
    expect((await county.post('/api/jobs/wishes')).json()).toEqual({ released: 0 });
  });
});
