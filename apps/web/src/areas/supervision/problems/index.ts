/** The web manifest of problems and their rectification (问题整改). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of problems. */
export const problemsWeb: WebModule = {
  area: 'supervision',
  module: 'problems',
};
