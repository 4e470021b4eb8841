/** The plan's routes as a manifest of their own, until the development module's manifest lists them. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { plansRoutes } from './plans.routes.js';
import { withDemoPlans } from '../../../demo/developmentPlans.js';

export const developmentPlansModule: ModuleManifest = {
  name: 'development-plans',
  area: 'people',
  routes: [plansRoutes],
  orgScopedTables: ['development_plans', 'development_marks'],
  versionDomains: ['development'],
  capabilities: ['development.plan'],
  demo: withDemoPlans(),
};
