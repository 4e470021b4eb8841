/**
 * Module manifest: grassroots funds and pay: operating and service funds, first secretaries' work funds,
 * secretaries' pay.
 */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const fundsModule: ModuleManifest = {
  name: 'funds',
  area: 'economy',
  routes: [],
};
