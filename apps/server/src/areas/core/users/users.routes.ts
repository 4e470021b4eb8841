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
import { routesOf } from '../../../platform/router.js';
import * as users from './users.service.js';
import * as grants from './grants.service.js';

export const usersRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['users'] });
  crudRoutes(r, ctx, users, {
    url: '/api/users',
    read: 'users.read',
    write: 'users.write',
    audit: 'user',
    item: User,
    list: { summary: '账号列表 Accounts', query: UserListQuery, response: ListOf(User) },
    get: '账号详情 Account',
    patch: { summary: '修改账号（停用/启用、角色、组织）Edit account', body: UserPatch },
  });
  const write = { can: 'users.write', params: IdParams } as const;
  r.post(
    '/api/users',
    {
      can: 'users.write',
      audit: 'user.create',
      summary: '新建账号（一次性密码）Create account with a one-time password',
      body: UserCreate,
      response: UserWithOneTimePassword,
    },
    (req) => users.create(ctx, actorOf(req), req.body),
  );
  r.post(
    '/api/users/:id/reset-password',
    {
      ...write,
      audit: 'user.reset_password',
      summary: '重置密码（一次性密码）Reset to a one-time password',
      body: Type.Optional(ResetPasswordBody),
      response: Type.Object({ ok: Type.Boolean(), oneTimePassword: Type.String() }),
    },
    async (req) => ({ ok: true, oneTimePassword: await users.resetPassword(ctx, actorOf(req), req.params.id) }),
  );
  r.post(
    '/api/users/:id/unlock',
    { ...write, audit: 'user.unlock', summary: '解除锁定 Unlock', response: User },
    (req) => users.unlock(ctx, actorOf(req), req.params.id),
  );

  // ---- two-person grants of administrator roles
  r.get(
    '/api/users/grants',
    {
      can: ['users.propose', 'users.approve'],
      summary: '管理员角色授权申请 Grants of administrator roles',
      query: RoleGrantListQuery,
      response: ListOf(RoleGrant),
    },
    (req) => grants.list(ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/users/grants',
    {
      can: 'users.propose',
      audit: 'user.grant_propose',
      summary: '提出管理员角色授权（县级管理员）Propose a grant',
      body: RoleGrantPropose,
      response: RoleGrant,
    },
    (req) => grants.propose(ctx, actorOf(req), req.body),
  );
  const decide = { can: 'users.approve', params: IdParams, body: Type.Optional(RoleGrantDecide) } as const;
  r.post(
    '/api/users/grants/:id/approve',
    {
      ...decide,
      audit: 'user.grant_approve',
      summary: '批准授权（安全管理员）Approve a grant',
      response: RoleGrantDecision,
    },
    (req) => grants.approve(ctx, actorOf(req), req.params.id, req.body?.note),
  );
  r.post(
    '/api/users/grants/:id/reject',
    { ...decide, audit: 'user.grant_reject', summary: '驳回授权（安全管理员）Reject a grant', response: RoleGrant },
    (req) => grants.reject(ctx, actorOf(req), req.params.id, req.body?.note),
  );
};
