/** The import queue of the caller's county: which import runs, which wait, how far each has read. */
import { ImportQueue } from '@dangjian/contracts';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { noStore, routesOf } from '../../../platform/router.js';
import { currentImports } from '../../../platform/imports.js';

export const importsRoutes: RouteModule = (app, ctx) => {
  routesOf(app, { tags: ['imports'] }).get(
    '/api/imports/current',
    {
      // Whoever may import may see the queue: kinds, states and counts, no names and nothing of the files.
      can: ['members.import', 'residents.import'],
      summary: '导入队列与进度 Import queue and progress of my county',
      response: ImportQueue,
    },
    async (req, reply) =>
      noStore(reply, { items: currentImports(ctx, actorOf(req)).map(({ userId: _user, ...job }) => job) }),
  );
};
