/** The mobility module's tables (area people, issue 11). */
import type { Migration } from './index.js';

export const mobility018: Migration = {
  name: '018_mobility',
  async up() {
    // Filled by the mobility module.
  },
};
