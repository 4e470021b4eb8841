/** The public board's route (`/api/public/board`): no session; rate-limited as every public route. */
import { PublicBoard, PublicBoardQuery, type PublicBoardT } from '@dangjian/contracts';
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
    // The cached JSON text as it is: Fastify neither serializes a string again nor runs the public routes'
    // masking hook on it (the text was masked once, when it was built).
    async (req, reply) => {
      const text = await service.boardJson(ctx, req.query);
      // The text is a PublicBoardT's JSON; the reply's type names the object it was serialized from.
      return reply.type('application/json; charset=utf-8').send(text as unknown as PublicBoardT);
    },
  );
};
