/**
 * Routes anyone may call are limited per address and globally; the sign-in code cannot be sent to many phones from one
 * address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { limitedPublicRoutes } from '../../src/platform/limits.js';
import { buildFixture, createEnv, dialects, TestClock, type TestEnv } from '../harness.js';

const PER_IP = 20;
const GLOBAL = 400;
const HEADER = { 'x-requested-with': 'dangjian' };

function expect429(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(429);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.json().error.code).toBe('rate_limited');
}

describe.each(dialects())('public limits (%s)', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createEnv(dialect, {}, new TestClock(), {
      limits: {
        publicPerIpPerMinute: PER_IP,
        publicGlobalPerMinute: GLOBAL,
        codePhonesPerIpPerHour: 3,
        codePhonesPerIpPerDay: 5,
      },
    });
    await buildFixture(env);
  });
  afterAll(() => env.close());

  const get = (url: string, ip: string) => env.app.inject({ method: 'GET', url, remoteAddress: ip });

  it('limits every public GET route per address; a second address is still served; health never limited', async () => {
    const gets = limitedPublicRoutes(env.app).filter((r) => r.method === 'GET' && !r.url.includes(':'));
    const urls = gets.map((r) => r.url);
    expect(urls).toEqual(
      expect.arrayContaining(['/api/public/wishes', '/api/public/places', '/api/public/resident/me']),
    );
    expect(urls).not.toContain('/api/health');
    for (const url of urls) {
      const answers = await Promise.all(Array.from({ length: 120 }, () => get(url, '10.1.0.1')));
      const limited = answers.filter((a) => a.statusCode === 429);
      expect(limited.length, url).toBe(120 - PER_IP);
      expect429(limited[0]!);
      expect((await get(url, '10.1.0.2')).statusCode, url).not.toBe(429);
    }
    const health = await Promise.all(Array.from({ length: 150 }, () => get('/api/health', '10.1.0.1')));
    expect(health.every((h) => h.statusCode === 200)).toBe(true);
  });

  it('refuses every address once the global limit is spent', async () => {
    let refusedFresh: LightMyRequestResponse | null = null;
    for (let i = 0; i < GLOBAL / 10 + 5 && !refusedFresh; i++) {
      const answers = await Promise.all(Array.from({ length: 10 }, () => get('/api/public/places', `10.2.${i}.1`)));
      // Ten requests are well under the per-address limit: a refusal here is the global one.
      refusedFresh = answers.find((a) => a.statusCode === 429) ?? null;
    }
    expect(refusedFresh).not.toBeNull();
    expect429(refusedFresh!);
    expect((await get('/api/health', '10.2.250.1')).statusCode).toBe(200);
  });
});

describe.each(dialects())('sign-in codes per address (%s)', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createEnv(dialect, {}, new TestClock(), {
      limits: { codePhonesPerIpPerHour: 3, codePhonesPerIpPerDay: 5 },
    });
    await buildFixture(env);
  });
  afterAll(() => env.close());

  const code = (phone: string, ip: string) =>
    env.app.inject({
      method: 'POST',
      url: '/api/public/resident/code',
      remoteAddress: ip,
      headers: HEADER,
      payload: { phone },
    });

  it('refuses the fourth different phone from one address within the hour, and five a day', async () => {
    const phones = ['13900000001', '13900000002', '13900000003', '13900000004', '13900000005', '13900000006'];
    for (const p of phones.slice(0, 3)) expect((await code(p, '10.3.0.1')).statusCode).toBe(200);
    const fourth = await code(phones[3]!, '10.3.0.1');
    expect429(fourth);
    expect(Number(fourth.headers['retry-after'])).toBeLessThanOrEqual(3600);
    // Not sent: nothing in the outbox for the refused number.
    expect(await env.ctx.db.selectFrom('message_outbox').select('id').execute()).toHaveLength(3);
    // A number already used from this address is not a new one; another address may text the fourth.
    env.clock.advance(61_000);
    expect((await code(phones[0]!, '10.3.0.1')).statusCode).toBe(200);
    expect((await code(phones[3]!, '10.3.0.2')).statusCode).toBe(200);
    // Parallel requests cannot slip past the count.
    const burst = await Promise.all(phones.slice(0, 5).map((p, i) => code(`1380000000${i}`, '10.3.0.3')));
    expect(burst.filter((b) => b.statusCode === 200)).toHaveLength(3);
    // An hour later the address may text new numbers, up to five a day.
    env.clock.advance(3_600_000);
    expect((await code(phones[4]!, '10.3.0.1')).statusCode).toBe(200);
    expect((await code(phones[5]!, '10.3.0.1')).statusCode).toBe(200);
    expect429(await code('13900000007', '10.3.0.1'));
  });
});
