/** The residents' phone sign-in (验证码登录): code, verify, who, sign-out. Public, rate-limited by address and phone. */
import { Ok, ResidentCodeBody, ResidentCodeSent, ResidentMe, ResidentVerifyBody } from '@dangjian/contracts';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../../platform/errors.js';
import type { RouteModule } from '../../../platform/http.js';
import { routesOf } from '../../../platform/router.js';
import { isValidMobile, normalizePhone } from '../../../platform/idcard.js';
import { distinctLimiter, refuse } from '../../../platform/limits.js';
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
  const phonesPerIp = distinctLimiter(ctx, [
    { ms: 3_600_000, max: limits.codePhonesPerIpPerHour },
    { ms: 86_400_000, max: limits.codePhonesPerIpPerDay },
  ]);
  const cookieOpts = {
    path: '/api/public/resident',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.auth.secureCookies,
  };

  const r = routesOf(app, { tags });
  // Per minute and address, as the console's sign-in; every write carries the residents' header.
  const signIn = {
    can: 'public',
    config: { rateLimit: { max: ctx.config.auth.loginRateMax, timeWindow: '1 minute' } },
    onRequest: residentHeader,
  } as const;
  r.post(
    '/api/public/resident/code',
    {
      ...signIn,
      summary: '发送手机验证码 Send a sign-in code',
      body: ResidentCodeBody,
      response: ResidentCodeSent,
      preHandler: async (req, reply) => {
        // Per phone, on top of the per-IP limit (the plugin runs one limit per route: this one is called by hand).
        const limit = await perPhone(req);
        if (!limit.isAllowed && limit.isExceeded) refuse(reply, limit.ttlInSeconds ?? 3600);
        // A malformed number is refused by the service and is not counted against the address.
        const phone = normalizePhone(req.body.phone);
        if (!isValidMobile(phone)) return;
        const wait = await phonesPerIp.take(req.ip, ctx.vault.lookupHash(phone));
        if (wait !== null) refuse(reply, wait);
      },
    },
    (req) => residents.sendCode(ctx, req.body.phone, req.ip),
  );
  r.post(
    '/api/public/resident/verify',
    { ...signIn, summary: '验证手机验证码 Verify the code', body: ResidentVerifyBody, response: ResidentMe },
    async (req, reply) => {
      const { token, resident } = await residents.verifyCode(ctx, req.body.phone, req.body.code, req.ip);
      reply.setCookie(residents.RESIDENT_COOKIE, token, {
        ...cookieOpts,
        maxAge: residents.RESIDENT_SESSION_DAYS * 86_400,
      });
      return { phone: resident.phoneMasked, expiresAt: resident.expiresAt };
    },
  );
  r.get(
    '/api/public/resident/me',
    { can: 'public', summary: '当前群众 The signed-in resident', response: ResidentMe },
    async (req) => {
      const me = await residentOf(req);
      return { phone: me.phoneMasked, expiresAt: me.expiresAt };
    },
  );
  r.post(
    '/api/public/resident/logout',
    { can: 'public', summary: '群众退出 Resident signs out', response: Ok, onRequest: residentHeader },
    async (req, reply) => {
      await residents.logoutResident(ctx, await residentOf(req), req.ip);
      reply.clearCookie(residents.RESIDENT_COOKIE, { path: cookieOpts.path });
      return { ok: true };
    },
  );
};
