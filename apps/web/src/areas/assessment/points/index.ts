/** The web manifest of member points as an append-only ledger (积分制). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of points. */
export const pointsWeb: WebModule = {
  area: 'assessment',
  module: 'points',
};
