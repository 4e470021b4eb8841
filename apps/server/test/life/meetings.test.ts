/** Organizational life: recording meetings, votes, photos, sign-in and the figures they make. */
import { describe, expect, it } from 'vitest';
import { dialects, login } from '../harness.js';
import { meetingsEnv, multipart, pngWithMetadata } from './meetings-kit.js';

describe.each(dialects())('organizational life on %s', (dialect) => {
  const me = meetingsEnv(dialect);
  const { extra, meeting } = me;

  it('records a general meeting with every member expected, attendance, leave reasons and an entry date', async () => {
    const res = await me.sec.post(
      '/api/meetings',
      meeting({
        kind: 'general_meeting',
        attendance: [
          { memberId: extra[0], status: 'leave', leaveReason: '外出务工' },
          { memberId: me.fx.memberIn.villageA1, status: 'present' },
        ],
      }),
    );
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({
      kind: 'general_meeting',
      expected: 10,
      present: 1,
      leave: 1,
      absent: 8,
      complete: true,
      lateEntry: false,
    });
    expect(m.attendance.find((a: { memberId: number }) => a.memberId === extra[0])).toMatchObject({
      status: 'leave',
      leaveReason: '外出务工',
      method: 'secretary',
    });
  });

  it('refuses a meeting planned too far ahead, a kind that does not apply, and outsiders as attendees', async () => {
    expect((await me.sec.post('/api/meetings', meeting({ heldOn: '2026-09-01' }))).json().error.code).toBe(
      'meetings.in_future',
    );
    expect((await me.sec.post('/api/meetings', meeting({ kind: 'leadership_life_meeting' }))).json().error.code).toBe(
      'meetings.kind_not_applicable',
    );
    expect(
      (await me.county.post('/api/meetings', meeting({ orgId: me.fx.townA, kind: 'committee_meeting' }))).json().error
        .code,
    ).toBe('meetings.kind_not_applicable');
    expect(
      (
        await me.sec.post(
          '/api/meetings',
          meeting({ attendance: [{ memberId: me.fx.memberIn.villageB1, status: 'present' }] }),
        )
      ).json().error.code,
    ).toBe('meetings.not_attendee');
    expect((await me.sec.post('/api/meetings', meeting({ startTime: '25:00' }))).json().error.code).toBe('validation');
  });

  it('marks a meeting entered late and one without minutes or attendance as incomplete', async () => {
    const late = (await me.sec.post('/api/meetings', meeting({ heldOn: '2026-05-20' }))).json();
    expect(late.lateEntry).toBe(true);
    expect(late.complete).toBe(false);
    expect(late.missing).toEqual(['attendance']);
    const bare = (await me.sec.post('/api/meetings', meeting({ minutes: '' }))).json();
    expect(bare.missing).toEqual(['minutes', 'attendance']);
    const list = (await me.sec.get('/api/meetings?incomplete=true&pageSize=100')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual(expect.arrayContaining([late.id, bare.id]));
    expect(list.items.every((i: { complete: boolean }) => !i.complete)).toBe(true);
  });

  it('counts votes: quorum from full members present, probationary members do not vote', async () => {
    const present = [me.fx.memberIn.villageA1, ...extra.slice(0, 4)].map((memberId) => ({
      memberId,
      status: 'present',
    }));
    // 9 full members: 5 present is a quorum (5 > 4.5); the me.probationary member's presence does not count.
    const ok = await me.sec.post(
      '/api/meetings',
      meeting({
        kind: 'general_meeting',
        attendance: [...present, { memberId: me.probationary, status: 'present' }],
        motions: [
          { title: '接收预备党员', yes: 5, no: 0, abstain: 0 },
          { title: '其他事项', yes: 4, no: 1, abstain: 0 },
        ],
      }),
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().motions).toEqual([
      expect.objectContaining({ title: '接收预备党员', entitled: 9, presentVoting: 5, quorumMet: true, passed: true }),
      expect.objectContaining({ title: '其他事项', quorumMet: true, passed: false }),
    ]);
    const few = await me.sec.post(
      '/api/meetings',
      meeting({
        kind: 'general_meeting',
        attendance: present.slice(0, 4),
        motions: [{ title: '讨论', yes: 4, no: 0, abstain: 0 }],
      }),
    );
    expect(few.json().motions[0]).toMatchObject({ quorumMet: false, passed: false });
    expect(
      (
        await me.sec.post(
          '/api/meetings',
          meeting({
            kind: 'general_meeting',
            attendance: present.slice(0, 4),
            motions: [{ title: '票多', yes: 5, no: 0, abstain: 0 }],
          }),
        )
      ).json().error.code,
    ).toBe('meetings.votes_exceed');
    expect(
      (await me.sec.post('/api/meetings', meeting({ motions: [{ title: 'x', yes: 1, no: 0, abstain: 0 }] }))).json()
        .error.code,
    ).toBe('meetings.votes_only');
  });

  it('refuses more than one third excellent in a democratic review', async () => {
    const ids = [me.fx.memberIn.villageA1, ...extra];
    const grades = (excellent: number) =>
      ids.map((memberId, i) => ({ memberId, grade: i < excellent ? 'excellent' : 'qualified' }));
    const bad = await me.sec.post('/api/meetings', meeting({ kind: 'member_review', reviews: grades(4) }));
    expect(bad.json().error.code).toBe('meetings.too_many_excellent');
    const good = await me.sec.post('/api/meetings', meeting({ kind: 'member_review', reviews: grades(3) }));
    expect(good.statusCode).toBe(200);
    expect(good.json().reviews.filter((r: { grade: string }) => r.grade === 'excellent')).toHaveLength(3);
  });

  it('checks photos by content, limits their size and strips EXIF and GPS', async () => {
    const m = (await me.sec.post('/api/meetings', meeting({ kind: 'theme_day', topic: '主题党日：清洁家园' }))).json();
    const png = pngWithMetadata();
    const up = multipart(png, 'photo.png', 'image/png');
    const res = await me.sec.request('POST', `/api/meetings/${m.id}/photos`, up.body, { headers: up.headers });
    expect(res.statusCode).toBe(200);
    const img = await me.sec.get(res.json().url);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.subarray(0, 8)).toEqual(png.subarray(0, 8));
    expect(img.rawPayload.toString('latin1')).not.toContain('GPS');
    expect(img.rawPayload.toString('latin1')).not.toContain('eXIf');
    const html = multipart(Buffer.from('<html><script>alert(1)</script></html>'), 'photo.jpg', 'image/jpeg');
    expect(
      (await me.sec.request('POST', `/api/meetings/${m.id}/photos`, html.body, { headers: html.headers })).json().error
        .code,
    ).toBe('files.bad_type');
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(9 * 1024 * 1024)]);
    const huge = multipart(big, 'big.jpg', 'image/jpeg');
    const tooBig = await me.sec.request('POST', `/api/meetings/${m.id}/photos`, huge.body, { headers: huge.headers });
    expect(tooBig.statusCode).toBe(413);
    expect((await me.sec.get(`/api/meetings/${m.id}`)).json().photos).toHaveLength(1);
  });

  it('opens sign-in with a code; a member signs itself in on the phone, once', async () => {
    const m = (
      await me.sec.post(
        '/api/meetings',
        meeting({
          kind: 'party_lecture',
          heldOn: '2026-06-15',
          startTime: '09:30',
          endTime: '11:30',
          topic: '党课：学习党章',
        }),
      )
    ).json();
    const open = await me.sec.post(`/api/meetings/${m.id}/checkin/open`, {});
    expect(open.statusCode).toBe(200);
    const { code, qrSvg, url } = open.json();
    expect(code).toMatch(/^\d{6}$/);
    expect(qrSvg).toContain('<svg');
    expect(url).toMatch(new RegExp(`^https?://[^/]+/m/checkin\\?code=${code}$`));
    const member = await login(me.env.app, 't-member-a1');
    const wrong = await member.post('/api/meetings/checkin', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.json().error.code).toBe('meetings.checkin_invalid');
    const ok = await member.post('/api/meetings/checkin', { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ meetingId: m.id, topic: '党课：学习党章' });
    const again = await member.post('/api/meetings/checkin', { code });
    expect(again.json().checkedInAt).toBe(ok.json().checkedInAt);
    const detail = (await me.sec.get(`/api/meetings/${m.id}`)).json();
    expect(detail.attendance.find((a: { memberId: number }) => a.memberId === me.fx.memberIn.villageA1)).toMatchObject({
      status: 'present',
      method: 'self',
    });
    expect(detail.checkin).toMatchObject({ code, url });
    expect(detail.checkin.qrSvg).toContain('<svg');
    // A member cannot mark anyone, and the secretary marks those without phones.
    expect(
      (await member.patch(`/api/meetings/${m.id}`, { attendance: [{ memberId: extra[1], status: 'present' }] }))
        .statusCode,
    ).toBe(403);
    const marked = await me.sec.patch(`/api/meetings/${m.id}`, {
      attendance: [{ memberId: extra[1], status: 'present' }],
    });
    expect(marked.json().present).toBe(2);
    expect(
      marked.json().attendance.find((a: { memberId: number }) => a.memberId === me.fx.memberIn.villageA1).method,
    ).toBe('self');
    // After the window the code no longer works.
    me.env.clock.advance(3 * 3_600_000);
    const later = await login(me.env.app, 't-member-a1');
    expect((await later.post('/api/meetings/checkin', { code })).json().error.code).toBe('meetings.checkin_invalid');
    me.env.clock.advance(-3 * 3_600_000);
  });

  it('computes figures and exports a branch year of records', async () => {
    const s = (await me.county.get(`/api/stats/meetings?org=${me.fx.townA}&period=2026`)).json();
    expect(s.meetings).toBeGreaterThan(5);
    expect(s.byKind.reduce((a: number, k: { count: number }) => a + k.count, 0)).toBe(s.meetings);
    expect(s.attendance.rate).toBeGreaterThan(0);
    expect(s.attendance.rate).toBeLessThanOrEqual(1);
    expect(s.lectures.total).toBeGreaterThanOrEqual(1);
    expect(s.incomplete).toBeGreaterThanOrEqual(2);
    const x = await me.sec.get(`/api/meetings/yearbook?org=${me.fx.villageA1}&year=2026`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });
});
