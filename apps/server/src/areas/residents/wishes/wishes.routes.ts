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
import { defineRoute } from '../../../platform/routes.js';
import * as residents from '../signin/signin.service.js';
import { residentHeader } from '../signin/signin.routes.js';
import * as wishes from './wishes.service.js';

/** Wishes one address may post per hour: a signed-in phone should not flood the public wall. */
const RESIDENT_POSTS_PER_HOUR = 30;

export const wishesRoutes: RouteModule = (app, ctx) => {
  const tags = ['wishes'];
  const residentOf = (req: FastifyRequest) => residents.resolveResident(ctx, req.cookies[residents.RESIDENT_COOKIE]);

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
  crudRoutes(app, ctx, wishes, {
    url: '/api/wishes',
    tags,
    read: 'residents.write',
    write: 'residents.write',
    audit: 'wish',
    item: WishDetail,
    create: { summary: '代群众录入心愿 Enter a wish for a resident', body: WishCreate },
    remove: '删除心愿（可恢复）Soft delete',
    restore: '恢复心愿 Restore',
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
  photoRoutes(app, ctx, wishes, {
    url: '/api/wishes',
    tags,
    read: ['residents.read', 'residents.claim'],
    write: ['residents.write', 'residents.claim'],
    audit: 'wish',
    upload: '上传完成照片（JPEG/PNG，去除EXIF）Upload a photo',
    get: '心愿照片 Photo',
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
};
