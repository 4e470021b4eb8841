/** The web manifest of rotation training classes and the hours members earn by attending (三分五统, 学时). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of training. */
export const trainingWeb: WebModule = {
  area: 'life',
  module: 'training',
};
