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
import { requireCapability } from '../../../platform/actor.js';
import { DomainError } from '../../../platform/errors.js';
import { actorOf, type RouteModule } from '../../../platform/http.js';
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
  const pub = { public: true } as const;
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
  app.get(
    '/api/public/wishes',
    {
      schema: {
        tags,
        summary: '心愿墙（公开，无个人信息）Public wall',
        querystring: PublicWishQuery,
        response: { 200: PublicWishList },
      },
      config: pub,
    },
    async (req) => wishes.publicWall(ctx, req.query),
  );
  app.get(
    '/api/public/places',
    {
      schema: {
        tags,
        summary: '可提交心愿的村（社区）Villages and communities',
        querystring: Type.Object({ county: Type.Optional(Id()) }),
        response: { 200: PublicPlaces },
      },
      config: pub,
    },
    async (req) => wishes.places(ctx, req.query.county),
  );

  // ---- residents' phone sign-in
  app.post(
    '/api/public/resident/code',
    {
      schema: {
        tags,
        summary: '发送手机验证码 Send a sign-in code',
        body: ResidentCodeBody,
        response: { 200: ResidentCodeSent },
      },
      config: { ...pub, rateLimit: { max: ctx.config.auth.loginRateMax, timeWindow: '1 minute' } },
      onRequest: residentHeader,
      preHandler: async (req, reply) => {
        // Per phone, on top of the per-IP limit above (the plugin runs one limit per route, so this one is called by hand).
        const r = await perPhone(req);
        if (!r.isAllowed && r.isExceeded) refuse(reply, r.ttlInSeconds ?? 3600);
        // A malformed number is refused by the service and is not counted against the address.
        const phone = normalizePhone(req.body.phone);
        if (!isValidMobile(phone)) return;
        const wait = phonesPerIp.take(req.ip, ctx.vault.lookupHash(phone));
        if (wait !== null) refuse(reply, wait);
      },
    },
    async (req) => residents.sendCode(ctx, req.body.phone, req.ip),
  );
  app.post(
    '/api/public/resident/verify',
    {
      schema: {
        tags,
        summary: '验证手机验证码 Verify the code',
        body: ResidentVerifyBody,
        response: { 200: ResidentMe },
      },
      config: { ...pub, rateLimit: { max: ctx.config.auth.loginRateMax, timeWindow: '1 minute' } },
      onRequest: residentHeader,
    },
    async (req, reply) => {
      const { token, resident } = await residents.verifyCode(ctx, req.body.phone, req.body.code, req.ip);
      reply.setCookie(residents.RESIDENT_COOKIE, token, {
        ...cookieOpts,
        maxAge: residents.RESIDENT_SESSION_DAYS * 86_400,
      });
      return { phone: resident.phoneMasked, expiresAt: resident.expiresAt };
    },
  );
  app.get(
    '/api/public/resident/me',
    { schema: { tags, summary: '当前群众 The signed-in resident', response: { 200: ResidentMe } }, config: pub },
    async (req) => {
      const r = await residentOf(req);
      return { phone: r.phoneMasked, expiresAt: r.expiresAt };
    },
  );
  app.post(
    '/api/public/resident/logout',
    {
      schema: { tags, summary: '群众退出 Resident signs out', response: { 200: Ok } },
      config: pub,
      onRequest: residentHeader,
    },
    async (req, reply: FastifyReply) => {
      await residents.logoutResident(ctx, await residentOf(req), req.ip);
      reply.clearCookie(residents.RESIDENT_COOKIE, { path: cookieOpts.path });
      return { ok: true };
    },
  );

  // ---- residents' own wishes and requests
  app.get(
    '/api/public/resident/wishes',
    {
      schema: {
        tags,
        summary: '我的心愿 My wishes',
        querystring: Type.Object(Paging),
        response: { 200: ResidentWishList },
      },
      config: pub,
    },
    async (req) => wishes.residentWishes(ctx, await residentOf(req), req.query.page ?? 1, req.query.pageSize ?? 50),
  );
  app.post(
    '/api/public/resident/wishes',
    {
      schema: { tags, summary: '提交心愿 Post a wish', body: ResidentWishCreate, response: { 200: ResidentWish } },
      config: { ...pub, rateLimit: { max: RESIDENT_POSTS_PER_HOUR, timeWindow: '1 hour' } },
      onRequest: residentHeader,
    },
    async (req) => wishes.residentPost(ctx, await residentOf(req), req.body),
  );
  app.post(
    '/api/public/resident/wishes/:id/confirm',
    {
      schema: { tags, summary: '确认心愿已实现 Confirm', params: IdParams, response: { 200: ResidentWish } },
      config: pub,
      onRequest: residentHeader,
    },
    async (req) => wishes.residentConfirm(ctx, await residentOf(req), req.params.id),
  );
  app.post(
    '/api/public/resident/wishes/:id/withdraw',
    {
      schema: { tags, summary: '撤回心愿 Withdraw', params: IdParams, response: { 200: ResidentWish } },
      config: pub,
      onRequest: residentHeader,
    },
    async (req) => wishes.residentWithdraw(ctx, await residentOf(req), req.params.id),
  );
  app.get(
    '/api/public/resident/requests',
    {
      schema: {
        tags,
        summary: '我的诉求 My requests',
        querystring: Type.Object(Paging),
        response: { 200: ResidentRequestList },
      },
      config: pub,
    },
    async (req) => wishes.residentRequests(ctx, await residentOf(req), req.query.page ?? 1, req.query.pageSize ?? 50),
  );
  app.post(
    '/api/public/resident/requests/:id/rate',
    {
      schema: {
        tags,
        summary: '评价诉求办理 Rate a request',
        params: IdParams,
        body: ResidentRateBody,
        response: { 200: ResidentRequest },
      },
      config: pub,
      onRequest: residentHeader,
    },
    async (req) => wishes.residentRate(ctx, await residentOf(req), req.params.id, req.body.rating),
  );

  // ---- console: workers and members
  app.get(
    '/api/wishes',
    { schema: { tags, summary: '心愿列表 Wishes', querystring: WishListQuery, response: { 200: WishList } } },
    async (req) => wishes.list(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/wishes/mine',
    {
      schema: {
        tags,
        summary: '我认领的心愿 Wishes I claimed',
        querystring: Type.Object(Paging),
        response: { 200: WishList },
      },
    },
    async (req) => wishes.mine(ctx, actorOf(req), req.query.page ?? 1, req.query.pageSize ?? 50),
  );
  app.get(
    '/api/wishes/:id',
    { schema: { tags, summary: '心愿详情 Wish', params: IdParams, response: { 200: WishDetail } } },
    async (req) => wishes.get(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/wishes',
    {
      schema: {
        tags,
        summary: '代群众录入心愿 Enter a wish for a resident',
        body: WishCreate,
        response: { 200: WishDetail },
      },
      config: { auditAction: 'wish.create' },
    },
    async (req) => wishes.create(ctx, actorOf(req), req.body),
  );
  app.delete(
    '/api/wishes/:id',
    {
      schema: { tags, summary: '删除心愿（可恢复）Soft delete', params: IdParams, response: { 200: Ok } },
      config: { auditAction: 'wish.delete' },
    },
    async (req) => {
      await wishes.remove(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  );
  app.post(
    '/api/wishes/:id/restore',
    {
      schema: { tags, summary: '恢复心愿 Restore', params: IdParams, response: { 200: WishDetail } },
      config: { auditAction: 'wish.restore' },
    },
    async (req) => wishes.restore(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/wishes/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看完整手机号 Reveal the phone number',
        params: IdParams,
        body: Type.Object({ fields: Type.Array(Type.Literal('phone'), { minItems: 1, maxItems: 1 }) }),
        response: { 200: Type.Object({ phone: Type.Union([Type.Null(), Type.String()]) }) },
      },
      config: { auditAction: 'wish.reveal' },
    },
    async (req) => wishes.reveal(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/wishes/:id/claim',
    {
      schema: { tags, summary: '党员认领心愿 Claim', params: IdParams, response: { 200: WishDetail } },
      config: { auditAction: 'wish.claim' },
    },
    async (req) => wishes.claim(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/wishes/:id/fulfil',
    {
      schema: { tags, summary: '心愿已完成 Fulfil', params: IdParams, body: WishFulfil, response: { 200: WishDetail } },
      config: { auditAction: 'wish.fulfil' },
    },
    async (req) => wishes.fulfil(ctx, actorOf(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/wishes/:id/release',
    {
      schema: { tags, summary: '放弃认领 Release', params: IdParams, response: { 200: WishDetail } },
      config: { auditAction: 'wish.release' },
    },
    async (req) => wishes.release(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/wishes/:id/confirm',
    {
      schema: { tags, summary: '代群众确认 Confirm for the resident', params: IdParams, response: { 200: WishDetail } },
      config: { auditAction: 'wish.confirm' },
    },
    async (req) => wishes.confirmForResident(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/wishes/:id/photos',
    {
      schema: {
        tags,
        summary: '上传完成照片（JPEG/PNG，去除EXIF）Upload a photo',
        params: IdParams,
        body: MultipartFile,
      },
      config: { auditAction: 'wish.photo_add' },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw new DomainError('files.bad_type');
      const file = await req.file();
      if (!file) throw new DomainError('files.bad_type');
      return wishes.addPhoto(ctx, actor, req.params.id, await file.toBuffer());
    },
  );
  app.get(
    '/api/wishes/:id/photos/:photoId',
    { schema: { tags, summary: '心愿照片 Photo', params: Type.Object({ id: Id(), photoId: Id() }) } },
    async (req, reply) => {
      const p = await wishes.photo(ctx, actorOf(req), req.params.id, req.params.photoId);
      return reply
        .type(p.mime)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(p.body);
    },
  );
  app.post(
    '/api/jobs/wishes',
    {
      schema: {
        tags,
        summary: '释放超期认领 Release expired claims now',
        response: { 200: Type.Object({ released: Type.Integer() }) },
      },
      config: { auditAction: 'job.wishes' },
    },
    async (req) => {
      const actor = actorOf(req);
      requireCapability(actor, 'residents.rules');
      return wishes.releaseExpiredClaims(ctx, ctx.clock(), actor.tenantId);
    },
  );

  // ---- proxy errands
  const etags = ['errands'];
  app.get(
    '/api/errands',
    {
      schema: { tags: etags, summary: '代办事项 Errands', querystring: ErrandListQuery, response: { 200: ErrandList } },
    },
    async (req) => errands.list(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/errands/:id',
    {
      schema: {
        tags: etags,
        summary: '代办详情 Errand with its steps',
        params: IdParams,
        response: { 200: ErrandDetail },
      },
    },
    async (req) => errands.get(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/errands',
    {
      schema: { tags: etags, summary: '承接代办 Take an errand', body: ErrandCreate, response: { 200: ErrandDetail } },
      config: { auditAction: 'errand.create' },
    },
    async (req) => errands.create(ctx, actorOf(req), req.body),
  );
  app.post(
    '/api/errands/:id/steps',
    {
      schema: {
        tags: etags,
        summary: '记录办理过程 Record a step',
        params: IdParams,
        body: ErrandNoteBody,
        response: { 200: ErrandDetail },
      },
      config: { auditAction: 'errand.step' },
    },
    async (req) => errands.step(ctx, actorOf(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/errands/:id/done',
    {
      schema: {
        tags: etags,
        summary: '办结 Done',
        params: IdParams,
        body: ErrandResultBody,
        response: { 200: ErrandDetail },
      },
      config: { auditAction: 'errand.done' },
    },
    async (req) => errands.finish(ctx, actorOf(req), req.params.id, 'done', req.body.result),
  );
  app.post(
    '/api/errands/:id/cancel',
    {
      schema: {
        tags: etags,
        summary: '取消 Cancel',
        params: IdParams,
        body: ErrandNoteBody,
        response: { 200: ErrandDetail },
      },
      config: { auditAction: 'errand.cancel' },
    },
    async (req) => errands.finish(ctx, actorOf(req), req.params.id, 'cancelled', req.body.note),
  );
  app.delete(
    '/api/errands/:id',
    {
      schema: { tags: etags, summary: '删除代办（可恢复）Soft delete', params: IdParams, response: { 200: Ok } },
      config: { auditAction: 'errand.delete' },
    },
    async (req) => {
      await errands.remove(ctx, actorOf(req), req.params.id);
      return { ok: true };
    },
  );
  app.post(
    '/api/errands/:id/restore',
    {
      schema: { tags: etags, summary: '恢复代办 Restore', params: IdParams, response: { 200: ErrandDetail } },
      config: { auditAction: 'errand.restore' },
    },
    async (req) => errands.restore(ctx, actorOf(req), req.params.id),
  );
};
