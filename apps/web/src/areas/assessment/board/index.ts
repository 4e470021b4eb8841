/** The web manifest of the public board (公开晾晒). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of the board. */
export const boardWeb: WebModule = {
  area: 'assessment',
  module: 'board',
};
