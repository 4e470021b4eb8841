/** The web manifest of weak and lax organizations (软弱涣散). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of weakOrgs. */
export const weakOrgsWeb: WebModule = {
  area: 'supervision',
  module: 'weakOrgs',
};
