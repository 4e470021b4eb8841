/**
 * The web manifest of grassroots funds and pay: operating and service funds, first secretaries' work funds,
 * secretaries' pay.
 */
import type { WebModule } from '../../../app/modules';

/** The web manifest of funds. */
export const fundsWeb: WebModule = {
  area: 'economy',
  module: 'funds',
};
