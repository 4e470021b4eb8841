/** The problems module's tables (area supervision, issue 13): problems and their rectification (问题整改). */
import type { Migration } from './index.js';

export const problems022: Migration = {
  name: '022_problems',
  async up() {
    // Filled by the problems module.
  },
};
