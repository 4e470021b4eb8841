/** households routes. Thin: the services hold the rules. */
import type { RouteModule } from '../../platform/http.js';

export const householdsRoutes: RouteModule = (app, ctx) => {
  void app;
  void ctx;
};
