import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3 } from '../../src/platform/crypto.js';
import { openDatabase } from '../../src/db/database.js';
import { runCli } from '../run-cli.js';
import { dialects, login, openFixture, rootOrgRow, type Fixture, type TestEnv } from '../harness.js';
import { DAY, openWishes, Phone, signIn } from './fixtures.js';
import { loadConfig } from '../../src/config.js';

describe.each(dialects())('micro-wishes and errands: the resident on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let resident: Phone;
  const PHONE = '13812345678';
  const MASKED = '138****5678';

  beforeAll(async () => {
    ({ env, fx } = await openWishes(dialect));
    resident = new Phone(env);
  });
  afterAll(() => env.close());

  it('lets a resident see and rate their own requests: dissatisfied reopens once with a new deadline', async () => {
    // Weeks have passed on the clock: the seven-day session is over.
    expect((await resident.req('GET', '/api/public/resident/me')).json().error.code).toBe(
      'residents.resident_required',
    );
    resident = await signIn(env, PHONE, MASKED);
    const now = env.clock.now.toISOString();
    const org = await env.ctx.db
      .selectFrom('orgs')
      .select(['org_path'])
      .where('id', '=', fx.villageA1)
      .executeTakeFirstOrThrow();
    const base = {
      tenant_id: fx.county,
      org_id: fx.villageA1,
      org_path: org.org_path,
      origin_org_id: fx.villageA1,
      origin_path: org.org_path,
      household_id: null,
      resident_name: '赵六',
      channel: 'reception',
      category: 'infrastructure',
      description: '路灯不亮',
      level: 'studied',
      status: 'closed',
      accepted_at: now,
      due_at: now,
      owner_member_id: null,
      owner_name: null,
      department: null,
      escalations: 0,
      escalated_at: null,
      closed_at: now,
      result: '已修复',
      rating: null,
      rated_at: null,
      reopened: 0,
      phone_enc: env.ctx.vault.encrypt(PHONE),
      phone_hash: env.ctx.vault.lookupHash(PHONE),
      phone_masked: MASKED,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    const { id } = await env.ctx.db
      .insertInto('requests')
      .values({ ...base, request_no: '2026-90001' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await env.ctx.db
      .insertInto('requests')
      .values({
        ...base,
        request_no: '2026-90002',
        phone_hash: env.ctx.vault.lookupHash('13911112222'),
        phone_masked: '139****2222',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const list = (await resident.req('GET', '/api/public/resident/requests')).json();
    expect(list.items.map((r: { id: number }) => r.id)).toEqual([id]);
    // The resident sees the number to quote when asking after it.
    expect(list.items[0].requestNo).toBe('2026-90001');
    expect(
      (await resident.req('POST', `/api/public/resident/requests/${other.id}/rate`, { rating: 'satisfied' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await resident.req(
          'POST',
          `/api/public/resident/requests/${id}/rate`,
          { rating: 'dissatisfied' },
          { header: false },
        )
      ).json().error.code,
    ).toBe('auth.csrf');

    const r1 = await resident.req('POST', `/api/public/resident/requests/${id}/rate`, { rating: 'dissatisfied' });
    expect(r1.statusCode).toBe(200);
    expect(r1.json()).toMatchObject({
      status: 'reopened',
      reopened: 1,
      rating: null,
      closedAt: null,
      dueAt: new Date(env.clock.now.getTime() + 7 * DAY).toISOString(),
    });
    expect(
      (await resident.req('POST', `/api/public/resident/requests/${id}/rate`, { rating: 'satisfied' })).json().error
        .code,
    ).toBe('residents.request_not_closed');
    // Closed again: a second dissatisfied rating stays (the rule allows one reopening).
    await env.ctx.db
      .updateTable('requests')
      .set({ status: 'closed', closed_at: env.clock.now.toISOString() })
      .where('id', '=', id)
      .execute();
    const r2 = (
      await resident.req('POST', `/api/public/resident/requests/${id}/rate`, { rating: 'dissatisfied' })
    ).json();
    expect(r2).toMatchObject({ status: 'closed', reopened: 1, rating: 'dissatisfied' });
    expect(
      (await resident.req('POST', `/api/public/resident/requests/${id}/rate`, { rating: 'satisfied' })).json().error
        .code,
    ).toBe('residents.already_rated');
    const events = await env.ctx.db
      .selectFrom('timeline_events')
      .select('action as kind')
      .where('entity_type', '=', 'request')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['rated', 'reopened', 'rated']);
  });

  it('ends the resident session on sign-out', async () => {
    expect(
      (await resident.req('POST', '/api/public/resident/logout', undefined, { header: false })).json().error.code,
    ).toBe('auth.csrf');
    const token = resident.cookies.dj_resident!;
    expect((await resident.req('POST', '/api/public/resident/logout')).json()).toEqual({ ok: true });
    const s = await env.ctx.db
      .selectFrom('resident_sessions')
      .select('ended_at')
      .where('token_hash', '=', sm3(token))
      .executeTakeFirstOrThrow();
    expect(s.ended_at).not.toBeNull();
    const stale = new Phone(env);
    stale.cookies.dj_resident = token;
    expect((await stale.req('GET', '/api/public/resident/wishes')).json().error.code).toBe(
      'residents.resident_required',
    );
  });
});

describe('configuration of the SMS sender', () => {
  it('defaults to the outbox and needs a gateway URL for the webhook sender', () => {
    expect(loadConfig({}).sms).toEqual({ sender: 'outbox', webhookUrl: null });
    expect(() => loadConfig({ DJ_SMS_SENDER: 'webhook' })).toThrow(/DJ_SMS_WEBHOOK_URL/);
    expect(() => loadConfig({ DJ_SMS_SENDER: 'pigeon' })).toThrow(/outbox or webhook/);
    expect(loadConfig({ DJ_SMS_SENDER: 'webhook', DJ_SMS_WEBHOOK_URL: 'https://sms.example.cn/send' }).sms).toEqual({
      sender: 'webhook',
      webhookUrl: 'https://sms.example.cn/send',
    });
  });
});

describe.each(dialects())('the webhook SMS sender and the wall on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let server: http.Server;
  const received: { to: string; text: string }[] = [];
  beforeAll(async () => {
    ({ env, fx } = await openFixture(dialect));
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    env.ctx.config.sms = {
      sender: 'webhook',
      webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    };
  });
  afterAll(async () => {
    server.close();
    await env.close();
  });

  it('posts the code to the gateway, keeps only a masked record, and the code signs in', async () => {
    const p = new Phone(env);
    expect((await p.req('POST', '/api/public/resident/code', { phone: '+86 150 0000 9999' })).statusCode).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toBe('15000009999');
    const code = /(\d{6})/.exec(received[0]!.text)![1]!;
    const row = await env.ctx.db.selectFrom('message_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'sms-webhook', to_masked: '150****9999' });
    expect(row.body).not.toContain(code);
    expect(fs.existsSync(path.join(env.dataDir, 'outbox.log'))).toBe(false);
    expect((await p.req('POST', '/api/public/resident/verify', { phone: '15000009999', code })).statusCode).toBe(200);
    // Another phone's code does not open this one.
    expect((await p.req('POST', '/api/public/resident/code', { phone: '15000008888' })).statusCode).toBe(200);
    const other = /(\d{6})/.exec(received[1]!.text)![1]!;
    expect(
      (await p.req('POST', '/api/public/resident/verify', { phone: '15000009999', code: other })).json().error.code,
    ).toBe('residents.code_invalid');
  });

  it('pages the public wall, newest first', async () => {
    const sec = await login(env.app, 't-sec-a1');
    for (let i = 1; i <= 3; i++) {
      expect(
        (await sec.post('/api/wishes', { orgId: fx.villageA1, kind: 'wish', title: `心愿${i}`, description: '无' }))
          .statusCode,
      ).toBe(200);
      env.clock.advance(1000);
    }
    const page2 = (await env.app.inject({ method: 'GET', url: '/api/public/wishes?page=2&pageSize=2' })).json();
    expect(page2).toMatchObject({ total: 3 });
    expect(page2.items.map((i: { title: string }) => i.title)).toEqual(['心愿1']);
    expect((await env.app.inject({ method: 'GET', url: '/api/public/wishes?pageSize=501' })).statusCode).toBe(400);
  });
});

describe('the wishes job on the command line', () => {
  it('releases expired claims once (jobs run wishes)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-wishes-cli-'));
    try {
      expect((await runCli({ DATA_DIR: dataDir, DJ_DEMO: 'off' }, ['migrate'])).status).toBe(0);
      const database = openDatabase({ dataDir, databaseUrl: null });
      const now = new Date().toISOString();
      const past = new Date(Date.now() - DAY).toISOString();
      const { id: orgId } = await database.db
        .insertInto('orgs')
        .values(rootOrgRow('县委', now, 1, '/1/'))
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db
        .insertInto('wishes')
        .values({
          tenant_id: 1,
          org_id: orgId,
          org_path: '/1/',
          kind: 'wish',
          title: 't',
          description: 'd',
          household_id: null,
          resident_name: null,
          posted_via: 'worker',
          status: 'claimed',
          claimed_by_member_id: 7,
          claimed_at: past,
          claim_due_at: past,
          fulfilled_at: null,
          fulfil_note: null,
          confirmed_at: null,
          phone_enc: null,
          phone_hash: null,
          phone_masked: null,
          created_by: null,
          created_at: past,
          updated_at: past,
          deleted_at: null,
        })
        .execute();
      await database.close();
      const first = await runCli({ DATA_DIR: dataDir, DJ_DEMO: 'off' }, ['jobs', 'run', 'wishes']);
      expect(first.stdout).toContain('wishes: 1 claims past their deadline released');
      const second = await runCli({ DATA_DIR: dataDir, DJ_DEMO: 'off' }, ['jobs', 'run', 'wishes']);
      expect(second.stdout).toContain('wishes: 0 claims past their deadline released');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
