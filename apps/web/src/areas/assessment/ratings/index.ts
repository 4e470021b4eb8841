/** The web manifest of star ratings and assessments of cadres (星级评定, 5+1, 年终考评). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of ratings. */
export const ratingsWeb: WebModule = {
  area: 'assessment',
  module: 'ratings',
};
