/** Sign-in, sign-out and the caller's own account. */
import { LocaleBody, LoginBody, Me, Ok, PasswordChangeBody, ErrorSchema } from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import * as auth from './auth.service.js';

export const SESSION_COOKIE = 'dj_session';
export const CSRF_COOKIE = 'dj_csrf';

export const authRoutes: RouteModule = (app, ctx) => {
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: ctx.config.auth.secureCookies };

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/login',
    capability: 'public',
    schema: {
      tags: ['auth'],
      summary: '登录 Sign in',
      body: LoginBody,
      response: { 200: Type.Object({ user: Me }), 401: ErrorSchema, 423: ErrorSchema },
    },
    config: { rateLimit: { max: ctx.config.auth.loginRateMax, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
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
  });

  const pc = { passwordChange: true };
  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/logout',
    capability: 'signed_in',
    schema: { tags: ['auth'], summary: '退出 Sign out', response: { 200: Ok } },
    config: pc,
    handler: async (req, reply) => {
      await auth.logout(ctx, actorOf(req), req.sessionTokenHash!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/logout-all',
    capability: 'signed_in',
    schema: {
      tags: ['auth'],
      summary: '结束我的所有会话 End all my sessions',
      response: { 200: Type.Object({ ok: Type.Boolean(), ended: Type.Integer() }) },
    },
    config: pc,
    handler: async (req, reply) => {
      const ended = await auth.logoutAll(ctx, actorOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true, ended };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/auth/me',
    capability: 'signed_in',
    schema: { tags: ['auth'], summary: '当前用户 The signed-in user', response: { 200: Me } },
    config: pc,
    handler: async (req) => auth.me(ctx, actorOf(req)),
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/auth/me',
    capability: 'signed_in',
    schema: { tags: ['auth'], summary: '界面语言 Interface language', body: LocaleBody, response: { 200: Me } },
    config: pc,
    handler: async (req) => auth.setLocale(ctx, actorOf(req), req.body.locale),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/password',
    capability: 'signed_in',
    audit: 'user.password_change',
    schema: { tags: ['auth'], summary: '修改密码 Change my password', body: PasswordChangeBody, response: { 200: Ok } },
    config: pc,
    handler: async (req) => {
      await auth.changePassword(ctx, actorOf(req), req.sessionTokenHash!, req.body.oldPassword, req.body.newPassword);
      return { ok: true };
    },
  });
};
