/** The web manifest of accountability (问责). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of accountability. */
export const accountabilityWeb: WebModule = {
  area: 'supervision',
  module: 'accountability',
};
