/** The inspections module's tables (area supervision, issue 13): inspections (季督查, 半年督查, 随机暗访, 现场观摩). */
import type { Migration } from './index.js';

export const inspections021: Migration = {
  name: '021_inspections',
  async up() {
    // Filled by the inspections module.
  },
};
