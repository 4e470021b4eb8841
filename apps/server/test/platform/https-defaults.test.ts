/** Plain HTTP and HTTPS each get one coherent set of headers and cookies, decided by DJ_SECURE_COOKIES. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, createEnv, dialects, PASSWORD, type Fixture, type TestEnv } from '../harness.js';

describe.each(dialects())('HTTPS defaults (%s)', (dialect) => {
  const envs: Record<'plain' | 'secure', TestEnv> = {} as never;
  const fx: Partial<Record<'plain' | 'secure', Fixture>> = {};
  beforeAll(async () => {
    envs.plain = await createEnv(dialect);
    envs.secure = await createEnv(dialect, { secureCookies: true });
    fx.plain = await buildFixture(envs.plain);
    fx.secure = await buildFixture(envs.secure);
  });
  afterAll(async () => {
    await envs.plain?.close();
    await envs.secure?.close();
  });

  const login = (env: TestEnv, f: Fixture) =>
    env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: f.users.county.username, password: PASSWORD },
    });

  it('over plain HTTP: no upgrade-insecure-requests, no HSTS, cookies not Secure', async () => {
    const res = await envs.plain.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const signIn = await login(envs.plain, fx.plain!);
    expect(signIn.statusCode).toBe(200);
    expect(signIn.cookies.length).toBeGreaterThan(0);
    for (const c of signIn.cookies) expect(c.secure, c.name).toBeFalsy();
  });

  it('with DJ_SECURE_COOKIES: upgrade-insecure-requests, HSTS and Secure cookies together', async () => {
    const res = await envs.secure.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const signIn = await login(envs.secure, fx.secure!);
    expect(signIn.statusCode).toBe(200);
    for (const c of signIn.cookies) expect(c.secure, c.name).toBe(true);
  });
});
