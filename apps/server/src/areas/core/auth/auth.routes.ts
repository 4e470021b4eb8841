/** Sign-in, sign-out and the caller's own account. */
import { LocaleBody, LoginBody, Me, Ok, PasswordChangeBody, ErrorSchema } from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { ok, routesOf } from '../../../platform/router.js';
import * as auth from './auth.service.js';

export const SESSION_COOKIE = 'dj_session';
export const CSRF_COOKIE = 'dj_csrf';

export const authRoutes: RouteModule = (app, ctx) => {
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: ctx.config.auth.secureCookies };

  const r = routesOf(app, { tags: ['auth'] });
  r.post(
    '/api/auth/login',
    {
      can: 'public',
      summary: '登录 Sign in',
      body: LoginBody,
      responses: { 200: Type.Object({ user: Me }), 401: ErrorSchema, 423: ErrorSchema },
      config: { rateLimit: { max: ctx.config.auth.loginRateMax, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const s = await auth.login(ctx, {
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, s.token, { ...cookieBase, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, s.csrf, { ...cookieBase, httpOnly: false });
      return { user: await auth.me(ctx, s.actor) };
    },
  );

  // One's own account: also open to a session that must first change its one-time password.
  const own = { can: 'signed_in', config: { passwordChange: true } } as const;
  const clearCookies = (reply: FastifyReply) =>
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
  r.post('/api/auth/logout', { ...own, summary: '退出 Sign out', response: Ok }, async (req, reply) => {
    await auth.logout(ctx, actorOf(req), req.sessionTokenHash!);
    clearCookies(reply);
    return { ok: true };
  });
  r.post(
    '/api/auth/logout-all',
    {
      ...own,
      summary: '结束我的所有会话 End all my sessions',
      response: Type.Object({ ok: Type.Boolean(), ended: Type.Integer() }),
    },
    async (req, reply) => {
      const ended = await auth.logoutAll(ctx, actorOf(req));
      clearCookies(reply);
      return { ok: true, ended };
    },
  );
  r.get('/api/auth/me', { ...own, summary: '当前用户 The signed-in user', response: Me }, (req) =>
    auth.me(ctx, actorOf(req)),
  );
  r.patch('/api/auth/me', { ...own, summary: '界面语言 Interface language', body: LocaleBody, response: Me }, (req) =>
    auth.setLocale(ctx, actorOf(req), req.body.locale),
  );
  r.post(
    '/api/auth/password',
    {
      ...own,
      audit: 'user.password_change',
      summary: '修改密码 Change my password',
      body: PasswordChangeBody,
      response: Ok,
    },
    (req) =>
      ok(auth.changePassword(ctx, actorOf(req), req.sessionTokenHash!, req.body.oldPassword, req.body.newPassword)),
  );
};
