/** Module manifest: member development (发展党员) — candidates, the 25 steps, their time rules and figures. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { developmentRoutes } from './development.routes.js';
import { remindDeadlines } from './development.reminders.js';
import { developmentContributor } from '../../../demo/development/load.js';
import { plansRoutes } from './plans.routes.js';
import { withDemoPlans } from '../../../demo/developmentPlans.js';

export const developmentModule: ModuleManifest = {
  name: 'development',
  area: 'people',
  routes: [developmentRoutes, plansRoutes],
  orgScopedTables: ['development_candidates', 'development_plans', 'development_marks'],
  versionDomains: ['development'],
  capabilities: [
    'development.read',
    'development.write',
    'development.approve',
    'development.rules',
    'development.plan',
  ],
  demo: withDemoPlans(developmentContributor),
  jobs: [{ name: 'development reminders', run: (ctx, { now }) => remindDeadlines(ctx, now) }],
};
