/** The web manifest of dispatched cadres: first secretaries, work teams, instructors, science envoys (派驻). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of dispatches. */
export const dispatchesWeb: WebModule = {
  area: 'people',
  module: 'dispatches',
};
