/** The selections module's tables (area assessment, issue 12): selections of the best (十佳村干部, 十杰百优). */
import type { Migration } from './index.js';

export const selections030: Migration = {
  name: '030_selections',
  async up() {
    // Filled by the selections module.
  },
};
