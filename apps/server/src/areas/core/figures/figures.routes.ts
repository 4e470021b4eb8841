/** The figures catalogue: every figure the app computes, for signed-in users. */
import { FigureCatalogue } from '@dangjian/contracts';
import { figureCatalogue } from '../../../platform/figures.js';
import type { RouteModule } from '../../../platform/http.js';
import { routesOf } from '../../../platform/router.js';

export const figuresRoutes: RouteModule = (app) => {
  routesOf(app, { tags: ['figures'] }).get(
    '/api/figures',
    {
      // Business roles only: the auditor and the security admin see no business data, not even its catalogue.
      can: ['stats.read', 'self.party'],
      summary: '统计目录 Every figure: name, parameters, route',
      response: FigureCatalogue,
    },
    async () => ({ items: figureCatalogue() }),
  );
};
