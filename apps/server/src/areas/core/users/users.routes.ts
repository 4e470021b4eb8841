/** Account routes for the security admin, and the two-person grants of administrator roles. */
import {
  IdParams,
  ListOf,
  ResetPasswordBody,
  RoleGrant,
  RoleGrantDecide,
  RoleGrantDecision,
  RoleGrantListQuery,
  RoleGrantPropose,
  User,
  UserCreate,
  UserListQuery,
  UserPatch,
  UserWithOneTimePassword,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { crudRoutes } from '../../../platform/crud.js';
import { defineRoute } from '../../../platform/routes.js';
import * as users from './users.service.js';
import * as grants from './grants.service.js';

export const usersRoutes: RouteModule = (app, ctx) => {
  const tags = ['users'];
  crudRoutes(app, ctx, users, {
    url: '/api/users',
    tags,
    read: 'users.read',
    write: 'users.write',
    audit: 'user',
    item: User,
    list: { summary: '账号列表 Accounts', query: UserListQuery, response: ListOf(User) },
    get: '账号详情 Account',
    patch: { summary: '修改账号（停用/启用、角色、组织）Edit account', body: UserPatch },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/users',
    capability: 'users.write',
    audit: 'user.create',
    schema: {
      tags,
      summary: '新建账号（一次性密码）Create account with a one-time password',
      body: UserCreate,
      response: { 200: UserWithOneTimePassword },
    },
    handler: async (req) => users.create(ctx, actorOf(req), req.body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/users/:id/reset-password',
    capability: 'users.write',
    audit: 'user.reset_password',
    schema: {
      tags,
      summary: '重置密码（一次性密码）Reset to a one-time password',
      params: IdParams,
      body: Type.Optional(ResetPasswordBody),
      response: { 200: Type.Object({ ok: Type.Boolean(), oneTimePassword: Type.String() }) },
    },
    handler: async (req) => ({
      ok: true,
      oneTimePassword: await users.resetPassword(ctx, actorOf(req), req.params.id),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/users/:id/unlock',
    capability: 'users.write',
    audit: 'user.unlock',
    schema: { tags, summary: '解除锁定 Unlock', params: IdParams, response: { 200: User } },
    handler: async (req) => users.unlock(ctx, actorOf(req), req.params.id),
  });

  const gtags = ['users'];
  defineRoute(app, {
    method: 'GET',
    url: '/api/users/grants',
    capability: ['users.propose', 'users.approve'],
    schema: {
      tags: gtags,
      summary: '管理员角色授权申请 Grants of administrator roles',
      querystring: RoleGrantListQuery,
      response: { 200: ListOf(RoleGrant) },
    },
    handler: async (req) => grants.list(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/users/grants',
    capability: 'users.propose',
    audit: 'user.grant_propose',
    schema: {
      tags: gtags,
      summary: '提出管理员角色授权（县级管理员）Propose a grant',
      body: RoleGrantPropose,
      response: { 200: RoleGrant },
    },
    handler: async (req) => grants.propose(ctx, actorOf(req), req.body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/users/grants/:id/approve',
    capability: 'users.approve',
    audit: 'user.grant_approve',
    schema: {
      tags: gtags,
      summary: '批准授权（安全管理员）Approve a grant',
      params: IdParams,
      body: Type.Optional(RoleGrantDecide),
      response: { 200: RoleGrantDecision },
    },
    handler: async (req) => grants.approve(ctx, actorOf(req), req.params.id, req.body?.note),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/users/grants/:id/reject',
    capability: 'users.approve',
    audit: 'user.grant_reject',
    schema: {
      tags: gtags,
      summary: '驳回授权（安全管理员）Reject a grant',
      params: IdParams,
      body: Type.Optional(RoleGrantDecide),
      response: { 200: RoleGrant },
    },
    handler: async (req) => grants.reject(ctx, actorOf(req), req.params.id, req.body?.note),
  });
};
