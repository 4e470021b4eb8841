/**
 * Sign-in opened before its window: the code is shown at once and says when it opens, a secretary may start it now
 * (audited as early), and a meeting not yet held has no absentees — in its record, the phone and the figures.
 */
import { describe, expect, it } from 'vitest';
import { dialects, login } from '../harness.js';
import { meetingsEnv } from './meetings-kit.js';

// The test clock stands at 2026-06-15 10:00 China time.
describe.each(dialects())('early sign-in on %s', (dialect) => {
  const me = meetingsEnv(dialect);
  const { meeting } = me;
  const lecture = (over: Record<string, unknown>) =>
    meeting({ kind: 'party_lecture', topic: '党课：提前签到', heldOn: '2026-06-15', ...over });

  it('shows a code opened three hours early with its window, and starts it now on request', async () => {
    const m = (await me.sec.post('/api/meetings', lecture({ startTime: '13:00', endTime: '15:00' }))).json();
    const open = (await me.sec.post(`/api/meetings/${m.id}/checkin/open`, {})).json();
    expect(open.code).toMatch(/^\d{6}$/);
    // By the rules the code works from an hour before the meeting: 12:00 China time.
    expect(open).toMatchObject({ validFrom: '2026-06-15T04:00:00.000Z', validTo: '2026-06-15T07:00:00.000Z' });
    expect(open.started).toBe(false);
    const detail = (await me.sec.get(`/api/meetings/${m.id}`)).json();
    expect(detail.checkin).toMatchObject({ code: open.code, started: false, validFrom: open.validFrom });
    expect(detail.checkinOpen).toBe(false);
    const member = await login(me.env.app, 't-member-a1');
    expect((await member.post('/api/meetings/checkin', { code: open.code })).json().error.code).toBe(
      'meetings.checkin_not_yet',
    );

    // The secretary starts it now: same code, the window starts now, members sign in, the audit says early.
    const now = (await me.sec.post(`/api/meetings/${m.id}/checkin/open`, { now: true })).json();
    expect(now).toMatchObject({ code: open.code, started: true, validFrom: '2026-06-15T02:00:00.000Z' });
    expect(now.validTo).toBe(open.validTo);
    const ok = await member.post('/api/meetings/checkin', { code: open.code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().meetingId).toBe(m.id);
    const audit = await me.env.ctx.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'meeting.checkin_open')
      .where('entity_id', '=', String(m.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.detail)).toEqual([
      '签到时间 2026-06-15 12:00 – 2026-06-15 15:00',
      '签到时间 2026-06-15 10:00 – 2026-06-15 15:00（提前开启 opened early）',
    ]);
  });

  it('lists nobody of a meeting tomorrow as absent, counts it nowhere, will not start its sign-in now', async () => {
    const statsBefore = (await me.sec.get(`/api/stats/meetings?org=${me.fx.villageA1}&period=2026-06`)).json();
    const compBefore = (await me.sec.get(`/api/compliance/meetings?org=${me.fx.villageA1}&period=2026-06`)).json();
    const res = await me.sec.post('/api/meetings', lecture({ heldOn: '2026-06-16', topic: '明天的党课' }));
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ upcoming: true, absent: 0, present: 0, expected: 10 });
    expect(m.attendance.every((a: { status: string }) => a.status === 'expected')).toBe(true);
    const listed = (await me.sec.get('/api/meetings?pageSize=100'))
      .json()
      .items.find((i: { id: number }) => i.id === m.id);
    expect(listed).toMatchObject({ upcoming: true, absent: 0 });
    const member = await login(me.env.app, 't-member-a1');
    const mine = (await member.get('/api/meetings/mine')).json().items.find((i: { id: number }) => i.id === m.id);
    expect(mine.status).toBe('expected');
    // Figures and compliance do not count a meeting before its day.
    const statsAfter = (await me.sec.get(`/api/stats/meetings?org=${me.fx.villageA1}&period=2026-06`)).json();
    expect(statsAfter.meetings).toBe(statsBefore.meetings);
    expect(statsAfter.attendance).toEqual(statsBefore.attendance);
    const compAfter = (await me.sec.get(`/api/compliance/meetings?org=${me.fx.villageA1}&period=2026-06`)).json();
    expect(compAfter.summary).toEqual(compBefore.summary);
    // Its code may be shown now but not started: it starts more than 12 hours from now.
    const start = await me.sec.post(`/api/meetings/${m.id}/checkin/open`, { now: true });
    expect(start.json().error.code).toBe('meetings.checkin_too_early');
    const shown = (await me.sec.post(`/api/meetings/${m.id}/checkin/open`, {})).json();
    expect(shown.started).toBe(false);

    // Once it has begun, those not marked are absent, and the figures count it (a new session: the old one expires).
    me.env.clock.advance(36 * 3_600_000);
    try {
      const sec = await login(me.env.app, 't-sec-a1');
      const held = (await sec.get(`/api/meetings/${m.id}`)).json();
      expect(held).toMatchObject({ upcoming: false, absent: 10 });
      expect(held.attendance.every((a: { status: string }) => a.status === 'absent')).toBe(true);
      const stats = (await sec.get(`/api/stats/meetings?org=${me.fx.villageA1}&period=2026-06`)).json();
      expect(stats.meetings).toBe(statsBefore.meetings + 1);
    } finally {
      me.env.clock.advance(-36 * 3_600_000);
    }
  });

  it('refuses a meeting planned more than 60 days ahead', async () => {
    const far = await me.sec.post('/api/meetings', lecture({ heldOn: '2026-08-15' }));
    expect(far.json().error.code).toBe('meetings.in_future');
    expect((await me.sec.post('/api/meetings', lecture({ heldOn: '2026-08-14' }))).statusCode).toBe(200);
  });

  it("follows the county's time limits: planning ahead and early sign-in are rules, not constants", async () => {
    const view = (await me.county.get('/api/rules/meeting_timing?year=2026')).json();
    expect(view.keys.map((k: { key: string; value: number }) => [k.key, k.value])).toEqual([
      ['planAheadDays', 60],
      ['checkinStartNowHours', 12],
    ]);
    // A branch secretary reads them (its form shows the limit) but may not change them.
    expect((await me.sec.get('/api/rules/meeting_timing')).statusCode).toBe(200);
    const denied = await me.sec.patch('/api/rules/meeting_timing', {
      year: 2026,
      values: { planAheadDays: 90 },
      reason: '试',
    });
    expect(denied.statusCode).toBe(403);
    const set = await me.county.patch('/api/rules/meeting_timing', {
      year: 2026,
      values: { planAheadDays: 30, checkinStartNowHours: 48 },
      reason: '本县会议至多提前一个月安排，签到可提前两天开启',
    });
    expect(set.statusCode).toBe(200);
    try {
      const far = await me.sec.post('/api/meetings', lecture({ heldOn: '2026-07-16' }));
      expect(far.json().error).toMatchObject({ code: 'meetings.in_future', details: { planAheadDays: 30 } });
      expect((await me.sec.post('/api/meetings', lecture({ heldOn: '2026-07-15' }))).statusCode).toBe(200);
      // A meeting a day and a half away may now start its sign-in at once (12 hours would refuse it).
      const soon = (await me.sec.post('/api/meetings', lecture({ heldOn: '2026-06-16', startTime: '22:00' }))).json();
      const started = await me.sec.post(`/api/meetings/${soon.id}/checkin/open`, { now: true });
      expect(started.statusCode).toBe(200);
      expect(started.json().started).toBe(true);
      const bad = await me.county.patch('/api/rules/meeting_timing', {
        year: 2026,
        values: { planAheadDays: 0 },
        reason: '试',
      });
      expect(bad.statusCode).toBe(400);
    } finally {
      for (const key of ['planAheadDays', 'checkinStartNowHours'])
        await me.county.delete(`/api/rules/meeting_timing/${key}?year=2026&reason=${encodeURIComponent('恢复')}`);
    }
    expect((await me.sec.post('/api/meetings', lecture({ heldOn: '2026-08-14' }))).statusCode).toBe(200);
  });
});
