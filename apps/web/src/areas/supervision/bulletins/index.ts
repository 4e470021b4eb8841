/** The web manifest of bulletins generated from the records (季度通报, 工作简报). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of bulletins. */
export const bulletinsWeb: WebModule = {
  area: 'supervision',
  module: 'bulletins',
};
