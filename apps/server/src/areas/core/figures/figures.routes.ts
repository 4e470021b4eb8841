/** The figures catalogue: every figure the app computes, for signed-in users. */
import { FigureCatalogue } from '@dangjian/contracts';
import { figureCatalogue } from '../../../platform/figures.js';
import { actorOf, type RouteModule } from '../../../platform/http.js';

export const figuresRoutes: RouteModule = (app) => {
  app.get(
    '/api/figures',
    {
      schema: {
        tags: ['figures'],
        summary: '统计目录 Every figure: name, parameters, route',
        response: { 200: FigureCatalogue },
      },
    },
    async (req) => {
      actorOf(req);
      return { items: figureCatalogue() };
    },
  );
};
