/** The incomes module's tables (area economy, issue 14): yearly collective income of villages and their classes (村集体经济). */
import type { Migration } from './index.js';

export const incomes038: Migration = {
  name: '038_incomes',
  async up() {
    // Filled by the incomes module.
  },
};
