/** The web manifest of yearly collective income of villages and their classes (村集体经济). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of incomes. */
export const incomesWeb: WebModule = {
  area: 'economy',
  module: 'incomes',
};
