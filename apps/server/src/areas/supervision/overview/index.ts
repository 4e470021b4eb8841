/** Module manifest: the supervision overview (督查总览), read from the other supervision modules' figures. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { overviewRoutes } from './overview.routes.js';

export const overviewModule: ModuleManifest = {
  name: 'overview',
  area: 'supervision',
  routes: [overviewRoutes],
  capabilities: ['overview.read'],
};
