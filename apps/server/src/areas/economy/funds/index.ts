/**
 * Module manifest: grassroots funds and pay — operating and service funds, first secretaries' work funds,
 * secretaries' pay — as yearly records per village, with the standards (rules) and who is below them.
 */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { fundsContributor } from './funds.demo.js';
import { fundsRoutes } from './funds.routes.js';

export const fundsModule: ModuleManifest = {
  name: 'funds',
  area: 'economy',
  routes: [fundsRoutes],
  orgScopedTables: ['fund_records'],
  versionDomains: ['funds'],
  capabilities: ['funds.read', 'funds.write', 'funds.pay'],
  demo: fundsContributor,
};
