/** The learning module's tables (area life, issue 14): monthly learning lists and how branches hold them (夜学). */
import type { Migration } from './index.js';

export const learning036: Migration = {
  name: '036_learning',
  async up() {
    // Filled by the learning module.
  },
};
