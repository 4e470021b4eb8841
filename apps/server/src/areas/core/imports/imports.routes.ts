/** The import queue of the caller's county: which import runs, which wait, how far each has read. */
import { ImportQueue } from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import { currentImports } from '../../../platform/imports.js';

export const importsRoutes: RouteModule = (app, ctx) => {
  defineRoute(app, {
    method: 'GET',
    url: '/api/imports/current',
    // Whoever may import may see the queue: kinds, states and counts, no names and nothing of the files.
    capability: ['members.import', 'residents.import'],
    schema: {
      tags: ['imports'],
      summary: '导入队列与进度 Import queue and progress of my county',
      response: { 200: ImportQueue },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      reply.header('cache-control', 'no-store');
      return { items: currentImports(ctx, actor).map(({ userId: _user, ...job }) => job) };
    },
  });
};
