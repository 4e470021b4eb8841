/** Module manifest: inspections (季督查, 半年督查, 随机暗访, 现场观摩). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { inspectionsContributor } from './inspections.demo.js';
import { inspectionsRoutes } from './inspections.routes.js';

export const inspectionsModule: ModuleManifest = {
  name: 'inspections',
  area: 'supervision',
  routes: [inspectionsRoutes],
  orgScopedTables: ['inspections', 'inspection_visits', 'inspection_findings'],
  versionDomains: ['inspections'],
  capabilities: ['inspections.read', 'inspections.write'],
  demo: inspectionsContributor,
};
