import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_MAX_ATTEMPTS } from '../../src/areas/residents/signin/signin.service.js';
import { buildFixture, createEnv, dialects, PASSWORD, type Fixture, type TestEnv } from '../harness.js';

/** The lockout under concurrent guesses: the counter is one atomic upsert, taken before the slow password check. */
describe.each(dialects())('lockout under concurrency on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  beforeAll(async () => {
    // The per-IP sign-in limit (DJ_LOGIN_RATE_MAX) is raised by the harness so that only the account lock answers here.
    env = await createEnv(dialect, { maxFailures: 5, lockMinutes: 10 });
    fx = await buildFixture(env);
  });
  afterAll(() => env.close());

  const attempt = (username: string, password: string) =>
    env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const parallel = (n: number, username: string) =>
    Promise.all(Array.from({ length: n }, (_, i) => attempt(username, `Wrong@pass${i}`)));
  const row = (username: string) =>
    env.ctx.db.selectFrom('login_attempts').selectAll().where('username', '=', username).executeTakeFirst();
  const codes = (answers: { statusCode: number }[]) => answers.map((a) => a.statusCode);

  it('counts exactly 5 of 30 parallel wrong passwords, answers the rest with the lock, never 500', async () => {
    const { username } = fx.users.townB;
    const answers = await parallel(30, username);
    const statuses = codes(answers);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // Four plain failures, the fifth sets the lock, the other 25 are refused without a password check.
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 423)).toHaveLength(26);
    for (const a of answers.filter((x) => x.statusCode === 423)) expect(a.json().error.code).toBe('auth.locked');
    const r = await row(username);
    expect(Number(r!.failed_count)).toBe(5);
    expect(r!.locked_until! > env.clock.now.toISOString()).toBe(true);
    // Every attempt leaves an audit record.
    const audited = await env.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'auth.login')
      .where('actor_name', '=', username)
      .where('success', '=', 0)
      .execute();
    expect(audited).toHaveLength(30);
    expect(audited.filter((a) => a.detail === 'locked')).toHaveLength(25);

    // The right password is refused until the lock ends, and the refusals do not extend or reset it.
    expect((await attempt(username, PASSWORD)).statusCode).toBe(423);
    env.clock.advance(9 * 60_000);
    expect((await attempt(username, PASSWORD)).statusCode).toBe(423);
    expect(Number((await row(username))!.failed_count)).toBe(5);
    env.clock.advance(60_000 + 1000);
    expect((await attempt(username, PASSWORD)).statusCode).toBe(200);
    expect(await row(username)).toBeUndefined();
  });

  it('locks an account probed by bursts of 18 parallel guesses once a minute', async () => {
    const { username } = fx.users.townA;
    const all: number[] = [];
    for (let burst = 0; burst < 3; burst++) {
      all.push(...codes(await parallel(18, username)));
      env.clock.advance(60_000);
    }
    expect(all.filter((s) => s >= 500)).toEqual([]);
    expect(all.filter((s) => s === 401)).toHaveLength(4);
    expect((await attempt(username, PASSWORD)).statusCode).toBe(423);
  });

  it('answers an unknown user name exactly like a known one, under the same race', async () => {
    const known = codes(await parallel(12, fx.users.secA1.username)).sort();
    const unknown = codes(await parallel(12, 'nobody-at-all')).sort();
    expect(unknown).toEqual(known);
    expect(Number((await row('nobody-at-all'))!.failed_count)).toBe(5);
  });

  it('starts counting again once a lock has run out, and a success clears the count', async () => {
    const username = fx.users.county.username;
    await parallel(6, username);
    env.clock.advance(10 * 60_000 + 1000);
    expect((await attempt(username, 'Wrong@again1')).statusCode).toBe(401);
    expect(Number((await row(username))!.failed_count)).toBe(1);
    expect((await row(username))!.locked_until).toBeNull();
    expect((await attempt(username, PASSWORD)).statusCode).toBe(200);
    expect(await row(username)).toBeUndefined();
  });

  it('caps the tries of a resident sign-in code under 30 parallel wrong codes (same fault, same fix)', async () => {
    const phone = '13912345670';
    const post = (url: string, payload: object) =>
      env.app.inject({ method: 'POST', url, payload, headers: { 'x-requested-with': 'dangjian' } });
    expect((await post('/api/public/resident/code', { phone })).statusCode).toBe(200);
    const line = fs
      .readFileSync(path.join(env.dataDir, 'outbox.log'), 'utf8')
      .trim()
      .split('\n')
      .filter((l) => l.includes('139****5670'))
      .pop()!;
    const code = /(\d{6})/.exec(line.split('\t')[2]!)![1]!;
    const wrong = Array.from({ length: 30 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(wrong.map((c) => post('/api/public/resident/verify', { phone, code: c })));
    expect(answers.filter((a) => a.statusCode >= 500)).toEqual([]);
    const details = await env.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'resident.sign_in')
      .where('success', '=', 0)
      .execute();
    expect(details.filter((d) => d.detail === 'wrong code')).toHaveLength(CODE_MAX_ATTEMPTS);
    expect(details.filter((d) => d.detail === 'too many attempts')).toHaveLength(30 - CODE_MAX_ATTEMPTS);
    const row = await env.ctx.db.selectFrom('resident_codes').select('attempts').executeTakeFirstOrThrow();
    expect(Number(row.attempts)).toBe(CODE_MAX_ATTEMPTS);
    // The right code is now refused too.
    expect((await post('/api/public/resident/verify', { phone, code })).statusCode).toBe(401);
  });
});

/** With the production per-IP sign-in limit (DJ_LOGIN_RATE_MAX, 20 a minute) in front, the lock still holds. */
describe.each(dialects())('lockout behind the per-IP limit on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  beforeAll(async () => {
    env = await createEnv(dialect, { loginRateMax: 20 });
    fx = await buildFixture(env);
  });
  afterAll(() => env.close());

  // An address of its own per burst source, so that other tests' sign-ins do not count here.
  const burst = (n: number, username: string) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        env.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '10.20.30.40',
          payload: { username, password: `Wrong@pass${i}` },
        }),
      ),
    );

  it('locks within the per-IP allowance, then the limiter answers 429; never a 500, never over 5 counted', async () => {
    const { username } = fx.users.townB;
    const first = (await burst(15, username)).map((a) => a.statusCode);
    expect(first.filter((s) => s === 401)).toHaveLength(4);
    expect(first.filter((s) => s === 423)).toHaveLength(11);
    const second = (await burst(10, username)).map((a) => a.statusCode);
    expect(second.filter((s) => s >= 500)).toEqual([]);
    expect(second.every((s) => s === 429 || s === 423)).toBe(true);
    expect(second.filter((s) => s === 429).length).toBeGreaterThan(0);
    const row = await env.ctx.db
      .selectFrom('login_attempts')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    expect(Number(row.failed_count)).toBe(5);
  });
});
