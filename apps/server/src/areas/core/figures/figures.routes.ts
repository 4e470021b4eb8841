/** The figures catalogue: every figure the app computes, for signed-in users. */
import { FigureCatalogue } from '@dangjian/contracts';
import { figureCatalogue } from '../../../platform/figures.js';
import type { RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';

export const figuresRoutes: RouteModule = (app) => {
  defineRoute(app, {
    method: 'GET',
    url: '/api/figures',
    // Business roles only: the auditor and the security admin see no business data, not even its catalogue.
    capability: ['stats.read', 'self.party'],
    schema: {
      tags: ['figures'],
      summary: '统计目录 Every figure: name, parameters, route',
      response: { 200: FigureCatalogue },
    },
    handler: async () => ({ items: figureCatalogue() }),
  });
};
