/** Module manifest: secretaries' annual reports and their grading (书记述职评议). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const reportsModule: ModuleManifest = {
  name: 'reports',
  area: 'assessment',
  routes: [],
};
