/** The web manifest of selections of the best (十佳村干部, 十杰百优). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of selections. */
export const selectionsWeb: WebModule = {
  area: 'assessment',
  module: 'selections',
};
