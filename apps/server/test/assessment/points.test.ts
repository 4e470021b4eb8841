/**
 * Member points through the API on both databases: each harvester on a fixture record, the harvest idempotent,
 * a deleted source reversed on the next harvest; the rules refuse a forbidden kind by name; a manual entry without
 * evidence refused and the approval table branch → township; a dispute only before publication, the answer
 * (upheld → reversing entry); a published month frozen; the scope (a member its own, another township 404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';
import { seedEvents } from './points-kit.js';

const manual = (memberId: number, over: Record<string, unknown> = {}) => ({
  memberId,
  kind: 'volunteer',
  points: 3,
  occurredOn: '2026-06-12',
  note: '清洁家园志愿服务',
  evidence: '签到表及照片',
  ...over,
});

describe.each(dialects())('points on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let member: Client;
  let ids: Awaited<ReturnType<typeof seedEvents>>;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1, member } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
      member: 't-member-a1',
    }));
    ids = await seedEvents(env, fx.memberIn.villageA1);
  });
  afterAll(() => env.close());

  it('harvests one entry per event from the records, and a second run adds nothing', async () => {
    const first = await townA.post(`/api/points/harvest?org=${fx.townA}&month=2026-06`);
    expect(first.statusCode).toBe(200);
    const byEvent = Object.fromEntries(
      first.json().byEvent.map((e: { event: string; added: number }) => [e.event, e.added]),
    );
    expect(byEvent).toEqual({
      meeting_attended: 1,
      pledge_fulfilled: 1,
      wish_fulfilled: 1,
      errand_finished: 1,
      dues_on_time: 1,
      pairing_help: 1,
    });
    const again = await townA.post(`/api/points/harvest?org=${fx.townA}&month=2026-06`);
    expect(again.json()).toMatchObject({ added: 0, reversed: 0 });
    const list = (await secA1.get('/api/points?month=2026-06')).json();
    expect(list.total).toBe(6);
    const refs = list.items.map((e: { sourceRef: string }) => e.sourceRef).sort();
    expect(refs).toEqual(
      [
        `dues:${ids.bill}`,
        `errand:${ids.errand}`,
        `meeting:${ids.meeting}`,
        `pledge:${ids.pledge}`,
        `visit:${ids.visit}`,
        `wish:${ids.wish}`,
      ].sort(),
    );
    // 2 + 10 + 5 + 3 + 1 + 2 by the default rules.
    const rank = (await secA1.get('/api/points/ranking?year=2026')).json();
    expect(rank.items[0]).toMatchObject({ memberId: fx.memberIn.villageA1, points: 23, rank: 1 });
  });

  it('a late payment earns nothing; a deleted source is reversed on the next harvest', async () => {
    const m = fx.memberIn.villageA2;
    const late = await seedEvents(env, m, '2026-05-28');
    await env.ctx.db.updateTable('dues_payments').set({ paid_on: '2026-05-28' }).where('member_id', '=', m).execute();
    const res = (await townA.post(`/api/points/harvest?org=${fx.townA}&month=2026-05`)).json();
    expect(res.byEvent.find((e: { event: string }) => e.event === 'dues_on_time').added).toBe(0);
    expect(res.added).toBe(5);
    await env.ctx.db
      .updateTable('errands')
      .set({ deleted_at: '2026-06-14T00:00:00Z' })
      .where('id', '=', late.errand)
      .execute();
    const next = (await townA.post(`/api/points/harvest?org=${fx.townA}&month=2026-05`)).json();
    expect(next).toMatchObject({ added: 0, reversed: 1 });
    const again = (await townA.post(`/api/points/harvest?org=${fx.townA}&month=2026-05`)).json();
    expect(again).toMatchObject({ added: 0, reversed: 0 });
    const rows = (await county.get(`/api/points?member=${m}&event=errand_finished`)).json();
    expect(rows.items.map((e: { points: number }) => e.points).sort()).toEqual([-3, 3]);
  });

  it('the rules refuse points for log-ins, clicks or study time, by name and reason', async () => {
    for (const event of ['login', 'click', 'study_time', 'like']) {
      const res = await county.patch('/api/rules/points', {
        year: 2026,
        values: {
          points: {
            meeting_attended: 2,
            pledge_fulfilled: 10,
            wish_fulfilled: 5,
            errand_finished: 3,
            dues_on_time: 1,
            pairing_help: 2,
            [event]: 1,
          },
        },
        reason: '试图按登录计分',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('points.forbidden_event');
      expect(res.json().error.message).toContain('指尖上的形式主义');
    }
    const ok = await county.patch('/api/rules/points', {
      year: 2026,
      values: { duesDueDay: 20 },
      reason: '按月20日前',
    });
    expect(ok.statusCode).toBe(200);
    const view = (await county.get('/api/rules/points?year=2026')).json();
    expect(view.keys.map((k: { key: string }) => k.key)).toContain('monthCap');
  });

  it('a manual entry needs evidence and moves branch → township; a rejection keeps its reason', async () => {
    const m = fx.memberIn.villageA1;
    const none = await secA1.post('/api/points', manual(m, { evidence: '' }));
    expect(none.json().error.code).toBe('points.evidence_required');
    expect(none.json().error.fields?.[0]?.field ?? none.json().error.details?.fields?.[0]?.field).toBe('evidence');
    const missing = await secA1.post('/api/points', manual(m, { evidence: undefined }));
    expect(missing.json().error.code).toBe('points.evidence_required');
    const tooMany = await secA1.post('/api/points', manual(m, { points: 50 }));
    expect(tooMany.json().error.code).toBe('points.too_many');
    const byMember = await member.post('/api/points', manual(m));
    expect(byMember.statusCode).toBe(403);
    const other = await secA1.post('/api/points', manual(fx.memberIn.villageB1));
    expect(other.statusCode).toBe(404);

    const e = (await secA1.post('/api/points', manual(m))).json();
    expect(e).toMatchObject({ status: 'submitted', event: 'manual', points: 3 });
    // The table of moves: who may make which move from which state.
    const table: [Client, string, number][] = [
      [secA1, 'approve', 403],
      [townB, 'branch-approve', 404],
      [secA1, 'branch-approve', 200],
      [secA1, 'branch-approve', 400],
      [secA1, 'approve', 403],
      [townA, 'approve', 200],
      [townA, 'approve', 400],
    ];
    for (const [who, move, status] of table) {
      const res = await who.post(`/api/points/${e.id}/${move}`, {});
      expect([move, res.statusCode]).toEqual([move, status]);
    }
    expect((await secA1.get(`/api/points/${e.id}`)).json()).toMatchObject({ status: 'approved' });
    const d = (await secA1.post('/api/points', manual(m, { kind: 'deduction', points: 2 }))).json();
    expect(d.points).toBe(-2);
    const noReason = await secA1.post(`/api/points/${d.id}/reject`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const rej = (await secA1.post(`/api/points/${d.id}/reject`, { reason: '无佐证照片' })).json();
    expect(rej).toMatchObject({ status: 'rejected', rejectReason: '无佐证照片' });
    // A rejected entry recorded by mistake goes to the recycle bin and back.
    expect((await secA1.delete(`/api/points/${d.id}`)).statusCode).toBe(200);
    expect((await secA1.post(`/api/points/${d.id}/restore`)).statusCode).toBe(200);
    expect((await secA1.delete(`/api/points/${e.id}`)).statusCode).toBe(409);
  });

  it('a member sees its own ledger, disputes before publication; answers reverse; publishing freezes', async () => {
    const mine = (await member.get('/api/points?month=2026-06')).json();
    expect(mine.items.every((e: { memberId: number }) => e.memberId === fx.memberIn.villageA1)).toBe(true);
    const other = (await secA1.get(`/api/points?member=${fx.memberIn.villageA2}`)).json();
    expect(other.total).toBe(0);
    const asTownB = await townB.get(`/api/points?org=${fx.villageA1}`);
    expect(asTownB.statusCode).toBe(404);

    const meeting = mine.items.find((e: { event: string }) => e.event === 'meeting_attended');
    const errand = mine.items.find((e: { event: string }) => e.event === 'errand_finished');
    const wish = mine.items.find((e: { event: string }) => e.event === 'wish_fulfilled');
    expect((await secA1.post(`/api/points/${meeting.id}/dispute`, { reason: 'x' })).statusCode).toBe(403);
    const d = await member.post(`/api/points/${meeting.id}/dispute`, { reason: '那天我请假了' });
    expect(d.statusCode).toBe(200);
    expect(d.json().dispute).toMatchObject({ status: 'open', reason: '那天我请假了' });
    expect((await member.post(`/api/points/${meeting.id}/dispute`, { reason: '再提' })).json().error.code).toBe(
      'points.dispute_open',
    );
    // Publication waits for the answers.
    const early = await secA1.post('/api/points/months', { orgId: fx.villageA1, month: '2026-06' });
    expect(early.json().error.code).toBe('points.disputes_open');
    const upheld = (
      await secA1.post(`/api/points/${meeting.id}/answer`, { upheld: true, answer: '核实属实，冲正' })
    ).json();
    expect(upheld).toMatchObject({ reversed: true, dispute: { status: 'upheld' } });
    await member.post(`/api/points/${errand.id}/dispute`, { reason: '分值不对' });
    const rejected = (
      await secA1.post(`/api/points/${errand.id}/answer`, { upheld: false, answer: '按规则计3分' })
    ).json();
    expect(rejected).toMatchObject({ reversed: false, dispute: { status: 'rejected', answer: '按规则计3分' } });
    const total = (await member.get('/api/points/mine?year=2026')).json();
    const june = total.months.find((x: { month: string }) => x.month === '2026-06');
    expect(june.entries.some((e: { reversesId: number | null }) => e.reversesId === meeting.id)).toBe(true);

    const pub = await secA1.post('/api/points/months', { orgId: fx.villageA1, month: '2026-06' });
    expect(pub.json()).toMatchObject({ published: true, openDisputes: 0 });
    expect((await secA1.post('/api/points/months', { orgId: fx.villageA1, month: '2026-06' })).statusCode).toBe(409);
    // Frozen: no dispute, no manual entry of the month, nothing harvested into it.
    expect((await member.post(`/api/points/${wish.id}/dispute`, { reason: '晚了' })).json().error.code).toBe(
      'points.month_published',
    );
    expect((await secA1.post('/api/points', manual(fx.memberIn.villageA1))).json().error.code).toBe(
      'points.month_published',
    );
    await seedEvents(env, fx.memberIn.villageA1, '2026-06-13', false);
    const h = (await townA.post(`/api/points/harvest?org=${fx.villageA1}&month=2026-06`)).json();
    expect(h.added).toBe(0);
    const future = await secA1.post('/api/points/months', { orgId: fx.villageA1, month: '2026-08' });
    expect(future.json().error.code).toBe('points.month_future');
  });

  it('ranking, the figure and the board export', async () => {
    const rank = (await townA.get(`/api/points/ranking?org=${fx.townA}&year=2026`)).json();
    expect(rank.total).toBeGreaterThanOrEqual(2);
    const fig = (await county.get('/api/stats/points?year=2026')).json();
    expect(fig.membersWithPoints).toBeGreaterThanOrEqual(2);
    expect(fig.distribution.reduce((n: number, d: { members: number }) => n + d.members, 0)).toBe(fig.members);
    const { rankingOf } = await import('../../src/areas/assessment/points/points.repository.js');
    const board = await rankingOf(env.ctx.db, fx.county, fx.villageA1, 2026);
    expect(board[0]).toMatchObject({ memberId: fx.memberIn.villageA1, name: '张三' });
    const xlsx = await secA1.get('/api/points/export?year=2026');
    expect(xlsx.statusCode).toBe(200);
    expect((await member.get('/api/stats/points?year=2026')).statusCode).toBe(200);
    expect((await townB.get(`/api/stats/points?year=2026&org=${fx.townA}`)).statusCode).toBe(404);
  });
});
