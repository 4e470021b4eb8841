/** wishes routes. Thin: the services hold the rules. */
import type { RouteModule } from '../../platform/http.js';

export const wishesRoutes: RouteModule = (app, ctx) => {
  void app;
  void ctx;
};
