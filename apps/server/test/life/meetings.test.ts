import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../src/areas/life/meetings/meetings.reminders.js';
import {
  buildFixture,
  createEnv,
  dialects,
  login,
  testIdNumber,
  type Client,
  type Fixture,
  type TestEnv,
} from '../harness.js';

/** A 1×1 PNG with a tEXt chunk and an eXIf chunk holding fake GPS data. */
function pngWithMetadata(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from('Comment\0GPS 28.1234N 112.5678E secret place')),
    chunk('eXIf', Buffer.from('MM\0*GPSLatitude 28.1234')),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 200, 30, 30]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function multipart(file: Buffer, filename: string, type: string) {
  const boundary = '----dj' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(dialects())('organizational life on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let sec: Client;
  let county: Client;
  const extra: number[] = [];
  let probationary = 0;
  beforeAll(async () => {
    env = await createEnv(dialect);
    fx = await buildFixture(env);
    county = await login(env.app, 't-county');
    sec = await login(env.app, 't-sec-a1');
    // Village A1: 张三 plus eight full members and one probationary member.
    for (let i = 0; i < 8; i++) {
      extra.push(
        (
          await county.post('/api/members', {
            orgId: fx.villageA1,
            name: `党员${i}`,
            idNumber: testIdNumber('male', `197${i}-01-01`),
            gender: 'male',
            joinedAt: '2000-07-01',
          })
        ).json().id,
      );
    }
    probationary = (
      await county.post('/api/members', {
        orgId: fx.villageA1,
        name: '预备甲',
        idNumber: testIdNumber('female', '1999-09-09'),
        gender: 'female',
        joinedAt: '2026-03-01',
      })
    ).json().id;
    expect((await county.get(`/api/members/${probationary}`)).json().status).toBe('probationary');
  });
  afterAll(() => env.close());

  const meeting = (over: Record<string, unknown> = {}) => ({
    orgId: fx.villageA1,
    kind: 'committee_meeting',
    topic: '研究本月工作',
    heldOn: '2026-06-10',
    startTime: '19:30',
    endTime: '21:00',
    place: '村党群服务中心',
    hostName: '张三',
    recorderName: '党员0',
    minutes: '会议研究了本月重点工作。',
    ...over,
  });

  it('records a general meeting with every member expected, attendance, leave reasons and an entry date', async () => {
    const res = await sec.post(
      '/api/meetings',
      meeting({
        kind: 'general_meeting',
        attendance: [
          { memberId: extra[0], status: 'leave', leaveReason: '外出务工' },
          { memberId: fx.memberIn.villageA1, status: 'present' },
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

  it('refuses a meeting in the future, a kind that does not apply, and outsiders in the attendance', async () => {
    expect((await sec.post('/api/meetings', meeting({ heldOn: '2026-06-16' }))).json().error.code).toBe(
      'meetings.in_future',
    );
    expect((await sec.post('/api/meetings', meeting({ kind: 'leadership_life_meeting' }))).json().error.code).toBe(
      'meetings.kind_not_applicable',
    );
    expect(
      (await county.post('/api/meetings', meeting({ orgId: fx.townA, kind: 'committee_meeting' }))).json().error.code,
    ).toBe('meetings.kind_not_applicable');
    expect(
      (
        await sec.post(
          '/api/meetings',
          meeting({ attendance: [{ memberId: fx.memberIn.villageB1, status: 'present' }] }),
        )
      ).json().error.code,
    ).toBe('meetings.not_attendee');
    expect((await sec.post('/api/meetings', meeting({ startTime: '25:00' }))).json().error.code).toBe('validation');
  });

  it('marks a meeting entered late and one without minutes or attendance as incomplete', async () => {
    const late = (await sec.post('/api/meetings', meeting({ heldOn: '2026-05-20' }))).json();
    expect(late.lateEntry).toBe(true);
    expect(late.complete).toBe(false);
    expect(late.missing).toEqual(['attendance']);
    const bare = (await sec.post('/api/meetings', meeting({ minutes: '' }))).json();
    expect(bare.missing).toEqual(['minutes', 'attendance']);
    const list = (await sec.get('/api/meetings?incomplete=true&pageSize=100')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual(expect.arrayContaining([late.id, bare.id]));
    expect(list.items.every((i: { complete: boolean }) => !i.complete)).toBe(true);
  });

  it('counts votes: quorum from full members present, probationary members do not vote', async () => {
    const present = [fx.memberIn.villageA1, ...extra.slice(0, 4)].map((memberId) => ({ memberId, status: 'present' }));
    // 9 full members: 5 present is a quorum (5 > 4.5); the probationary member's presence does not count.
    const ok = await sec.post(
      '/api/meetings',
      meeting({
        kind: 'general_meeting',
        attendance: [...present, { memberId: probationary, status: 'present' }],
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
    const few = await sec.post(
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
        await sec.post(
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
      (await sec.post('/api/meetings', meeting({ motions: [{ title: 'x', yes: 1, no: 0, abstain: 0 }] }))).json().error
        .code,
    ).toBe('meetings.votes_only');
  });

  it('refuses more than one third excellent in a democratic review', async () => {
    const ids = [fx.memberIn.villageA1, ...extra];
    const grades = (excellent: number) =>
      ids.map((memberId, i) => ({ memberId, grade: i < excellent ? 'excellent' : 'qualified' }));
    const bad = await sec.post('/api/meetings', meeting({ kind: 'member_review', reviews: grades(4) }));
    expect(bad.json().error.code).toBe('meetings.too_many_excellent');
    const good = await sec.post('/api/meetings', meeting({ kind: 'member_review', reviews: grades(3) }));
    expect(good.statusCode).toBe(200);
    expect(good.json().reviews.filter((r: { grade: string }) => r.grade === 'excellent')).toHaveLength(3);
  });

  it('checks photos by content, limits their size and strips EXIF and GPS', async () => {
    const m = (await sec.post('/api/meetings', meeting({ kind: 'theme_day', topic: '主题党日：清洁家园' }))).json();
    const png = pngWithMetadata();
    const up = multipart(png, 'photo.png', 'image/png');
    const res = await sec.request('POST', `/api/meetings/${m.id}/photos`, up.body, { headers: up.headers });
    expect(res.statusCode).toBe(200);
    const img = await sec.get(res.json().url);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.subarray(0, 8)).toEqual(png.subarray(0, 8));
    expect(img.rawPayload.toString('latin1')).not.toContain('GPS');
    expect(img.rawPayload.toString('latin1')).not.toContain('eXIf');
    const html = multipart(Buffer.from('<html><script>alert(1)</script></html>'), 'photo.jpg', 'image/jpeg');
    expect(
      (await sec.request('POST', `/api/meetings/${m.id}/photos`, html.body, { headers: html.headers })).json().error
        .code,
    ).toBe('files.bad_type');
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(9 * 1024 * 1024)]);
    const huge = multipart(big, 'big.jpg', 'image/jpeg');
    const tooBig = await sec.request('POST', `/api/meetings/${m.id}/photos`, huge.body, { headers: huge.headers });
    expect(tooBig.statusCode).toBe(413);
    expect((await sec.get(`/api/meetings/${m.id}`)).json().photos).toHaveLength(1);
  });

  it('opens sign-in with a code; a member signs itself in on the phone, once', async () => {
    const m = (
      await sec.post(
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
    const open = await sec.post(`/api/meetings/${m.id}/checkin/open`, {});
    expect(open.statusCode).toBe(200);
    const { code, qrSvg, url } = open.json();
    expect(code).toMatch(/^\d{6}$/);
    expect(qrSvg).toContain('<svg');
    expect(url).toMatch(new RegExp(`^https?://[^/]+/m/checkin\\?code=${code}$`));
    const member = await login(env.app, 't-member-a1');
    const wrong = await member.post('/api/meetings/checkin', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.json().error.code).toBe('meetings.checkin_invalid');
    const ok = await member.post('/api/meetings/checkin', { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ meetingId: m.id, topic: '党课：学习党章' });
    const again = await member.post('/api/meetings/checkin', { code });
    expect(again.json().checkedInAt).toBe(ok.json().checkedInAt);
    const detail = (await sec.get(`/api/meetings/${m.id}`)).json();
    expect(detail.attendance.find((a: { memberId: number }) => a.memberId === fx.memberIn.villageA1)).toMatchObject({
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
    const marked = await sec.patch(`/api/meetings/${m.id}`, {
      attendance: [{ memberId: extra[1], status: 'present' }],
    });
    expect(marked.json().present).toBe(2);
    expect(
      marked.json().attendance.find((a: { memberId: number }) => a.memberId === fx.memberIn.villageA1).method,
    ).toBe('self');
    // After the window the code no longer works.
    env.clock.advance(3 * 3_600_000);
    const later = await login(env.app, 't-member-a1');
    expect((await later.post('/api/meetings/checkin', { code })).json().error.code).toBe('meetings.checkin_invalid');
    env.clock.advance(-3 * 3_600_000);
  });

  it('lets a branch secretary record only for its branch, a township read its villages, nobody else', async () => {
    expect((await sec.post('/api/meetings', meeting({ orgId: fx.villageA2 }))).statusCode).toBe(404);
    const townB = await login(env.app, 't-town-b');
    const mine = (await sec.get('/api/meetings?pageSize=5')).json().items[0];
    expect((await townB.get(`/api/meetings/${mine.id}`)).statusCode).toBe(404);
    expect((await townB.get('/api/meetings?pageSize=100')).json().items).toEqual([]);
    const townA = await login(env.app, 't-town-a');
    expect((await townA.get(`/api/meetings/${mine.id}`)).statusCode).toBe(200);
    const auditor = await login(env.app, 't-auditor');
    expect((await auditor.get('/api/meetings')).statusCode).toBe(403);
    const member = await login(env.app, 't-member-a1');
    expect((await member.post('/api/meetings', meeting())).statusCode).toBe(403);
    expect((await member.get('/api/meetings/mine')).json().items.length).toBeGreaterThan(0);
  });

  it('computes compliance for a subtree and period, and it moves when a meeting is recorded', async () => {
    const before = (await county.get(`/api/compliance/meetings?org=${fx.townA}&period=2026-06`)).json();
    const item = (c: { items: { orgId: number; kind: string }[] }, orgId: number, kind: string) =>
      c.items.find((i) => i.orgId === orgId && i.kind === kind) as
        | { required: number; held: number; status: string }
        | undefined;
    expect(item(before, fx.villageA2, 'committee_meeting')).toMatchObject({ required: 1, held: 0, status: 'due_soon' });
    expect(item(before, fx.villageA1, 'committee_meeting')).toMatchObject({ required: 1, held: 1, status: 'done' });
    expect(item(before, fx.villageB1, 'committee_meeting')).toBeUndefined();
    expect(before.summary.rate).toBeGreaterThan(0);
    expect(before.summary.rate).toBeLessThan(1);
    await county.post(
      '/api/meetings',
      meeting({ orgId: fx.villageA2, attendance: [{ memberId: fx.memberIn.villageA2, status: 'present' }] }),
    );
    const after = (await county.get(`/api/compliance/meetings?org=${fx.townA}&period=2026-06`)).json();
    expect(item(after, fx.villageA2, 'committee_meeting')).toMatchObject({ held: 1, status: 'done' });
    expect(after.summary.rate).toBeGreaterThan(before.summary.rate);
    const may = (await county.get(`/api/compliance/meetings?org=${fx.townA}&period=2026-05`)).json();
    expect(item(may, fx.villageA2, 'committee_meeting')).toMatchObject({ status: 'behind' });
    for (const p of ['2026-Q2', '2026'])
      expect((await county.get(`/api/compliance/meetings?period=${p}`)).statusCode).toBe(200);
    const xlsx = await county.get(`/api/compliance/meetings/export?org=${fx.townA}&period=2026-06`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await county.get('/api/compliance/meetings?period=2026-13')).statusCode).toBe(400);
    expect(
      (await (await login(env.app, 't-town-b')).get(`/api/compliance/meetings?org=${fx.townA}&period=2026-06`))
        .statusCode,
    ).toBe(404);
  });

  it('lets the county override a rule for a year; everyone sees the rules in force', async () => {
    const sec2 = await login(env.app, 't-sec-a1');
    expect(
      (
        await sec2.request('PUT', '/api/meeting-rules/2026/theme_day', {
          rule: { every: 'month', min: 1, fixedDay: 5 },
        })
      ).statusCode,
    ).toBe(403);
    const set = await county.request('PUT', '/api/meeting-rules/2026/theme_day', {
      rule: { every: 'month', min: 1, fixedDay: 5 },
    });
    expect(set.statusCode).toBe(200);
    const rules = (await (await login(env.app, 't-member-a1')).get('/api/meeting-rules?year=2026')).json();
    expect(rules.rules.find((r: { kind: string }) => r.kind === 'theme_day')).toMatchObject({
      source: 'county',
      rule: { fixedDay: 5 },
    });
    expect(
      (await county.get('/api/meeting-rules?year=2025'))
        .json()
        .rules.find((r: { kind: string }) => r.kind === 'theme_day').source,
    ).toBe('national');
    // The fixed day is the deadline: on 15 June a branch without a theme day is behind.
    const c = (await county.get(`/api/compliance/meetings?org=${fx.villageA2}&period=2026-06`)).json();
    expect(c.items.find((i: { kind: string }) => i.kind === 'theme_day')).toMatchObject({ status: 'behind' });
    await county.request('PUT', '/api/meeting-rules/2026/party_lecture', { rule: null });
    const c2 = (await county.get(`/api/compliance/meetings?org=${fx.villageA2}&period=2026-06`)).json();
    expect(c2.items.some((i: { kind: string }) => i.kind === 'party_lecture')).toBe(false);
    await county.request('PUT', '/api/meeting-rules/2026/party_lecture', { rule: { every: 'quarter', min: 1 } });
  });

  it('sends reminders once however often the job runs, in the app and to the robot webhook', async () => {
    const received: unknown[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('{"errcode":0}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    env.ctx.config.webhook = { url: `http://127.0.0.1:${port}/robot`, kind: 'wecom' };
    try {
      // 2026-07-28: July closes within a week and village A1 has held no committee meeting in July.
      const first = await runReminders(env.ctx, '2026-07-28');
      const second = await runReminders(env.ctx, '2026-07-28');
      expect(first.periodClosing).toBeGreaterThan(0);
      expect(second.created).toBe(0);
      expect(received).toHaveLength(1);
      // Two days before the fixed party day (the 5th), a branch without its theme day is reminded.
      const fixed = await runReminders(env.ctx, '2026-08-03');
      expect(fixed.fixedDay).toBe(1);
      expect((await runReminders(env.ctx, '2026-08-04')).fixedDay).toBe(0);
      expect(received[0]).toMatchObject({
        msgtype: 'markdown',
        markdown: { content: expect.stringContaining('组织生活提醒') },
      });
      // Political birthday: the member joined on 2010-07-01.
      const bday = await runReminders(env.ctx, '2026-07-01');
      expect(bday.birthdays).toBe(1);
      expect((await runReminders(env.ctx, '2026-07-01')).birthdays).toBe(0);
    } finally {
      env.ctx.config.webhook = null;
      server.close();
    }
    const secN = (await sec.get('/api/notifications')).json();
    expect(secN.unread).toBeGreaterThan(0);
    expect(secN.items.some((n: { title: string }) => n.title.includes('尚未召开'))).toBe(true);
    expect(secN.items.some((n: { title: string }) => n.title === '2026-08-05 是主题党日')).toBe(true);
    const member = await login(env.app, 't-member-a1');
    const mine = (await member.get('/api/notifications')).json();
    expect(mine.items.map((n: { title: string }) => n.title)).toContain('政治生日快乐');
    expect((await member.post(`/api/notifications/${secN.items[0].id}/read`)).statusCode).toBe(404);
    expect((await sec.post('/api/notifications/read-all')).json().count).toBe(secN.unread);
    expect((await sec.get('/api/notifications')).json().unread).toBe(0);
  });

  it('computes figures and exports a branch year of records', async () => {
    const s = (await county.get(`/api/stats/meetings?org=${fx.townA}&period=2026`)).json();
    expect(s.meetings).toBeGreaterThan(5);
    expect(s.byKind.reduce((a: number, k: { count: number }) => a + k.count, 0)).toBe(s.meetings);
    expect(s.attendance.rate).toBeGreaterThan(0);
    expect(s.attendance.rate).toBeLessThanOrEqual(1);
    expect(s.lectures.total).toBeGreaterThanOrEqual(1);
    expect(s.incomplete).toBeGreaterThanOrEqual(2);
    const x = await sec.get(`/api/meetings/yearbook?org=${fx.villageA1}&year=2026`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });

  it('soft-deletes a meeting, which leaves the figures until restored', async () => {
    const m = (
      await county.post(
        '/api/meetings',
        meeting({
          orgId: fx.villageA2,
          kind: 'theme_day',
          attendance: [{ memberId: fx.memberIn.villageA2, status: 'present' }],
        }),
      )
    ).json();
    const held = async () =>
      (await county.get(`/api/compliance/meetings?org=${fx.villageA2}&period=2026-06`))
        .json()
        .items.find((i: { kind: string }) => i.kind === 'theme_day').held;
    expect(await held()).toBe(1);
    expect((await county.delete(`/api/meetings/${m.id}`)).statusCode).toBe(200);
    expect(await held()).toBe(0);
    expect((await county.post(`/api/meetings/${m.id}/restore`)).statusCode).toBe(200);
    expect(await held()).toBe(1);
  });
});
