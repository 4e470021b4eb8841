/** The retraining module's tables (area assessment, issue 12): retraining of incompetent cadres (淬火整训). */
import type { Migration } from './index.js';

export const retraining031: Migration = {
  name: '031_retraining',
  async up() {
    // Filled by the retraining module.
  },
};
