/**
 * Learning lists (夜学) through the API on both databases: a township sets a month's items (at most 3 by the rule);
 * its branches see them, a sibling township's do not; a branch holds one by linking a meeting of that month (its
 * attendance counts) and another by a study session with its own members; the township's progress shows it and the
 * branches behind; the member's month shows held and attended; a holding withdrawn and restored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, login, openFixture, type TestEnv } from '../harness.js';

const item = (topic: string) => ({ year: 2026, month: 5, topic, material: '学习材料', kind: 'policy' });

describe.each(dialects())('learning lists on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  const ids: number[] = [];
  let meetingId: number;

  beforeAll(async () => {
    ({ env, fx, townA, townB, secA1 } = await openFixture(dialect, {
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
    const now = env.ctx.clock().toISOString();
    const path = (
      await env.ctx.db.selectFrom('orgs').select('org_path').where('id', '=', fx.villageA1).executeTakeFirstOrThrow()
    ).org_path;
    meetingId = (
      await env.ctx.db
        .insertInto('meetings')
        .values({
          tenant_id: fx.county,
          org_id: fx.villageA1,
          org_path: path,
          kind: 'party_lecture',
          topic: '五月党课',
          held_on: '2026-05-20',
          start_time: '19:00',
          end_time: null,
          place: null,
          host_name: null,
          recorder_name: null,
          lecturer_member_id: null,
          lecturer_role: null,
          minutes: null,
          decisions: null,
          checkin_code: null,
          checkin_from: null,
          checkin_to: null,
          created_by: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await env.ctx.db
      .insertInto('meeting_attendance')
      .values({
        meeting_id: meetingId,
        member_id: fx.memberIn.villageA1,
        status: 'present',
        leave_reason: null,
        checked_in_at: null,
        method: null,
      })
      .execute();
  });
  afterAll(() => env.close());

  it('a township sets at most three items a month; its branches see them, a sibling township not', async () => {
    expect((await secA1.post('/api/learning', item('x'))).statusCode).toBe(403);
    for (const t of ['解读中央一号文件', '学习纪律处分条例', '电商技能培训']) {
      const res = await townA.post('/api/learning', item(t));
      expect(res.statusCode).toBe(200);
      ids.push(res.json().id);
    }
    expect((await townA.post('/api/learning', item('第四条'))).json().error.code).toBe('learning.too_many');
    expect((await secA1.get('/api/learning?year=2026&month=5')).json().total).toBe(3);
    expect((await townB.get('/api/learning')).json().total).toBe(0);
    expect((await townB.get(`/api/learning/${ids[0]}`)).statusCode).toBe(404);
    expect((await secA1.get(`/api/learning/${ids[0]}`)).json()).toMatchObject({ canHold: true, canEdit: false });
  });

  it('a branch holds an item by linking a meeting, another by a session of its own members', async () => {
    const options = (await secA1.get(`/api/learning/${ids[0]}/meetings`)).json().items;
    expect(options).toEqual([expect.objectContaining({ id: meetingId, present: 1 })]);
    const res = await secA1.post(`/api/learning/${ids[0]}/holds`, { mode: 'meeting', meetingId });
    expect(res.statusCode).toBe(200);
    expect(res.json().ownHold).toMatchObject({
      mode: 'meeting',
      meetingTopic: '五月党课',
      attended: 1,
      heldOn: '2026-05-20',
    });
    const twice = await secA1.post(`/api/learning/${ids[0]}/holds`, { mode: 'meeting', meetingId });
    expect(twice.json().error.code).toBe('learning.already_held');
    const stranger = await secA1.post(`/api/learning/${ids[1]}/holds`, {
      mode: 'session',
      heldOn: '2026-05-28',
      attendeeIds: [fx.memberIn.villageB1],
    });
    expect(stranger.json().error.code).toBe('learning.not_roster');
    const session = await secA1.post(`/api/learning/${ids[1]}/holds`, {
      mode: 'session',
      heldOn: '2026-05-28',
      place: '党群服务中心',
      attendeeIds: [fx.memberIn.villageA1],
    });
    expect(session.json().ownHold).toMatchObject({ mode: 'session', attended: 1, attendeeNames: ['张三'] });
  });

  it("the township's progress shows what was held and who is behind; the member's month", async () => {
    const p = (await townA.get('/api/learning/progress?year=2026&month=5')).json();
    expect(p).toMatchObject({ itemsSet: 3, organizations: 2, due: 6, held: 2, heldShare: 0.3333, attendanceShare: 1 });
    expect(p.rows.find((r: { orgName: string }) => r.orgName === '东村党支部')).toMatchObject({ due: 3, held: 2 });
    expect(p.behind).toHaveLength(4);
    const county = (await login(env.app, 't-county')).get('/api/learning/progress?year=2026');
    expect((await county).json()).toMatchObject({ itemsSet: 3, due: 6, held: 2 });
    // The member's page shows the current month (June): none set yet, then one.
    const june = await townA.post('/api/learning', { ...item('六月学习'), month: 6 });
    const member = await login(env.app, 't-member-a1');
    const mine = (await member.get('/api/learning/mine')).json();
    expect(mine).toMatchObject({
      month: 6,
      orgName: '东村党支部',
      items: [{ id: june.json().id, held: false, attended: false }],
    });
  });

  it('a holding recorded by mistake is withdrawn and restored', async () => {
    const hold = (await secA1.get(`/api/learning/${ids[1]}`)).json().ownHold;
    expect((await secA1.delete(`/api/learning/${ids[1]}/holds/${hold.id}`)).json().ownHold).toBeNull();
    expect((await townA.delete(`/api/learning/${ids[0]}`)).json().error.code).toBe('learning.has_holds');
    const back = await secA1.post(`/api/learning/${ids[1]}/holds/${hold.id}/restore`);
    expect(back.json().ownHold).toMatchObject({ id: hold.id });
  });
});
