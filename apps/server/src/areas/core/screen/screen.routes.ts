/** The wall screen (大屏): one answer with every module's figures for a county or a township. */
import { Screen, ScreenQuery } from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { routesOf } from '../../../platform/router.js';
import * as screen from './screen.service.js';

export const screenRoutes: RouteModule = (app, ctx) => {
  routesOf(app, { tags: ['screen'] }).get(
    '/api/screen',
    {
      can: 'screen.read',
      summary: '大屏 The wall screen of a county or a township',
      query: ScreenQuery,
      response: Screen,
    },
    (req) => screen.wall(ctx, actorOf(req), req.query),
  );
};
