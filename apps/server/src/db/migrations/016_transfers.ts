/** The transfers module's tables (area people, issue 11). */
import type { Migration } from './index.js';

export const transfers016: Migration = {
  name: '016_transfers',
  async up() {
    // Filled by the transfers module.
  },
};
