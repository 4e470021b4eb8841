/** Module manifest: the catalogue of every figure the platform computes (`GET /api/figures`). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { figuresRoutes } from './figures.routes.js';

export const figuresModule: ModuleManifest = {
  name: 'figures',
  area: 'core',
  routes: [figuresRoutes],
  capabilities: [],
};
