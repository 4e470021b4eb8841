/** Module manifest: posts defined for members and who holds them (设岗定责, 党员先锋岗), and their coverage. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { postsContributor } from './posts.demo.js';
import { postsRoutes } from './posts.routes.js';

export const postsModule: ModuleManifest = {
  name: 'posts',
  area: 'people',
  routes: [postsRoutes],
  orgScopedTables: ['member_posts', 'member_post_holders'],
  versionDomains: ['posts'],
  capabilities: ['posts.read', 'posts.write'],
  demo: postsContributor,
};
