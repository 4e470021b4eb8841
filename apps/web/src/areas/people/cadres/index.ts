/**
 * The web manifest of the two village committees' people, their posts and terms, elections analytics, filing and
 * joint review (村两委, 换届).
 */
import type { WebModule } from '../../../app/modules';

/** The web manifest of cadres. */
export const cadresWeb: WebModule = {
  area: 'people',
  module: 'cadres',
};
