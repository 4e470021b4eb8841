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
import * as users from './users.service.js';
import * as grants from './grants.service.js';

export const usersRoutes: RouteModule = (app, ctx) => {
  const tags = ['users'];
  app.get(
    '/api/users',
    { schema: { tags, summary: '账号列表 Accounts', querystring: UserListQuery, response: { 200: ListOf(User) } } },
    async (req) => users.list(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/users/:id',
    { schema: { tags, summary: '账号详情 Account', params: IdParams, response: { 200: User } } },
    async (req) => users.get(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: '新建账号（一次性密码）Create account with a one-time password',
        body: UserCreate,
        response: { 200: UserWithOneTimePassword },
      },
      config: { auditAction: 'user.create' },
    },
    async (req) => users.create(ctx, actorOf(req), req.body),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: '修改账号（停用/启用、角色、组织）Edit account',
        params: IdParams,
        body: UserPatch,
        response: { 200: User },
      },
      config: { auditAction: 'user.update' },
    },
    async (req) => users.update(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（一次性密码）Reset to a one-time password',
        params: IdParams,
        body: Type.Optional(ResetPasswordBody),
        response: { 200: Type.Object({ ok: Type.Boolean(), oneTimePassword: Type.String() }) },
      },
      config: { auditAction: 'user.reset_password' },
    },
    async (req) => ({ ok: true, oneTimePassword: await users.resetPassword(ctx, actorOf(req), req.params.id) }),
  );
  app.post(
    '/api/users/:id/unlock',
    {
      schema: { tags, summary: '解除锁定 Unlock', params: IdParams, response: { 200: User } },
      config: { auditAction: 'user.unlock' },
    },
    async (req) => users.unlock(ctx, actorOf(req), req.params.id),
  );

  const gtags = ['users'];
  app.get(
    '/api/users/grants',
    {
      schema: {
        tags: gtags,
        summary: '管理员角色授权申请 Grants of administrator roles',
        querystring: RoleGrantListQuery,
        response: { 200: ListOf(RoleGrant) },
      },
    },
    async (req) => grants.list(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/users/grants',
    {
      schema: {
        tags: gtags,
        summary: '提出管理员角色授权（县级管理员）Propose a grant',
        body: RoleGrantPropose,
        response: { 200: RoleGrant },
      },
      config: { auditAction: 'user.grant_propose' },
    },
    async (req) => grants.propose(ctx, actorOf(req), req.body),
  );
  app.post(
    '/api/users/grants/:id/approve',
    {
      schema: {
        tags: gtags,
        summary: '批准授权（安全管理员）Approve a grant',
        params: IdParams,
        body: Type.Optional(RoleGrantDecide),
        response: { 200: RoleGrantDecision },
      },
      config: { auditAction: 'user.grant_approve' },
    },
    async (req) => grants.approve(ctx, actorOf(req), req.params.id, req.body?.note),
  );
  app.post(
    '/api/users/grants/:id/reject',
    {
      schema: {
        tags: gtags,
        summary: '驳回授权（安全管理员）Reject a grant',
        params: IdParams,
        body: Type.Optional(RoleGrantDecide),
        response: { 200: RoleGrant },
      },
      config: { auditAction: 'user.grant_reject' },
    },
    async (req) => grants.reject(ctx, actorOf(req), req.params.id, req.body?.note),
  );
};
