/** Module manifest: dispatched cadres: first secretaries, work teams, instructors, science envoys (派驻). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const dispatchesModule: ModuleManifest = {
  name: 'dispatches',
  area: 'people',
  routes: [],
};
