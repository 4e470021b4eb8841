/** Module manifest: secretaries' annual reports and their grading (书记述职评议). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { reportsContributor } from './reports.demo.js';
import { reportsRoutes } from './reports.routes.js';
import './reports.figures.js';
import './reports.rules.js';

export const reportsModule: ModuleManifest = {
  name: 'reports',
  area: 'assessment',
  routes: [reportsRoutes],
  orgScopedTables: ['report_rounds', 'report_panelists', 'reports', 'report_grades'],
  versionDomains: ['reports'],
  capabilities: ['reports.read', 'reports.write', 'reports.grade', 'reports.panel'],
  demo: reportsContributor,
};
