/**
 * Training (轮训、学时) through the API on both databases: a township's class with its plan reviewed (submitted,
 * returned with a reason, approved), attendees only of its own subtree (another township's member is 404), attendance
 * after approval for sessions held; a member's hours from attendance — class sessions plus the meetings the rules
 * count, each meeting once, never anything else — against 32 hours, or 56 for a member holding a party post; the
 * short list, the member's own hours, the figure; scope (a sibling township sees nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema/index.js';
import { type Client, dialects, type Fixture, login, openFixture, type TestEnv } from '../harness.js';

const CLASS = {
  title: '东乡镇2026年党员轮训第1期',
  kind: 'rotation',
  startOn: '2026-06-01',
  endOn: '2026-06-20',
  place: '东乡镇党群服务中心',
  target: '辖区农村党员',
  budgetFen: 1_200_000,
};
const PLAN = {
  sessions: [
    { heldOn: '2026-06-01', topic: '党章党规党纪专题辅导', teacher: '县委党校王老师', hours: 3 },
    { heldOn: '2026-06-02', topic: '乡村振兴政策解读', teacher: '县乡村振兴局李老师', hours: 3.5 },
    { heldOn: '2026-06-18', topic: '红色教育现场教学', teacher: '讲解员', hours: 4 },
  ],
};

/** A meeting of a kind held in an organization with one member present (organizational life, recorded). */
async function meetingWith(db: Kysely<DB>, orgId: number, kind: string, memberId: number, heldOn = '2026-05-20') {
  const o = await db
    .selectFrom('orgs')
    .select(['tenant_id', 'org_path'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const m = await db
    .insertInto('meetings')
    .values({
      tenant_id: o.tenant_id,
      org_id: orgId,
      org_path: o.org_path,
      kind,
      topic: '学习',
      held_on: heldOn,
      start_time: '09:00',
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
    .executeTakeFirstOrThrow();
  await db
    .insertInto('meeting_attendance')
    .values({
      meeting_id: m.id,
      member_id: memberId,
      status: 'present',
      leave_reason: null,
      checked_in_at: null,
      method: null,
    })
    .execute();
}

describe.each(dialects())('training on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let id: number;
  let sessions: number[];

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
  });
  afterAll(() => env.close());
  const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);

  it('a township plans a class; the county returns it with a reason, then approves it', async () => {
    expect((await secA1.post('/api/training/classes', CLASS)).statusCode).toBe(403);
    const bad = await townA.post('/api/training/classes', { ...CLASS, endOn: '2026-05-01' });
    expect(bad.json().error.code).toBe('training.date_range');
    const res = await townA.post('/api/training/classes', CLASS);
    expect(res.statusCode).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', orgName: '东乡镇党委', actions: ['submit'] });
    expect((await townA.post(`/api/training/classes/${id}/submit`, {})).json().error.code).toBe('training.plan_empty');
    const planned = await put(townA, `/api/training/classes/${id}/plan`, PLAN);
    expect(planned.json()).toMatchObject({ sessions: 3, plannedHours: 10.5 });
    sessions = planned.json().plan.map((s: { id: number }) => s.id);
    // Attendees from the organizer's subtree only: another township's member is not found.
    const other = await put(townA, `/api/training/classes/${id}/attendees`, { memberIds: [fx.memberIn.villageB1] });
    expect(other.statusCode).toBe(404);
    const people = [fx.memberIn.villageA1, fx.memberIn.villageA2];
    expect((await put(townA, `/api/training/classes/${id}/attendees`, { memberIds: people })).json().attendees).toBe(2);
    expect((await townA.post(`/api/training/classes/${id}/submit`, {})).json().status).toBe('submitted');
    expect((await put(townA, `/api/training/classes/${id}/plan`, PLAN)).json().error.code).toBe('training.plan_locked');
    expect((await townA.post(`/api/training/classes/${id}/approve`, {})).statusCode).toBe(403);
    expect((await county.post(`/api/training/classes/${id}/return`, { reason: ' ' })).statusCode).toBe(400);
    const returned = await county.post(`/api/training/classes/${id}/return`, { reason: '请补充党纪学习内容' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请补充党纪学习内容' });
    // Attendance waits for the approval.
    const early = await put(townA, `/api/training/classes/${id}/sessions/${sessions[0]}/attendance`, { present: [] });
    expect(early.json().error.code).toBe('training.not_open');
    expect((await townA.post(`/api/training/classes/${id}/submit`, {})).json().status).toBe('submitted');
    const approved = (await county.post(`/api/training/classes/${id}/approve`, {})).json();
    expect(approved).toMatchObject({ status: 'approved', actions: ['finish'] });
    expect(approved.events.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'submitted',
      'returned',
      'submitted',
      'approved',
    ]);
  });

  it('attendance of held sessions; hours from attendance and counted meetings; 56 for a committee member', async () => {
    const url = (s: number) => `/api/training/classes/${id}/sessions/${s}/attendance`;
    expect((await put(townA, url(sessions[2]!), { present: [fx.memberIn.villageA1] })).json().error.code).toBe(
      'training.session_future',
    );
    expect((await put(townA, url(sessions[0]!), { present: [fx.memberIn.townA] })).json().error.code).toBe(
      'training.not_attendee',
    );
    await put(townA, url(sessions[0]!), { present: [fx.memberIn.villageA1, fx.memberIn.villageA2] });
    const d = (await put(townA, url(sessions[1]!), { present: [fx.memberIn.villageA1] })).json();
    expect(d).toMatchObject({ personTimes: 3 });
    expect(d.plan[1]).toMatchObject({ present: 1, absent: 1 });
    // Recorded again: replaced, not added.
    expect((await put(townA, url(sessions[1]!), { present: [fx.memberIn.villageA1] })).json().personTimes).toBe(3);

    const db = env.ctx.db;
    await meetingWith(db, fx.villageA1, 'party_lecture', fx.memberIn.villageA1);
    await meetingWith(db, fx.villageA1, 'committee_meeting', fx.memberIn.villageA1);
    await meetingWith(db, fx.villageA1, 'party_lecture', fx.memberIn.villageA1, '2025-12-01');
    const hours = (await secA1.get('/api/training/hours?year=2026')).json();
    const zhang = hours.items.find((m: { memberId: number }) => m.memberId === fx.memberIn.villageA1);
    expect(zhang).toMatchObject({
      classHours: 6.5,
      meetingHours: 2,
      hours: 8.5,
      required: 32,
      committee: false,
      short: true,
      rotated: true,
    });
    expect(hours.totals).toMatchObject({ members: 1, short: 1, rotated: 1, coverage: 1 });

    // Made a party committee member through the cadres' records: the requirement is 56.
    const m = await db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', fx.memberIn.villageA1)
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const scope = { tenant_id: m.tenant_id, org_id: m.org_id, org_path: m.org_path, created_at: now, updated_at: now };
    const cadre = await db
      .insertInto('cadres')
      .values({
        ...scope,
        member_id: m.id,
        name: m.name,
        gender: 'male',
        birth_date: '1980-05-06',
        kinds: '[]',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('cadre_posts')
      .values({
        ...scope,
        cadre_id: cadre.id,
        committee: 'party',
        post: 'member',
        term: '2021',
        started_on: '2021-07-01',
      } as never)
      .execute();
    await db
      .updateTable('data_versions')
      .set((e) => ({ version: e('version', '+', 1) }))
      .execute();
    const after = (await townA.get(`/api/training/hours?org=${fx.villageA1}&year=2026`)).json();
    expect(after.items[0]).toMatchObject({ committee: true, required: 56, short: true });
    const short = (await townA.get('/api/training/hours/short?year=2026')).json();
    expect(short.items.map((r: { memberId: number }) => r.memberId).sort()).toEqual(
      [fx.memberIn.townA, fx.memberIn.villageA1, fx.memberIn.villageA2].sort(),
    );
    const town = (await townA.get('/api/training/hours?year=2026')).json();
    expect(town.rows.map((r: { orgName: string; rotated: number }) => [r.orgName, r.rotated])).toEqual([
      ['东村党支部', 1],
      ['南村党支部', 1],
    ]);
    const me = (await (await login(env.app, 't-member-a1')).get('/api/training/hours/me?year=2026')).json();
    expect(me).toMatchObject({ hours: 8.5, required: 56, committee: true, classes: [{ sessions: 2, hours: 6.5 }] });
    expect(me.meetings).toEqual([{ kind: 'party_lecture', count: 1, hours: 2 }]);
  });

  it('results, finish and the figure; a sibling township sees nothing', async () => {
    const results = [{ memberId: fx.memberIn.villageA1, result: 'passed' }];
    expect((await put(townA, `/api/training/classes/${id}/results`, { results })).json().passed).toBe(1);
    expect((await townA.post(`/api/training/classes/${id}/finish`, { summary: '按计划完成' })).json().status).toBe(
      'finished',
    );
    const fig = (await county.get('/api/stats/training?year=2026')).json();
    expect(fig).toMatchObject({ classes: 1, personTimes: 3, rotated: 2 });
    expect((await townB.get(`/api/training/classes/${id}`)).statusCode).toBe(404);
    expect((await townB.get('/api/training/classes')).json().total).toBe(0);
    expect((await townB.get(`/api/training/hours?org=${fx.villageA1}`)).statusCode).toBe(404);
    expect((await secA1.get(`/api/training/classes/${id}`)).statusCode).toBe(404);
    expect((await townA.delete(`/api/training/classes/${id}`)).statusCode).toBe(200);
    const gone = (await county.get('/api/training/hours?year=2026&q=张三')).json();
    expect(gone.items[0]).toMatchObject({ classHours: 0 });
    expect((await townA.post(`/api/training/classes/${id}/restore`)).json().deletedAt).toBeNull();
  });
});
