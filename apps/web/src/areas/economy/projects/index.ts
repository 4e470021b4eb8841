/** The web manifest of "Party branch +" industry projects (党支部+). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of projects. */
export const projectsWeb: WebModule = {
  area: 'economy',
  module: 'projects',
};
