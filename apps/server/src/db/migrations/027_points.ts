/** The points module's tables (area assessment, issue 12): member points as an append-only ledger (积分制). */
import type { Migration } from './index.js';

export const points027: Migration = {
  name: '027_points',
  async up() {
    // Filled by the points module.
  },
};
