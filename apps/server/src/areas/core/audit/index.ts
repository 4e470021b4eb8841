/** Module manifest: The audit trail, read-only, and the check of its hash chain. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { auditRoutes } from './audit.routes.js';

export const auditModule: ModuleManifest = {
  name: 'audit',
  area: 'core',
  routes: [auditRoutes],
  capabilities: ['audit.read'],
};
