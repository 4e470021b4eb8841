/** The web manifest of retraining of incompetent cadres (淬火整训). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of retraining. */
export const retrainingWeb: WebModule = {
  area: 'assessment',
  module: 'retraining',
};
