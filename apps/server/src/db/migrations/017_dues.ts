/** The dues module's tables (area people, issue 11). */
import type { Migration } from './index.js';

export const dues017: Migration = {
  name: '017_dues',
  async up() {
    // Filled by the dues module.
  },
};
