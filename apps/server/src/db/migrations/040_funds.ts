/** The funds module's tables (area economy, issue 14): grassroots funds and pay: operating and service funds, first secretaries' work funds, secretaries' pay. */
import type { Migration } from './index.js';

export const funds040: Migration = {
  name: '040_funds',
  async up() {
    // Filled by the funds module.
  },
};
