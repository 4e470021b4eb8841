/** Module manifest: The import queue of a county (members and households imports share it). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { importsRoutes } from './imports.routes.js';

export const importsModule: ModuleManifest = {
  name: 'imports',
  area: 'core',
  routes: [importsRoutes],
};
