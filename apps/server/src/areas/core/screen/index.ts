/** Module manifest: the wall screen (大屏) of a county or a township, built from the other modules' figures. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { screenRoutes } from './screen.routes.js';

export const screenModule: ModuleManifest = {
  name: 'screen',
  area: 'core',
  routes: [screenRoutes],
  capabilities: ['screen.read'],
};
