/** The public board's route (`/api/public/board`): no session; rate-limited as every public route. */
import { PublicBoard, PublicBoardQuery } from '@dangjian/contracts';
import type { RouteModule } from '../../../platform/http.js';
import { routesOf } from '../../../platform/router.js';
import * as service from './board.service.js';

export const boardRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['board'] });
  r.get(
    '/api/public/board',
    {
      can: 'public',
      summary: '公开晾晒：星级评定、积分排名、承诺践诺、微心愿（无需登录）The public board',
      query: PublicBoardQuery,
      response: PublicBoard,
    },
    (req) => service.board(ctx, req.query),
  );
};
