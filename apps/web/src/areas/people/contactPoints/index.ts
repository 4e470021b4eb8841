/** The web manifest of county leaders' contact points and the weak organizations they take on (联系点, 包抓). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of contactPoints. */
export const contactPointsWeb: WebModule = {
  area: 'people',
  module: 'contactPoints',
};
