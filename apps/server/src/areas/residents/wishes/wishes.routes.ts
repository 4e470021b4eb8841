/** Wishes (console, members, the public wall, residents' own pages). Thin: the services hold the rules. */
import {
  Id,
  IdParams,
  Paging,
  PublicPlaces,
  PublicWishList,
  PublicWishQuery,
  ResidentRateBody,
  ResidentRequest,
  ResidentRequestList,
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
import type { FastifyRequest } from 'fastify';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { crudRoutes, photoRoutes } from '../../../platform/crud.js';
import { routesOf } from '../../../platform/router.js';
import * as residents from '../signin/signin.service.js';
import { residentHeader } from '../signin/signin.routes.js';
import * as wishes from './wishes.service.js';

/** Wishes one address may post per hour: a signed-in phone should not flood the public wall. */
const RESIDENT_POSTS_PER_HOUR = 30;

/** The query of a resident's or a member's own list: a page. */
const PageQuery = Type.Object(Paging);

export const wishesRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['wishes'] });
  const residentOf = (req: FastifyRequest) => residents.resolveResident(ctx, req.cookies[residents.RESIDENT_COOKIE]);

  // ---- public wall and places (no sign-in)
  const can = 'public';
  r.get(
    '/api/public/wishes',
    { can, summary: '心愿墙（公开，无个人信息）Public wall', query: PublicWishQuery, response: PublicWishList },
    (req) => wishes.publicWall(ctx, req.query),
  );
  r.get(
    '/api/public/places',
    {
      can,
      summary: '可提交心愿的村（社区）Villages and communities',
      query: Type.Object({ county: Type.Optional(Id()) }),
      response: PublicPlaces,
    },
    (req) => wishes.places(ctx, req.query.county),
  );

  // ---- residents' own wishes and requests (a write carries the residents' header)
  const own = { can, onRequest: residentHeader } as const;
  r.get(
    '/api/public/resident/wishes',
    { can, summary: '我的心愿 My wishes', query: PageQuery, response: ResidentWishList },
    async (req) => wishes.residentWishes(ctx, await residentOf(req), req.query.page ?? 1, req.query.pageSize ?? 50),
  );
  r.post(
    '/api/public/resident/wishes',
    {
      ...own,
      summary: '提交心愿 Post a wish',
      body: ResidentWishCreate,
      response: ResidentWish,
      config: { rateLimit: { max: RESIDENT_POSTS_PER_HOUR, timeWindow: '1 hour' } },
    },
    async (req) => wishes.residentPost(ctx, await residentOf(req), req.body),
  );
  r.post(
    '/api/public/resident/wishes/:id/confirm',
    { ...own, summary: '确认心愿已实现 Confirm', params: IdParams, response: ResidentWish },
    async (req) => wishes.residentConfirm(ctx, await residentOf(req), req.params.id),
  );
  r.post(
    '/api/public/resident/wishes/:id/withdraw',
    { ...own, summary: '撤回心愿 Withdraw', params: IdParams, response: ResidentWish },
    async (req) => wishes.residentWithdraw(ctx, await residentOf(req), req.params.id),
  );
  r.get(
    '/api/public/resident/requests',
    { can, summary: '我的诉求 My requests', query: PageQuery, response: ResidentRequestList },
    async (req) => wishes.residentRequests(ctx, await residentOf(req), req.query.page ?? 1, req.query.pageSize ?? 50),
  );
  r.post(
    '/api/public/resident/requests/:id/rate',
    {
      ...own,
      summary: '评价诉求办理 Rate a request',
      params: IdParams,
      body: ResidentRateBody,
      response: ResidentRequest,
    },
    async (req) => wishes.residentRate(ctx, await residentOf(req), req.params.id, req.body.rating),
  );

  // ---- console: workers and members
  const read = ['residents.read', 'residents.claim'] as const;
  const claim = ['residents.claim', 'residents.write'] as const;
  r.get('/api/wishes', { can: read, summary: '心愿列表 Wishes', query: WishListQuery, response: WishList }, (req) =>
    wishes.list(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/wishes/mine',
    { can: claim, summary: '我认领的心愿 Wishes I claimed', query: PageQuery, response: WishList },
    (req) => wishes.mine(ctx, actorOf(req), req.query.page ?? 1, req.query.pageSize ?? 50),
  );
  r.get('/api/wishes/:id', { can: read, summary: '心愿详情 Wish', params: IdParams, response: WishDetail }, (req) =>
    wishes.get(ctx, actorOf(req), req.params.id),
  );
  crudRoutes(r, ctx, wishes, {
    url: '/api/wishes',
    read: 'residents.write',
    write: 'residents.write',
    audit: 'wish',
    item: WishDetail,
    create: { summary: '代群众录入心愿 Enter a wish for a resident', body: WishCreate },
    remove: '删除心愿（可恢复）Soft delete',
    restore: '恢复心愿 Restore',
  });
  r.post(
    '/api/wishes/:id/reveal',
    {
      can: 'residents.reveal',
      audit: 'wish.reveal',
      summary: '查看完整手机号 Reveal the phone number',
      params: IdParams,
      body: Type.Object({ fields: Type.Array(Type.Literal('phone'), { minItems: 1, maxItems: 1 }) }),
      response: Type.Object({ phone: Type.Union([Type.Null(), Type.String()]) }),
    },
    (req) => wishes.reveal(ctx, actorOf(req), req.params.id),
  );
  const act = { params: IdParams, response: WishDetail } as const;
  r.post('/api/wishes/:id/claim', { ...act, can: claim, audit: 'wish.claim', summary: '党员认领心愿 Claim' }, (req) =>
    wishes.claim(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/wishes/:id/fulfil',
    { ...act, can: claim, audit: 'wish.fulfil', summary: '心愿已完成 Fulfil', body: WishFulfil },
    (req) => wishes.fulfil(ctx, actorOf(req), req.params.id, req.body.note),
  );
  r.post(
    '/api/wishes/:id/release',
    { ...act, can: ['residents.write', 'residents.claim'], audit: 'wish.release', summary: '放弃认领 Release' },
    (req) => wishes.release(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/wishes/:id/confirm',
    { ...act, can: 'residents.write', audit: 'wish.confirm', summary: '代群众确认 Confirm for the resident' },
    (req) => wishes.confirmForResident(ctx, actorOf(req), req.params.id),
  );
  photoRoutes(r, ctx, wishes, {
    url: '/api/wishes',
    read: ['residents.read', 'residents.claim'],
    write: ['residents.write', 'residents.claim'],
    audit: 'wish',
    upload: '上传完成照片（JPEG/PNG，去除EXIF）Upload a photo',
    get: '心愿照片 Photo',
  });
  r.post(
    '/api/jobs/wishes',
    {
      can: 'residents.rules',
      audit: 'job.wishes',
      summary: '释放超期认领 Release expired claims now',
      response: Type.Object({ released: Type.Integer() }),
    },
    (req) => wishes.releaseExpiredClaims(ctx, ctx.clock(), actorOf(req).tenantId),
  );
};
