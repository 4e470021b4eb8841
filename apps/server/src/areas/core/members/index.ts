/** Module manifest: Party members: the roster, its import and export, one's own record. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { membersRoutes } from './members.routes.js';

export const membersModule: ModuleManifest = {
  name: 'members',
  area: 'core',
  routes: [membersRoutes],
  orgScopedTables: ['members'],
  versionDomains: ['roster'],
  capabilities: ['members.read', 'members.write', 'members.reveal', 'members.import', 'members.export', 'self.party'],
};
