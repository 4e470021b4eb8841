/** Routes of posts for members (设岗定责, `/api/posts`). Thin: the service holds the rules. */
import {
  IdParams,
  PostAssign,
  PostCoverage,
  PostCoverageQuery,
  PostCreate,
  PostDetail,
  PostEnd,
  PostHolderParams,
  PostList,
  PostListQuery,
  PostUpdate,
  UncoveredList,
  UncoveredQuery,
} from '@dangjian/contracts';
import { crudRoutes } from '../../../platform/crud.js';
import { actorOf, localeOf, type RouteModule } from '../../../platform/http.js';
import { routesOf, sendWorkbook } from '../../../platform/router.js';
import * as figures from './posts.figures.js';
import * as posts from './posts.service.js';

export const postsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['posts'] });
  r.get(
    '/api/posts/coverage',
    {
      can: 'posts.read',
      summary: '党员设岗定责覆盖情况 Coverage of posts',
      query: PostCoverageQuery,
      response: PostCoverage,
    },
    (req) => figures.coverage(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/posts/coverage/export',
    { can: 'posts.read', summary: '岗位覆盖情况导出 As Excel', query: PostCoverageQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.coverageXlsx(ctx, actorOf(req), req.query, localeOf(req)),
        '党员设岗定责覆盖情况.xlsx',
      ),
  );
  r.get(
    '/api/posts/uncovered',
    { can: 'posts.read', summary: '未上岗党员 Members without a post', query: UncoveredQuery, response: UncoveredList },
    (req) => posts.uncovered(ctx, actorOf(req), req.query),
  );
  crudRoutes(r, ctx, posts, {
    url: '/api/posts',
    read: 'posts.read',
    write: 'posts.write',
    audit: 'post',
    item: PostDetail,
    list: { summary: '党员岗位 Posts for members', query: PostListQuery, response: PostList },
    get: '岗位及上岗党员 A post with its holders',
    create: { summary: '设置党员岗位（支部）Define a post', body: PostCreate },
    patch: { summary: '修改岗位 Change a post', body: PostUpdate },
    remove: '删除误设的岗位（可恢复）Soft delete',
    restore: '恢复岗位 Restore',
  });
  r.post(
    '/api/posts/:id/holders',
    {
      can: 'posts.write',
      audit: 'post.assign',
      summary: '安排党员上岗 Give a member the post',
      params: IdParams,
      body: PostAssign,
      response: PostDetail,
    },
    (req) => posts.assign(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/posts/:id/holders/:holderId/end',
    {
      can: 'posts.write',
      audit: 'post.end',
      summary: '党员离岗 End a holding',
      params: PostHolderParams,
      body: PostEnd,
      response: PostDetail,
    },
    (req) => posts.end(ctx, actorOf(req), req.params.id, req.params.holderId, req.body),
  );
};
