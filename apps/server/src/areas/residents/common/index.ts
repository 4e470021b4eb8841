/** Module manifest: What the residents' modules share: their rules, their figures and the demo data. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { residentsRoutes } from './residents.routes.js';
import { residentsContributor } from '../../../demo/residents.js';

export const commonModule: ModuleManifest = {
  name: 'common',
  area: 'residents',
  routes: [residentsRoutes],
  versionDomains: ['residents'],
  capabilities: ['residents.read', 'residents.write', 'residents.reveal', 'residents.rules'],
  demo: residentsContributor,
};
