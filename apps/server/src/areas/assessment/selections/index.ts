/** Module manifest: selections of the best (十佳村干部, 十杰百优). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { selectionsContributor } from './selections.demo.js';
import { selectionsRoutes } from './selections.routes.js';

export const selectionsModule: ModuleManifest = {
  name: 'selections',
  area: 'assessment',
  routes: [selectionsRoutes],
  orgScopedTables: ['selections', 'selection_nominations', 'selection_ballots'],
  versionDomains: ['selections'],
  capabilities: ['selections.read', 'selections.manage', 'selections.nominate', 'selections.vote'],
  demo: selectionsContributor,
};
