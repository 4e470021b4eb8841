/** The web manifest of pledges of members and organizations (承诺践诺, 为民办实事). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of pledges. */
export const pledgesWeb: WebModule = {
  area: 'assessment',
  module: 'pledges',
};
