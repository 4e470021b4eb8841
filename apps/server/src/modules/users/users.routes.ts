/** Account routes for the security admin. */
import { IdParams, ListOf, Ok, ResetPasswordBody, User, UserCreate, UserListQuery, UserPatch } from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../platform/http.js';
import * as users from './users.service.js';

export const usersRoutes: RouteModule = (app, ctx) => {
  const tags = ['users'];
  app.get('/api/users', { schema: { tags, summary: '账号列表 Accounts', querystring: UserListQuery, response: { 200: ListOf(User) } } }, async (req) => users.list(ctx, actorOf(req), req.query));
  app.get('/api/users/:id', { schema: { tags, summary: '账号详情 Account', params: IdParams, response: { 200: User } } }, async (req) => users.get(ctx, actorOf(req), req.params.id));
  app.post('/api/users', { schema: { tags, summary: '新建账号 Create account', body: UserCreate, response: { 200: User } }, config: { auditAction: 'user.create' } }, async (req) => users.create(ctx, actorOf(req), req.body));
  app.patch('/api/users/:id', { schema: { tags, summary: '修改账号（停用/启用、角色、组织）Edit account', params: IdParams, body: UserPatch, response: { 200: User } }, config: { auditAction: 'user.update' } }, async (req) =>
    users.update(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post('/api/users/:id/reset-password', { schema: { tags, summary: '重置密码 Reset password', params: IdParams, body: ResetPasswordBody, response: { 200: Ok } }, config: { auditAction: 'user.reset_password' } }, async (req) => {
    await users.resetPassword(ctx, actorOf(req), req.params.id, req.body.password);
    return { ok: true };
  });
  app.post('/api/users/:id/unlock', { schema: { tags, summary: '解除锁定 Unlock', params: IdParams, response: { 200: User } }, config: { auditAction: 'user.unlock' } }, async (req) => users.unlock(ctx, actorOf(req), req.params.id));
};
