/** The residents' phone sign-in (验证码登录): code, verify, who, sign-out. Public, rate-limited by address and phone. */
import { Ok, ResidentCodeBody, ResidentCodeSent, ResidentMe, ResidentVerifyBody } from '@dangjian/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../platform/errors.js';
import type { RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import { isValidMobile, normalizePhone } from '../../../platform/idcard.js';
import { DistinctLimiter, refuse } from '../../../platform/limits.js';
import * as residents from './signin.service.js';

/**
 * Public routes skip the session's CSRF check, so residents' writes carry a custom header instead: a
 * cross-site form cannot set it, and a cross-site script would need a CORS preflight we never grant.
 * With the SameSite=Strict cookie this is two independent defences.
 */
export const RESIDENT_HEADER = 'x-requested-with';
export const RESIDENT_HEADER_VALUE = 'dangjian';

/** Refuses a resident's write without the custom header (the CSRF defence of the public routes). */
export async function residentHeader(req: FastifyRequest) {
  if (req.headers[RESIDENT_HEADER] !== RESIDENT_HEADER_VALUE) throw new DomainError('auth.csrf');
}

export const signinRoutes: RouteModule = (app, ctx) => {
  const tags = ['wishes'];
  const residentOf = (req: FastifyRequest) => residents.resolveResident(ctx, req.cookies[residents.RESIDENT_COOKIE]);
  const { limits } = ctx.config;
  const perPhone = app.createRateLimit({
    max: limits.codesPerPhonePerHour,
    timeWindow: '1 hour',
    keyGenerator: (req) =>
      `resident-code:${normalizePhone(String((req.body as { phone?: string } | undefined)?.phone ?? ''))}`,
  });
  // One address texting many different numbers is someone using us to spam (or to probe who is registered).
  const phonesPerIp = new DistinctLimiter(
    [
      { ms: 3_600_000, max: limits.codePhonesPerIpPerHour },
      { ms: 86_400_000, max: limits.codePhonesPerIpPerDay },
    ],
    ctx.clock,
  );
  const cookieOpts = {
    path: '/api/public/resident',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.auth.secureCookies,
  };

  defineRoute(app, {
    method: 'POST',
    url: '/api/public/resident/code',
    capability: 'public',
    schema: {
      tags,
      summary: '发送手机验证码 Send a sign-in code',
      body: ResidentCodeBody,
      response: { 200: ResidentCodeSent },
    },
    config: { rateLimit: { max: ctx.config.auth.loginRateMax, timeWindow: '1 minute' } },
    onRequest: residentHeader,
    preHandler: async (req, reply) => {
      // Per phone, on top of the per-IP limit above (the plugin runs one limit per route: this one is called by hand).
      const r = await perPhone(req);
      if (!r.isAllowed && r.isExceeded) refuse(reply, r.ttlInSeconds ?? 3600);
      // A malformed number is refused by the service and is not counted against the address.
      const phone = normalizePhone(req.body.phone);
      if (!isValidMobile(phone)) return;
      const wait = phonesPerIp.take(req.ip, ctx.vault.lookupHash(phone));
      if (wait !== null) refuse(reply, wait);
    },
    handler: async (req) => residents.sendCode(ctx, req.body.phone, req.ip),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/public/resident/verify',
    capability: 'public',
    schema: {
      tags,
      summary: '验证手机验证码 Verify the code',
      body: ResidentVerifyBody,
      response: { 200: ResidentMe },
    },
    config: { rateLimit: { max: ctx.config.auth.loginRateMax, timeWindow: '1 minute' } },
    onRequest: residentHeader,
    handler: async (req, reply) => {
      const { token, resident } = await residents.verifyCode(ctx, req.body.phone, req.body.code, req.ip);
      reply.setCookie(residents.RESIDENT_COOKIE, token, {
        ...cookieOpts,
        maxAge: residents.RESIDENT_SESSION_DAYS * 86_400,
      });
      return { phone: resident.phoneMasked, expiresAt: resident.expiresAt };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/public/resident/me',
    capability: 'public',
    schema: { tags, summary: '当前群众 The signed-in resident', response: { 200: ResidentMe } },
    handler: async (req) => {
      const r = await residentOf(req);
      return { phone: r.phoneMasked, expiresAt: r.expiresAt };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/public/resident/logout',
    capability: 'public',
    schema: { tags, summary: '群众退出 Resident signs out', response: { 200: Ok } },
    onRequest: residentHeader,
    handler: async (req, reply: FastifyReply) => {
      await residents.logoutResident(ctx, await residentOf(req), req.ip);
      reply.clearCookie(residents.RESIDENT_COOKIE, { path: cookieOpts.path });
      return { ok: true };
    },
  });
};
