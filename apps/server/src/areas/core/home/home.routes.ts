/** Home routes: the to-do summary of a subtree, and what is asked of the signed-in member this month. Thin. */
import { Home, HomeMine, HomeQuery } from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { routesOf } from '../../../platform/router.js';
import * as home from './home.service.js';

export const homeRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['home'] });
  r.get(
    '/api/home',
    { can: 'stats.read', summary: '首页待办与概况 To-dos and figures of a subtree', query: HomeQuery, response: Home },
    (req) => home.summary(ctx, actorOf(req), req.query.org),
  );
  r.get(
    '/api/home/mine',
    { can: 'self.party', summary: '本月我的待办 What is asked of me this month', response: HomeMine },
    (req) => home.mine(ctx, actorOf(req)),
  );
};
