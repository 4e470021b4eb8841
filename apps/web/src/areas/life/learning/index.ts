/** The web manifest of monthly learning lists and how branches hold them (夜学). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of learning. */
export const learningWeb: WebModule = {
  area: 'life',
  module: 'learning',
};
