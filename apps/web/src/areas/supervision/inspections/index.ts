/** The web manifest of inspections (季督查, 半年督查, 随机暗访, 现场观摩). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of inspections. */
export const inspectionsWeb: WebModule = {
  area: 'supervision',
  module: 'inspections',
};
