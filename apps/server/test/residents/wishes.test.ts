import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, sm3 } from '../../src/platform/crypto.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { runCli } from '../run-cli.js';
import { releaseExpiredClaims } from '../../src/areas/residents/wishes/wishes.service.js';
import { scrub } from '../../src/platform/personal.js';
import {
  buildFixture,
  createEnv,
  dialects,
  login,
  PASSWORD,
  type Client,
  type Fixture,
  type TestEnv,
} from '../harness.js';

const DAY = 86_400_000;
const HEADER = { 'x-requested-with': 'dangjian' };

/** A resident's phone: carries the dj_resident cookie and (unless told not to) the anti-CSRF header. */
class Phone {
  cookies: Record<string, string> = {};
  constructor(private readonly env: TestEnv) {}
  async req(
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
    opts: { header?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const headers = method === 'POST' && opts.header !== false ? HEADER : {};
    const res = await this.env.app.inject({
      method,
      url,
      cookies: this.cookies,
      headers,
      ...(body !== undefined ? { payload: body as object } : method === 'POST' ? { payload: {} } : {}),
    });
    for (const c of res.cookies) this.cookies[c.name] = c.value;
    return res;
  }
}

/** Signs a phone in through the API (code from the outbox log). */
async function signIn(env: TestEnv, phone: string, masked: string): Promise<Phone> {
  const p = new Phone(env);
  const sent = await p.req('POST', '/api/public/resident/code', { phone });
  if (sent.statusCode !== 200) throw new Error(`code: ${sent.body}`);
  const res = await p.req('POST', '/api/public/resident/verify', { phone, code: codeFromLog(env, masked) });
  if (res.statusCode !== 200) throw new Error(`verify: ${res.body}`);
  return p;
}

/** The code in the last line of outbox.log for a masked phone. */
function codeFromLog(env: TestEnv, masked: string): string {
  const lines = fs
    .readFileSync(path.join(env.dataDir, 'outbox.log'), 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l.includes(masked));
  return /(\d{6})/.exec(lines[lines.length - 1]!.split('\t')[2]!)![1]!;
}

function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
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
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 200, 30, 30]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('scrubbing free text for the public wall', () => {
  it('masks mobiles (with or without separators), 18- and 15-digit ID numbers and the resident name', () => {
    expect(scrub('电话13812345678或138-1234-5678，身份证43052119800506001X，旧证430521800506001', '赵六')).toBe(
      '电话138****5678或138****5678，身份证430521********001X，旧证430521*****6001',
    );
    expect(scrub('赵六家的水管坏了', '赵六')).toBe('**家的水管坏了');
    expect(scrub('门牌号 12 号，面积 120 平方', null)).toBe('门牌号 12 号，面积 120 平方');
  });
});

describe.each(dialects())('micro-wishes and errands on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let sec: Client;
  let townA: Client;
  let townB: Client;
  let memberA1: Client;
  let memberA2: Client;
  let resident: Phone;
  const PHONE = '13812345678';
  const MASKED = '138****5678';

  beforeAll(async () => {
    // Long console sessions: the clock jumps weeks ahead in these tests.
    env = await createEnv(dialect, { idleMinutes: 1_000_000, absoluteHours: 1_000_000 });
    fx = await buildFixture(env);
    // A second member account, in another village of the same township (李四 of 南村).
    const now = env.ctx.clock().toISOString();
    const org = await env.ctx.db
      .selectFrom('orgs')
      .select('org_path')
      .where('id', '=', fx.villageA2)
      .executeTakeFirstOrThrow();
    await env.ctx.db
      .insertInto('users')
      .values({
        tenant_id: fx.county,
        username: 't-member-a2',
        display_name: 't-member-a2',
        password_hash: await hashPassword(PASSWORD),
        role: 'member',
        org_id: fx.villageA2,
        org_path: org.org_path,
        member_id: fx.memberIn.villageA2,
        status: 'active',
        locale: 'zh-CN',
        last_login_at: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    county = await login(env.app, 't-county');
    sec = await login(env.app, 't-sec-a1');
    townA = await login(env.app, 't-town-a');
    townB = await login(env.app, 't-town-b');
    memberA1 = await login(env.app, 't-member-a1');
    memberA2 = await login(env.app, 't-member-a2');
    resident = new Phone(env);
  });
  afterAll(() => env.close());

  it('signs a resident in with a one-time code: outbox, spacing, wrong codes, attempt cap, expiry, single use', async () => {
    // Without the anti-CSRF header the public POST is refused, before anything is sent.
    expect(
      (await resident.req('POST', '/api/public/resident/code', { phone: PHONE }, { header: false })).json().error.code,
    ).toBe('auth.csrf');
    expect((await resident.req('POST', '/api/public/resident/code', { phone: '12345678901' })).json().error.code).toBe(
      'residents.invalid_phone',
    );

    const sent = await resident.req('POST', '/api/public/resident/code', { phone: PHONE });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ ok: true, expiresInSeconds: 300, resendInSeconds: 60 });
    const outbox = await env.ctx.db.selectFrom('message_outbox').selectAll().execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ channel: 'sms', to_masked: MASKED, to_hash: env.ctx.vault.lookupHash(PHONE) });
    const code1 = codeFromLog(env, MASKED);
    expect(code1).toMatch(/^\d{6}$/);
    expect(outbox[0]!.body).toContain(code1);
    const log = fs.readFileSync(path.join(env.dataDir, 'outbox.log'), 'utf8');
    expect(log).not.toContain(PHONE);
    // Stored hashed with a salt: neither the code nor its plain SM3 is in the table.
    const stored = await env.ctx.db.selectFrom('resident_codes').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.code_hash).not.toContain(code1);
    expect(stored[0]!.code_hash).not.toContain(sm3(code1));
    expect(stored[0]!.expires_at).toBe(new Date(env.clock.now.getTime() + 5 * 60_000).toISOString());

    const again = await resident.req('POST', '/api/public/resident/code', { phone: PHONE });
    expect(again.statusCode).toBe(429);
    expect(again.json().error).toMatchObject({ code: 'residents.code_too_soon', details: { retryAfterSeconds: 60 } });

    const wrong = code1 === '000000' ? '000001' : '000000';
    const w1 = await resident.req('POST', '/api/public/resident/verify', { phone: PHONE, code: wrong });
    expect(w1.statusCode).toBe(401);
    expect(w1.json().error).toMatchObject({ code: 'residents.code_invalid', details: { attemptsLeft: 4 } });
    for (let i = 0; i < 4; i++)
      await resident.req('POST', '/api/public/resident/verify', { phone: PHONE, code: wrong });
    // Five wrong tries used the code up: the right one no longer works.
    const capped = await resident.req('POST', '/api/public/resident/verify', { phone: PHONE, code: code1 });
    expect(capped.json().error).toMatchObject({ code: 'residents.code_invalid', details: { attemptsLeft: 0 } });
    expect(resident.cookies.dj_resident).toBeUndefined();

    // A new code a minute later expires after five minutes.
    env.clock.advance(61_000);
    expect((await resident.req('POST', '/api/public/resident/code', { phone: PHONE })).statusCode).toBe(200);
    const code2 = codeFromLog(env, MASKED);
    env.clock.advance(5 * 60_000 + 1000);
    expect(
      (await resident.req('POST', '/api/public/resident/verify', { phone: PHONE, code: code2 })).json().error.code,
    ).toBe('residents.code_invalid');

    // The right code in time signs in, once.
    expect((await resident.req('POST', '/api/public/resident/code', { phone: PHONE })).statusCode).toBe(200);
    const code3 = codeFromLog(env, MASKED);
    expect(await env.ctx.db.selectFrom('message_outbox').select('id').execute()).toHaveLength(3);
    const ok = await resident.req('POST', '/api/public/resident/verify', {
      phone: ` ${PHONE.slice(0, 3)} ${PHONE.slice(3)}`,
      code: code3,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ phone: MASKED, expiresAt: new Date(env.clock.now.getTime() + 7 * DAY).toISOString() });
    const cookie = ok.cookies.find((c) => c.name === 'dj_resident')!;
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/public/resident',
      maxAge: 7 * 86_400,
    });
    expect(cookie.value.length).toBeGreaterThanOrEqual(43); // 32 random bytes in base64url
    const session = await env.ctx.db.selectFrom('resident_sessions').selectAll().executeTakeFirstOrThrow();
    expect(session.token_hash).toBe(sm3(cookie.value));
    expect(session.phone_hash).toBe(env.ctx.vault.lookupHash(PHONE));
    expect(session.phone_enc).not.toContain(PHONE);
    const reuse = await new Phone(env).req('POST', '/api/public/resident/verify', { phone: PHONE, code: code3 });
    expect(reuse.json().error.code).toBe('residents.code_invalid');

    expect((await resident.req('GET', '/api/public/resident/me')).json()).toMatchObject({ phone: MASKED });
    expect((await new Phone(env).req('GET', '/api/public/resident/me')).json().error.code).toBe(
      'residents.resident_required',
    );
    const audits = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'success', 'actor_name', 'changes', 'detail'])
      .where('action', 'like', 'resident.%')
      .execute();
    expect(audits.filter((a) => a.action === 'resident.sign_in' && a.success === 1)).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain(PHONE);
  });

  it('limits codes per phone per hour', async () => {
    const p = new Phone(env);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push((await p.req('POST', '/api/public/resident/code', { phone: '13900001111' })).statusCode);
      env.clock.advance(61_000);
    }
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
  });

  let wishId = 0;
  it('lets a resident post a wish that shows on the public wall without name, phone or ID number', async () => {
    const body = {
      orgId: fx.villageA1,
      kind: 'wish',
      title: '想要一台轮椅',
      description: `腿脚不便，联系电话${PHONE}，身份证430521198005060012，赵六`,
      name: '赵六',
    };
    expect((await resident.req('POST', '/api/public/resident/wishes', body, { header: false })).json().error.code).toBe(
      'auth.csrf',
    );
    expect((await new Phone(env).req('POST', '/api/public/resident/wishes', body)).json().error.code).toBe(
      'residents.resident_required',
    );
    expect(
      (await resident.req('POST', '/api/public/resident/wishes', { ...body, orgId: fx.townA })).json().error.code,
    ).toBe('residents.org_not_village');
    expect(
      (await resident.req('POST', '/api/public/resident/wishes', { ...body, orgId: fx.groupA1 })).json().error.code,
    ).toBe('residents.org_not_village');
    const res = await resident.req('POST', '/api/public/resident/wishes', body);
    expect(res.statusCode).toBe(200);
    const w = res.json();
    wishId = w.id;
    expect(w).toMatchObject({ orgId: fx.villageA1, orgName: '东村党支部', status: 'open', name: '赵六' });
    const row = await env.ctx.db.selectFrom('wishes').selectAll().where('id', '=', wishId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      posted_via: 'phone',
      phone_hash: env.ctx.vault.lookupHash(PHONE),
      phone_masked: MASKED,
      resident_name: '赵六',
      tenant_id: fx.county,
    });
    expect(row.phone_enc).not.toContain(PHONE);

    // A worker enters one for a resident without a phone of their own.
    const byWorker = await sec.post('/api/wishes', {
      orgId: fx.villageA1,
      kind: 'suggestion',
      title: '村口路灯',
      description: '建议在村口加装路灯',
      residentName: '钱七',
      phone: '13700001234',
    });
    expect(byWorker.statusCode).toBe(200);
    expect(byWorker.json()).toMatchObject({
      postedVia: 'worker',
      residentName: '钱七',
      phone: '137****1234',
      status: 'open',
    });
    expect(
      (await sec.post('/api/wishes', { orgId: fx.villageB1, kind: 'wish', title: 'x', description: 'y' })).statusCode,
    ).toBe(404);
    expect(
      (await memberA1.post('/api/wishes', { orgId: fx.villageA1, kind: 'wish', title: 'x', description: 'y' })).json()
        .error.code,
    ).toBe('forbidden');

    // No cookie at all: the wall and the places answer.
    const wall = await env.app.inject({ method: 'GET', url: '/api/public/wishes' });
    expect(wall.statusCode).toBe(200);
    for (const secret of [PHONE, '赵六', '430521198005060012', '钱七', '13700001234', '137****1234'])
      expect(wall.body).not.toContain(secret);
    const items = wall.json().items;
    expect(wall.json().total).toBe(2);
    const mine = items.find((i: { id: number }) => i.id === wishId);
    expect(Object.keys(mine).sort()).toEqual([
      'claimedAt',
      'confirmedAt',
      'createdAt',
      'description',
      'fulfilledAt',
      'id',
      'kind',
      'orgName',
      'status',
      'title',
    ]);
    expect(mine.description).toBe('腿脚不便，联系电话138****5678，身份证430521********0012，**');
    expect(mine.orgName).toBe('东村党支部');
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/public/wishes?county=${fx.county}&kind=suggestion` })).json()
        .total,
    ).toBe(1);
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/public/wishes?county=${fx.county + 9999}` })).json().total,
    ).toBe(0);

    const places = (await env.app.inject({ method: 'GET', url: '/api/public/places' })).json();
    expect(places.map((p: { name: string; townshipName: string }) => `${p.townshipName}/${p.name}`).sort()).toEqual(
      ['东乡镇党委/东村党支部', '东乡镇党委/南村党支部', '西乡镇党委/西村党支部'].sort(),
    );
    // Console routes still need a session.
    expect((await env.app.inject({ method: 'GET', url: '/api/wishes' })).statusCode).toBe(401);
  });

  it('lets a member of another village claim and fulfil it, never showing the resident; the resident confirms', async () => {
    const seen = await memberA2.get('/api/wishes');
    expect(seen.statusCode).toBe(200);
    expect(seen.json().total).toBe(2);
    for (const secret of [PHONE, '赵六', '钱七', '430521198005060012', '137****1234'])
      expect(seen.body).not.toContain(secret);
    expect(
      seen
        .json()
        .items.every((w: { residentName: unknown; phone: unknown }) => w.residentName === null && w.phone === null),
    ).toBe(true);
    // Staff of the village see the resident, masked.
    expect((await sec.get(`/api/wishes/${wishId}`)).json()).toMatchObject({ residentName: '赵六', phone: MASKED });
    expect((await townB.get(`/api/wishes/${wishId}`)).statusCode).toBe(404);

    const claimedAt = env.clock.now.toISOString();
    const c = await memberA2.post(`/api/wishes/${wishId}/claim`);
    expect(c.statusCode).toBe(200);
    expect(c.json()).toMatchObject({
      status: 'claimed',
      claimedBy: { memberId: fx.memberIn.villageA2, name: '李四' },
      claimedAt,
      claimDueAt: new Date(env.clock.now.getTime() + 14 * DAY).toISOString(),
    });
    expect((await memberA1.post(`/api/wishes/${wishId}/claim`)).json().error.code).toBe('residents.wish_not_open');
    expect((await memberA1.post(`/api/wishes/${wishId}/fulfil`, { note: '已送到' })).json().error.code).toBe(
      'residents.wish_not_yours',
    );
    expect((await memberA1.get(`/api/wishes/${wishId}`)).statusCode).toBe(404); // claimed by another: off the member's list
    expect((await sec.post(`/api/wishes/${wishId}/claim`)).json().error.code).toBe('residents.member_required');
    expect((await memberA1.get('/api/wishes/mine')).json().total).toBe(0);
    expect((await memberA2.get('/api/wishes/mine')).json().items.map((w: { id: number }) => w.id)).toEqual([wishId]);

    const png = tinyPng();
    const boundary = '----djtest';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect(
      (
        await memberA1.request('POST', `/api/wishes/${wishId}/photos`, payload, {
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        })
      ).json().error.code,
    ).toBe('residents.wish_not_yours');
    const photo = await memberA2.request('POST', `/api/wishes/${wishId}/photos`, payload, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(photo.statusCode).toBe(200);

    // Not yet fulfilled: the resident cannot confirm.
    expect((await resident.req('POST', `/api/public/resident/wishes/${wishId}/confirm`)).json().error.code).toBe(
      'residents.wish_state',
    );
    const f = await memberA2.post(`/api/wishes/${wishId}/fulfil`, { note: '已联系民政所送去轮椅' });
    expect(f.json()).toMatchObject({ status: 'fulfilled', fulfilNote: '已联系民政所送去轮椅', photos: 1 });
    const mineR = (await resident.req('GET', '/api/public/resident/wishes')).json();
    expect(mineR.total).toBe(1);
    expect(mineR.items[0]).toMatchObject({
      id: wishId,
      status: 'fulfilled',
      claimedByName: '李四',
      fulfilNote: '已联系民政所送去轮椅',
    });
    // Another resident cannot touch it.
    expect((await new Phone(env).req('POST', `/api/public/resident/wishes/${wishId}/confirm`)).statusCode).toBe(401);
    expect(
      (await resident.req('POST', `/api/public/resident/wishes/${wishId}/confirm`, undefined, { header: false })).json()
        .error.code,
    ).toBe('auth.csrf');
    const conf = await resident.req('POST', `/api/public/resident/wishes/${wishId}/confirm`);
    expect(conf.json()).toMatchObject({ status: 'confirmed', confirmedAt: env.clock.now.toISOString() });
    expect((await resident.req('POST', `/api/public/resident/wishes/${wishId}/confirm`)).json().error.code).toBe(
      'residents.wish_state',
    );

    const detail = (await sec.get(`/api/wishes/${wishId}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual([
      'posted',
      'claimed',
      'photo',
      'fulfilled',
      'confirmed',
    ]);
    expect(detail.events[4].actorName).toBe(`群众 ${MASKED}`);
    expect(detail.photoList).toHaveLength(1);
    expect((await memberA2.get(detail.photoList[0].url)).statusCode).toBe(200);
    const wall = (await env.app.inject({ method: 'GET', url: '/api/public/wishes?status=confirmed' })).json();
    expect(wall.items.map((i: { id: number }) => i.id)).toEqual([wishId]);

    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'changes'])
      .where('entity_type', '=', 'wish')
      .where('entity_id', '=', String(wishId))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'wish.create',
      'wish.claim',
      'wish.photo_add',
      'wish.fulfil',
      'wish.confirm',
    ]);
    expect(audit[0]!.actor_name).toBe(`resident:${MASKED}`);
    expect(
      JSON.stringify(await env.ctx.db.selectFrom('audit_log').select(['changes', 'detail', 'actor_name']).execute()),
    ).not.toContain(PHONE);
    const version = await env.ctx.db
      .selectFrom('data_versions')
      .select('version')
      .where('tenant_id', '=', fx.county)
      .where('domain', '=', 'residents')
      .executeTakeFirstOrThrow();
    expect(version.version).toBeGreaterThanOrEqual(6);
  });

  it('lets a resident withdraw an open wish only', async () => {
    const w = (
      await resident.req('POST', '/api/public/resident/wishes', {
        orgId: fx.villageB1,
        kind: 'suggestion',
        title: '建议开通公交',
        description: '建议开通到县城的公交',
      })
    ).json();
    expect(w.name).toBeNull();
    const out = await resident.req('POST', `/api/public/resident/wishes/${w.id}/withdraw`);
    expect(out.json().status).toBe('withdrawn');
    expect((await resident.req('POST', `/api/public/resident/wishes/${w.id}/withdraw`)).json().error.code).toBe(
      'residents.wish_state',
    );
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/public/wishes' }))
        .json()
        .items.map((i: { id: number }) => i.id),
    ).not.toContain(w.id);
  });

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
    // The secretary records one for a member of the village; a member of another village is outside the scope (404, its existence not shown).
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
    const { id } = await env.ctx.db.insertInto('requests').values(base).returning('id').executeTakeFirstOrThrow();
    const other = await env.ctx.db
      .insertInto('requests')
      .values({ ...base, phone_hash: env.ctx.vault.lookupHash('13911112222'), phone_masked: '139****2222' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const list = (await resident.req('GET', '/api/public/resident/requests')).json();
    expect(list.items.map((r: { id: number }) => r.id)).toEqual([id]);
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
  let env: TestEnv;
  let fx: Fixture;
  let server: http.Server;
  const received: { to: string; text: string }[] = [];
  beforeAll(async () => {
    env = await createEnv(dialect);
    fx = await buildFixture(env);
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
        .values({
          tenant_id: 1,
          parent_id: null,
          org_path: '/1/',
          depth: 0,
          name: '县委',
          type: 'committee',
          field: null,
          term_start: null,
          term_end: null,
          secretary_member_id: null,
          committee: '[]',
          sort_order: 0,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
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
