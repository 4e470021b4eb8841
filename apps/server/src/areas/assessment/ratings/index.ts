/** Module manifest: star ratings of organizations and assessments of cadres by indicator schemes (星级评定, 5+1, 年终考评). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { ratingsContributor } from './ratings.demo.js';
import { finalizeDue } from './ratings.moves.js';
import './ratings.rules.js';
import { ratingsRoutes } from './ratings.routes.js';

export const ratingsModule: ModuleManifest = {
  name: 'ratings',
  area: 'assessment',
  routes: [ratingsRoutes],
  orgScopedTables: ['rating_schemes', 'ratings', 'rating_objections', 'rating_targets'],
  versionDomains: ['ratings'],
  capabilities: ['ratings.read', 'ratings.schemes', 'ratings.score', 'ratings.self', 'ratings.object'],
  demo: ratingsContributor,
  jobs: [{ name: 'ratings final after the objection window', run: (ctx, { today }) => finalizeDue(ctx, today) }],
};
