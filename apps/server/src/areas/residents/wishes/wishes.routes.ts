/** Wishes (console, members, the public wall, residents' phone pages) and proxy errands. Thin: the services hold the rules. */
import {
  Id,
  MultipartFile,
  ErrandCreate,
  ErrandDetail,
  ErrandList,
  ErrandListQuery,
  ErrandNoteBody,
  ErrandResultBody,
  IdParams,
  Ok,
  Paging,
  PublicPlaces,
  PublicWishList,
  PublicWishQuery,
  ResidentCodeBody,
  ResidentCodeSent,
  ResidentMe,
  ResidentRateBody,
  ResidentRequest,
  ResidentRequestList,
  ResidentVerifyBody,
  ResidentWish,
  ResidentWishCreate,
  ResidentWishList,
  WishCreate,
  WishDetail,
  WishFulfil,
  WishList,
  WishListQuery,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../platform/errors.js';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import { isValidMobile, normalizePhone } from '../../../platform/idcard.js';
import { DistinctLimiter, refuse } from '../../../platform/limits.js';
import * as errands from '../errands/errands.service.js';
import * as residents from '../signin/signin.service.js';
import * as wishes from './wishes.service.js';

/**
 * Public routes skip the session's CSRF check, so residents' writes carry a custom header instead: a
 * cross-site form cannot set it, and a cross-site script would need a CORS preflight we never grant.
 * With the SameSite=Strict cookie this is two independent defences.
 */
export const RESIDENT_HEADER = 'x-requested-with';
export const RESIDENT_HEADER_VALUE = 'dangjian';
/** Wishes one address may post per hour: a signed-in phone should not flood the public wall. */
const RESIDENT_POSTS_PER_HOUR = 30;

async function residentHeader(req: FastifyRequest) {
  if (req.headers[RESIDENT_HEADER] !== RESIDENT_HEADER_VALUE) throw new DomainError('auth.csrf');
}

export const wishesRoutes: RouteModule = (app, ctx) => {
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

  // ---- public wall and places (no sign-in)
  defineRoute(app, {
    method: 'GET',
    url: '/api/public/wishes',
    capability: 'public',
    schema: {
      tags,
      summary: '心愿墙（公开，无个人信息）Public wall',
      querystring: PublicWishQuery,
      response: { 200: PublicWishList },
    },
    handler: async (req) => wishes.publicWall(ctx, req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/public/places',
    capability: 'public',
    schema: {
      tags,
      summary: '可提交心愿的村（社区）Villages and communities',
      querystring: Type.Object({ county: Type.Optional(Id()) }),
      response: { 200: PublicPlaces },
    },
    handler: async (req) => wishes.places(ctx, req.query.county),
  });

  // ---- residents' phone sign-in
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

  // ---- residents' own wishes and requests
  defineRoute(app, {
    method: 'GET',
    url: '/api/public/resident/wishes',
    capability: 'public',
    schema: {
      tags,
      summary: '我的心愿 My wishes',
      querystring: Type.Object(Paging),
      response: { 200: ResidentWishList },
    },
    handler: async (req) =>
      wishes.residentWishes(ctx, await residentOf(req), req.query.page ?? 1, req.query.pageSize ?? 50),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/public/resident/wishes',
    capability: 'public',
    schema: { tags, summary: '提交心愿 Post a wish', body: ResidentWishCreate, response: { 200: ResidentWish } },
    config: { rateLimit: { max: RESIDENT_POSTS_PER_HOUR, timeWindow: '1 hour' } },
    onRequest: residentHeader,
    handler: async (req) => wishes.residentPost(ctx, await residentOf(req), req.body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/public/resident/wishes/:id/confirm',
    capability: 'public',
    schema: { tags, summary: '确认心愿已实现 Confirm', params: IdParams, response: { 200: ResidentWish } },
    onRequest: residentHeader,
    handler: async (req) => wishes.residentConfirm(ctx, await residentOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/public/resident/wishes/:id/withdraw',
    capability: 'public',
    schema: { tags, summary: '撤回心愿 Withdraw', params: IdParams, response: { 200: ResidentWish } },
    onRequest: residentHeader,
    handler: async (req) => wishes.residentWithdraw(ctx, await residentOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/public/resident/requests',
    capability: 'public',
    schema: {
      tags,
      summary: '我的诉求 My requests',
      querystring: Type.Object(Paging),
      response: { 200: ResidentRequestList },
    },
    handler: async (req) =>
      wishes.residentRequests(ctx, await residentOf(req), req.query.page ?? 1, req.query.pageSize ?? 50),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/public/resident/requests/:id/rate',
    capability: 'public',
    schema: {
      tags,
      summary: '评价诉求办理 Rate a request',
      params: IdParams,
      body: ResidentRateBody,
      response: { 200: ResidentRequest },
    },
    onRequest: residentHeader,
    handler: async (req) => wishes.residentRate(ctx, await residentOf(req), req.params.id, req.body.rating),
  });

  // ---- console: workers and members
  defineRoute(app, {
    method: 'GET',
    url: '/api/wishes',
    capability: ['residents.read', 'residents.claim'],
    schema: { tags, summary: '心愿列表 Wishes', querystring: WishListQuery, response: { 200: WishList } },
    handler: async (req) => wishes.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/wishes/mine',
    capability: ['residents.claim', 'residents.write'],
    schema: {
      tags,
      summary: '我认领的心愿 Wishes I claimed',
      querystring: Type.Object(Paging),
      response: { 200: WishList },
    },
    handler: async (req) => wishes.mine(ctx, actorOf(req), req.query.page ?? 1, req.query.pageSize ?? 50),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/wishes/:id',
    capability: ['residents.read', 'residents.claim'],
    schema: { tags, summary: '心愿详情 Wish', params: IdParams, response: { 200: WishDetail } },
    handler: async (req) => wishes.get(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/wishes',
    capability: 'residents.write',
    audit: 'wish.create',
    schema: {
      tags,
      summary: '代群众录入心愿 Enter a wish for a resident',
      body: WishCreate,
      response: { 200: WishDetail },
    },
    handler: async (req) => wishes.create(ctx, actorOf(req), req.body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/wishes/:id',
    capability: 'residents.write',
    audit: 'wish.delete',
    schema: { tags, summary: '删除心愿（可恢复）Soft delete', params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      await wishes.remove(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/wishes/:id/restore',
    capability: 'residents.write',
    audit: 'wish.restore',
    schema: { tags, summary: '恢复心愿 Restore', params: IdParams, response: { 200: WishDetail } },
    handler: async (req) => wishes.restore(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/wishes/:id/reveal',
    capability: 'residents.reveal',
    audit: 'wish.reveal',
    schema: {
      tags,
      summary: '查看完整手机号 Reveal the phone number',
      params: IdParams,
      body: Type.Object({ fields: Type.Array(Type.Literal('phone'), { minItems: 1, maxItems: 1 }) }),
      response: { 200: Type.Object({ phone: Type.Union([Type.Null(), Type.String()]) }) },
    },
    handler: async (req) => wishes.reveal(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/wishes/:id/claim',
    capability: ['residents.claim', 'residents.write'],
    audit: 'wish.claim',
    schema: { tags, summary: '党员认领心愿 Claim', params: IdParams, response: { 200: WishDetail } },
    handler: async (req) => wishes.claim(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/wishes/:id/fulfil',
    capability: ['residents.claim', 'residents.write'],
    audit: 'wish.fulfil',
    schema: { tags, summary: '心愿已完成 Fulfil', params: IdParams, body: WishFulfil, response: { 200: WishDetail } },
    handler: async (req) => wishes.fulfil(ctx, actorOf(req), req.params.id, req.body.note),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/wishes/:id/release',
    capability: ['residents.write', 'residents.claim'],
    audit: 'wish.release',
    schema: { tags, summary: '放弃认领 Release', params: IdParams, response: { 200: WishDetail } },
    handler: async (req) => wishes.release(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/wishes/:id/confirm',
    capability: 'residents.write',
    audit: 'wish.confirm',
    schema: { tags, summary: '代群众确认 Confirm for the resident', params: IdParams, response: { 200: WishDetail } },
    handler: async (req) => wishes.confirmForResident(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/wishes/:id/photos',
    capability: ['residents.write', 'residents.claim'],
    audit: 'wish.photo_add',
    schema: {
      tags,
      summary: '上传完成照片（JPEG/PNG，去除EXIF）Upload a photo',
      params: IdParams,
      body: MultipartFile,
    },
    handler: async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw new DomainError('files.bad_type');
      const file = await req.file();
      if (!file) throw new DomainError('files.bad_type');
      return wishes.addPhoto(ctx, actor, req.params.id, await file.toBuffer());
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/wishes/:id/photos/:photoId',
    capability: ['residents.read', 'residents.claim'],
    schema: { tags, summary: '心愿照片 Photo', params: Type.Object({ id: Id(), photoId: Id() }) },
    handler: async (req, reply) => {
      const p = await wishes.photo(ctx, actorOf(req), req.params.id, req.params.photoId);
      return reply
        .type(p.mime)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(p.body);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/jobs/wishes',
    capability: 'residents.rules',
    audit: 'job.wishes',
    schema: {
      tags,
      summary: '释放超期认领 Release expired claims now',
      response: { 200: Type.Object({ released: Type.Integer() }) },
    },
    handler: async (req) => wishes.releaseExpiredClaims(ctx, ctx.clock(), actorOf(req).tenantId),
  });

  // ---- proxy errands
  const etags = ['errands'];
  defineRoute(app, {
    method: 'GET',
    url: '/api/errands',
    capability: ['residents.read', 'residents.claim'],
    schema: { tags: etags, summary: '代办事项 Errands', querystring: ErrandListQuery, response: { 200: ErrandList } },
    handler: async (req) => errands.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/errands/:id',
    capability: ['residents.read', 'residents.claim'],
    schema: {
      tags: etags,
      summary: '代办详情 Errand with its steps',
      params: IdParams,
      response: { 200: ErrandDetail },
    },
    handler: async (req) => errands.get(ctx, actorOf(req), req.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/errands',
    capability: ['residents.write', 'residents.claim'],
    audit: 'errand.create',
    schema: { tags: etags, summary: '承接代办 Take an errand', body: ErrandCreate, response: { 200: ErrandDetail } },
    handler: async (req) => errands.create(ctx, actorOf(req), req.body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/errands/:id/steps',
    capability: ['residents.write', 'residents.claim'],
    audit: 'errand.step',
    schema: {
      tags: etags,
      summary: '记录办理过程 Record a step',
      params: IdParams,
      body: ErrandNoteBody,
      response: { 200: ErrandDetail },
    },
    handler: async (req) => errands.step(ctx, actorOf(req), req.params.id, req.body.note),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/errands/:id/done',
    capability: ['residents.write', 'residents.claim'],
    audit: 'errand.done',
    schema: {
      tags: etags,
      summary: '办结 Done',
      params: IdParams,
      body: ErrandResultBody,
      response: { 200: ErrandDetail },
    },
    handler: async (req) => errands.finish(ctx, actorOf(req), req.params.id, 'done', req.body.result),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/errands/:id/cancel',
    capability: ['residents.write', 'residents.claim'],
    audit: 'errand.cancel',
    schema: {
      tags: etags,
      summary: '取消 Cancel',
      params: IdParams,
      body: ErrandNoteBody,
      response: { 200: ErrandDetail },
    },
    handler: async (req) => errands.finish(ctx, actorOf(req), req.params.id, 'cancelled', req.body.note),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/errands/:id',
    capability: 'residents.write',
    audit: 'errand.delete',
    schema: { tags: etags, summary: '删除代办（可恢复）Soft delete', params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      await errands.remove(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/errands/:id/restore',
    capability: 'residents.write',
    audit: 'errand.restore',
    schema: { tags: etags, summary: '恢复代办 Restore', params: IdParams, response: { 200: ErrandDetail } },
    handler: async (req) => errands.restore(ctx, actorOf(req), req.params.id),
  });
};
