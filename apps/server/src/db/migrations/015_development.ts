/** The development module's tables (area people, issue 11). */
import type { Migration } from './index.js';

export const development015: Migration = {
  name: '015_development',
  async up() {
    // Filled by the development module.
  },
};
