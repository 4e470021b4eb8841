import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordAcceptable } from '../../src/areas/core/auth/auth.rules.js';
import { dialects, login, PASSWORD, type Fixture, type TestEnv, openFixture } from '../harness.js';

describe.each(dialects())('auth on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  beforeAll(async () => ({ env, fx } = await openFixture(dialect)));
  afterAll(() => env.close());

  const attempt = (username: string, password: string) =>
    env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('signs in with HttpOnly session and readable CSRF cookies, a fresh token each time', async () => {
    const a = await attempt('t-county', PASSWORD);
    const b = await attempt('t-county', PASSWORD);
    expect(a.statusCode).toBe(200);
    const session = a.cookies.find((c) => c.name === 'dj_session')!;
    const csrf = a.cookies.find((c) => c.name === 'dj_csrf')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(csrf.httpOnly).toBeFalsy();
    expect(Buffer.from(session.value, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(b.cookies.find((c) => c.name === 'dj_session')!.value).not.toBe(session.value);
    expect(a.json().user).toMatchObject({ username: 't-county', role: 'county_admin', orgId: fx.county });
  });

  it('answers a wrong password and an unknown user the same way, and locks both after 5 failures', async () => {
    const wrong = await attempt('t-town-b', 'Wrong@pass1');
    const unknown = await attempt('nobody-here', 'Wrong@pass1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe(unknown.json().error.code);
    for (let i = 0; i < 3; i++) await attempt('t-town-b', 'Wrong@pass1');
    const fifth = await attempt('t-town-b', 'Wrong@pass1');
    expect(fifth.statusCode).toBe(423);
    for (let i = 0; i < 4; i++) await attempt('nobody-here', 'Wrong@pass1');
    expect((await attempt('nobody-here', 'Wrong@pass1')).statusCode).toBe(423);
    // Even the right password is refused while locked; ten minutes later it works.
    expect((await attempt('t-town-b', PASSWORD)).statusCode).toBe(423);
    env.clock.advance(10 * 60_000 + 1000);
    expect((await attempt('t-town-b', PASSWORD)).statusCode).toBe(200);
  });

  it('audits every attempt, failed and successful', async () => {
    const rows = await env.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').execute();
    expect(rows.some((r) => r.success === 0 && r.actor_name === 'nobody-here')).toBe(true);
    expect(rows.some((r) => r.success === 1 && r.actor_name === 't-county')).toBe(true);
    expect(rows.every((r) => !JSON.stringify(r).includes(PASSWORD))).toBe(true);
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const c = await login(env.app, 't-county');
    const res = await c.post('/api/orgs', { parentId: fx.townA, name: '新村党支部', type: 'branch' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
    const ok = await c.post('/api/orgs', { parentId: fx.townA, name: '新村党支部', type: 'branch' });
    expect(ok.statusCode).toBe(200);
  });

  it('expires a session after 30 idle minutes and after 12 hours in all', async () => {
    const c = await login(env.app, 't-county');
    env.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    env.clock.advance(31 * 60_000);
    const idle = await c.get('/api/auth/me');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('auth.session_expired');
    const d = await login(env.app, 't-county');
    for (let i = 0; i < 25; i++) {
      env.clock.advance(29 * 60_000);
      await d.get('/api/auth/me');
    }
    expect((await d.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('signs out one session, or all of them', async () => {
    const a = await login(env.app, 't-town-a');
    const b = await login(env.app, 't-town-a');
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);
    const c = await login(env.app, 't-town-a');
    expect((await c.post('/api/auth/logout-all')).json().ended).toBe(2);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends the sessions of a user the security admin disables', async () => {
    const victim = await login(env.app, 't-sec-a1');
    const sec = await login(env.app, 't-security');
    expect((await sec.patch(`/api/users/${fx.users.secA1.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    expect((await attempt('t-sec-a1', PASSWORD)).statusCode).toBe(401);
    expect((await sec.patch(`/api/users/${fx.users.secA1.id}`, { status: 'active' })).statusCode).toBe(200);
    expect((await attempt('t-sec-a1', PASSWORD)).statusCode).toBe(200);
  });

  it('enforces the password policy on change, and a reset issues a one-time password that meets it', async () => {
    const c = await login(env.app, 't-town-a');
    for (const weak of ['Ab1!x', 'alllowercase', 'ALLUPPER123', 'Password1', 'p@ssw0rd', 'Admin@123']) {
      const res = await c.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: weak });
      expect(res.json().error?.code, weak).toBe('auth.weak_password');
    }
    expect(
      (await c.post('/api/auth/password', { oldPassword: 'nope', newPassword: 'Strong#Pass9' })).json().error.code,
    ).toBe('auth.wrong_password');
    expect(
      (await c.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'Strong#Pass9' })).statusCode,
    ).toBe(200);
    expect((await attempt('t-town-a', 'Strong#Pass9')).statusCode).toBe(200);
    const sec = await login(env.app, 't-security');
    // The security admin no longer chooses a password: one it proposes is refused, the answer carries a generated one.
    expect(
      (await sec.post(`/api/users/${fx.users.townB.id}/reset-password`, { password: '12345678' })).json().error.code,
    ).toBe('validation');
    const reset = await sec.post(`/api/users/${fx.users.townB.id}/reset-password`, {});
    expect(reset.statusCode, reset.body).toBe(200);
    expect(passwordAcceptable(reset.json().oneTimePassword, env.ctx.config.auth.minPasswordLength)).toBe(true);
  });

  it("names a region account's province in the me answer, and no region for a county's account", async () => {
    const region = await (await login(env.app, 't-region')).get('/api/auth/me');
    expect(region.statusCode, region.body).toBe(200);
    expect(region.json()).toMatchObject({ role: 'region_admin', orgId: null, orgName: null });
    expect(region.json().region).toMatchObject({ name: '测试省', kind: 'province' });
    expect((await (await login(env.app, 't-county')).get('/api/auth/me')).json().region).toBeNull();
  });

  it('answers errors in English when asked', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y' },
      headers: { 'accept-language': 'en' },
    });
    expect(res.json().error.message).toMatch(/Wrong user name or password/);
  });
});
