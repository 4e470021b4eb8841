/** The import queue of the caller's county: which import runs, which wait, how far each has read. */
import { ImportQueue, ROLE_CAPABILITIES } from '@dangjian/contracts';
import { requireCapability } from '../../../platform/actor.js';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { currentImports } from '../../../platform/imports.js';

export const importsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/imports/current',
    {
      schema: {
        tags: ['imports'],
        summary: '导入队列与进度 Import queue and progress of my county',
        response: { 200: ImportQueue },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      // Whoever may import may see the queue: kinds, states and counts, no names and nothing of the files.
      if (!ROLE_CAPABILITIES[actor.role].includes('members.import')) requireCapability(actor, 'residents.import');
      reply.header('cache-control', 'no-store');
      return { items: currentImports(ctx, actor).map(({ userId: _user, ...job }) => job) };
    },
  );
};
