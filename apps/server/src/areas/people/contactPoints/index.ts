/** Module manifest: county leaders' contact points and the weak organizations they take on (联系点, 包抓). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { contactPointsContributor } from './contactPoints.demo.js';
import { contactPointsRoutes } from './contactPoints.routes.js';

export const contactPointsModule: ModuleManifest = {
  name: 'contactPoints',
  area: 'people',
  routes: [contactPointsRoutes],
  orgScopedTables: ['contact_leaders', 'contact_points', 'contact_visits', 'contact_issues'],
  versionDomains: ['contactPoints'],
  capabilities: ['contactPoints.read', 'contactPoints.write'],
  demo: contactPointsContributor,
};
