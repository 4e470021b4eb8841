/** Organizational life: who records and reads, compliance, rule overrides, reminders and soft-deletion. */
import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../src/areas/life/meetings/meetings.reminders.js';
import { dialects, login } from '../harness.js';
import { meetingsEnv } from './meetings-kit.js';

describe.each(dialects())('organizational life · scope, compliance, rules, reminders on %s', (dialect) => {
  const me = meetingsEnv(dialect);
  const { meeting } = me;

  // A committee meeting of village A1 in June, attended by its member (in one file, the records tests left it).
  beforeAll(async () => {
    const attendance = [{ memberId: me.fx.memberIn.villageA1, status: 'present' }];
    const res = await me.sec.post('/api/meetings', meeting({ attendance }));
    expect(res.statusCode, res.body).toBe(200);
  });
  it('lets a branch secretary record only for its branch, a township read its villages, nobody else', async () => {
    expect((await me.sec.post('/api/meetings', meeting({ orgId: me.fx.villageA2 }))).statusCode).toBe(404);
    const townB = await login(me.env.app, 't-town-b');
    const mine = (await me.sec.get('/api/meetings?pageSize=5')).json().items[0];
    expect((await townB.get(`/api/meetings/${mine.id}`)).statusCode).toBe(404);
    expect((await townB.get('/api/meetings?pageSize=100')).json().items).toEqual([]);
    const townA = await login(me.env.app, 't-town-a');
    expect((await townA.get(`/api/meetings/${mine.id}`)).statusCode).toBe(200);
    const auditor = await login(me.env.app, 't-auditor');
    expect((await auditor.get('/api/meetings')).statusCode).toBe(403);
    const member = await login(me.env.app, 't-member-a1');
    expect((await member.post('/api/meetings', meeting())).statusCode).toBe(403);
    expect((await member.get('/api/meetings/mine')).json().items.length).toBeGreaterThan(0);
  });

  it('computes compliance for a subtree and period, and it moves when a meeting is recorded', async () => {
    const before = (await me.county.get(`/api/compliance/meetings?org=${me.fx.townA}&period=2026-06`)).json();
    const item = (c: { items: { orgId: number; kind: string }[] }, orgId: number, kind: string) =>
      c.items.find((i) => i.orgId === orgId && i.kind === kind) as
        | { required: number; held: number; status: string }
        | undefined;
    expect(item(before, me.fx.villageA2, 'committee_meeting')).toMatchObject({
      required: 1,
      held: 0,
      status: 'due_soon',
    });
    expect(item(before, me.fx.villageA1, 'committee_meeting')).toMatchObject({ required: 1, held: 1, status: 'done' });
    expect(item(before, me.fx.villageB1, 'committee_meeting')).toBeUndefined();
    expect(before.summary.rate).toBeGreaterThan(0);
    expect(before.summary.rate).toBeLessThan(1);
    await me.county.post(
      '/api/meetings',
      meeting({ orgId: me.fx.villageA2, attendance: [{ memberId: me.fx.memberIn.villageA2, status: 'present' }] }),
    );
    const after = (await me.county.get(`/api/compliance/meetings?org=${me.fx.townA}&period=2026-06`)).json();
    expect(item(after, me.fx.villageA2, 'committee_meeting')).toMatchObject({ held: 1, status: 'done' });
    expect(after.summary.rate).toBeGreaterThan(before.summary.rate);
    const may = (await me.county.get(`/api/compliance/meetings?org=${me.fx.townA}&period=2026-05`)).json();
    expect(item(may, me.fx.villageA2, 'committee_meeting')).toMatchObject({ status: 'behind' });
    for (const p of ['2026-Q2', '2026'])
      expect((await me.county.get(`/api/compliance/meetings?period=${p}`)).statusCode).toBe(200);
    const xlsx = await me.county.get(`/api/compliance/meetings/export?org=${me.fx.townA}&period=2026-06`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await me.county.get('/api/compliance/meetings?period=2026-13')).statusCode).toBe(400);
    expect(
      (await (await login(me.env.app, 't-town-b')).get(`/api/compliance/meetings?org=${me.fx.townA}&period=2026-06`))
        .statusCode,
    ).toBe(404);
  });

  it('lets the county override a rule for a year; everyone sees the rules in force', async () => {
    const sec2 = await login(me.env.app, 't-sec-a1');
    expect(
      (
        await sec2.request('PUT', '/api/meeting-rules/2026/theme_day', {
          rule: { every: 'month', min: 1, fixedDay: 5 },
        })
      ).statusCode,
    ).toBe(403);
    const set = await me.county.request('PUT', '/api/meeting-rules/2026/theme_day', {
      rule: { every: 'month', min: 1, fixedDay: 5 },
    });
    expect(set.statusCode).toBe(200);
    const rules = (await (await login(me.env.app, 't-member-a1')).get('/api/meeting-rules?year=2026')).json();
    expect(rules.rules.find((r: { kind: string }) => r.kind === 'theme_day')).toMatchObject({
      source: 'county',
      rule: { fixedDay: 5 },
    });
    expect(
      (await me.county.get('/api/meeting-rules?year=2025'))
        .json()
        .rules.find((r: { kind: string }) => r.kind === 'theme_day').source,
    ).toBe('national');
    // The fixed day is the deadline: on 15 June a branch without a theme day is behind.
    const c = (await me.county.get(`/api/compliance/meetings?org=${me.fx.villageA2}&period=2026-06`)).json();
    expect(c.items.find((i: { kind: string }) => i.kind === 'theme_day')).toMatchObject({ status: 'behind' });
    await me.county.request('PUT', '/api/meeting-rules/2026/party_lecture', { rule: null });
    const c2 = (await me.county.get(`/api/compliance/meetings?org=${me.fx.villageA2}&period=2026-06`)).json();
    expect(c2.items.some((i: { kind: string }) => i.kind === 'party_lecture')).toBe(false);
    await me.county.request('PUT', '/api/meeting-rules/2026/party_lecture', { rule: { every: 'quarter', min: 1 } });
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
    me.env.ctx.config.webhook = { url: `http://127.0.0.1:${port}/robot`, kind: 'wecom' };
    try {
      // 2026-07-28: July closes within a week and village A1 has held no committee meeting in July.
      const first = await runReminders(me.env.ctx, '2026-07-28');
      const second = await runReminders(me.env.ctx, '2026-07-28');
      expect(first.periodClosing).toBeGreaterThan(0);
      expect(second.created).toBe(0);
      expect(received).toHaveLength(1);
      // Two days before the fixed party day (the 5th), a branch without its theme day is reminded.
      const fixed = await runReminders(me.env.ctx, '2026-08-03');
      expect(fixed.fixedDay).toBe(1);
      expect((await runReminders(me.env.ctx, '2026-08-04')).fixedDay).toBe(0);
      expect(received[0]).toMatchObject({
        msgtype: 'markdown',
        markdown: { content: expect.stringContaining('组织生活提醒') },
      });
      // Political birthday: the member joined on 2010-07-01.
      const bday = await runReminders(me.env.ctx, '2026-07-01');
      expect(bday.birthdays).toBe(1);
      expect((await runReminders(me.env.ctx, '2026-07-01')).birthdays).toBe(0);
    } finally {
      me.env.ctx.config.webhook = null;
      server.close();
    }
    const secN = (await me.sec.get('/api/notifications')).json();
    expect(secN.unread).toBeGreaterThan(0);
    expect(secN.items.some((n: { title: string }) => n.title.includes('尚未召开'))).toBe(true);
    expect(secN.items.some((n: { title: string }) => n.title === '2026-08-05 是主题党日')).toBe(true);
    const member = await login(me.env.app, 't-member-a1');
    const mine = (await member.get('/api/notifications')).json();
    expect(mine.items.map((n: { title: string }) => n.title)).toContain('政治生日快乐');
    expect((await member.post(`/api/notifications/${secN.items[0].id}/read`)).statusCode).toBe(404);
    expect((await me.sec.post('/api/notifications/read-all')).json().count).toBe(secN.unread);
    expect((await me.sec.get('/api/notifications')).json().unread).toBe(0);
  });

  it('soft-deletes a meeting, which leaves the figures until restored', async () => {
    const m = (
      await me.county.post(
        '/api/meetings',
        meeting({
          orgId: me.fx.villageA2,
          kind: 'theme_day',
          attendance: [{ memberId: me.fx.memberIn.villageA2, status: 'present' }],
        }),
      )
    ).json();
    const held = async () =>
      (await me.county.get(`/api/compliance/meetings?org=${me.fx.villageA2}&period=2026-06`))
        .json()
        .items.find((i: { kind: string }) => i.kind === 'theme_day').held;
    expect(await held()).toBe(1);
    expect((await me.county.delete(`/api/meetings/${m.id}`)).statusCode).toBe(200);
    expect(await held()).toBe(0);
    expect((await me.county.post(`/api/meetings/${m.id}/restore`)).statusCode).toBe(200);
    expect(await held()).toBe(1);
  });
});
