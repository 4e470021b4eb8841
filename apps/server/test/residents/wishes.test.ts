import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3 } from '../../src/platform/crypto.js';
import { scrub } from '../../src/platform/personal.js';
import { dialects, type Client, type Fixture, type TestEnv } from '../harness.js';
import { codeFromLog, DAY, openWishes, Phone, tinyPng } from './fixtures.js';

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
  let sec: Client;
  let townB: Client;
  let memberA1: Client;
  let memberA2: Client;
  let resident: Phone;
  const PHONE = '13812345678';
  const MASKED = '138****5678';

  beforeAll(async () => {
    ({ env, fx, sec, townB, memberA1, memberA2 } = await openWishes(dialect));
    resident = new Phone(env);
  });
  afterAll(() => env.close());

  it('signs a resident in by a one-time code: outbox, spacing, wrong codes, attempt cap, expiry, one use', async () => {
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
    expect(w).toMatchObject({ orgId: fx.villageA1, orgName: '东村', status: 'open', name: '赵六' });
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
    expect(mine.orgName).toBe('东村');
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/public/wishes?county=${fx.county}&kind=suggestion` })).json()
        .total,
    ).toBe(1);
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/public/wishes?county=${fx.county + 9999}` })).json().total,
    ).toBe(0);

    const places = (await env.app.inject({ method: 'GET', url: '/api/public/places' })).json();
    expect(places.map((p: { name: string; townshipName: string }) => `${p.townshipName}/${p.name}`).sort()).toEqual(
      ['东乡镇/东村', '东乡镇/南村', '西乡镇/西村'].sort(),
    );
    // Console routes still need a session.
    expect((await env.app.inject({ method: 'GET', url: '/api/wishes' })).statusCode).toBe(401);
  });

  it('a member of another village claims, fulfils it, never seeing the resident; the resident confirms', async () => {
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
    // Claimed by another: off the member's list.
    expect((await memberA1.get(`/api/wishes/${wishId}`)).statusCode).toBe(404);
    expect((await sec.post(`/api/wishes/${wishId}/claim`)).json().error.code).toBe('residents.member_required');
    expect((await memberA1.get('/api/wishes/mine')).json().total).toBe(0);
    expect((await memberA2.get('/api/wishes/mine')).json().items.map((w: { id: number }) => w.id)).toEqual([wishId]);

    const photoOf = (c: Client) => c.upload(`/api/wishes/${wishId}/photos`, tinyPng(), 'p.png', 'image/png');
    expect((await photoOf(memberA1)).json().error.code).toBe('residents.wish_not_yours');
    const photo = await photoOf(memberA2);
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
});
