/** Module manifest: "Party branch +" industry projects (党支部+): projects, their years, the figure, the demo. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { projectsContributor } from './projects.demo.js';
import { projectsRoutes } from './projects.routes.js';

export const projectsModule: ModuleManifest = {
  name: 'projects',
  area: 'economy',
  routes: [projectsRoutes],
  orgScopedTables: ['projects', 'project_years'],
  versionDomains: ['projects'],
  capabilities: ['projects.read', 'projects.write'],
  demo: projectsContributor,
};
