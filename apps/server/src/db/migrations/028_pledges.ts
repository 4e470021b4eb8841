/** The pledges module's tables (area assessment, issue 12): pledges of members and organizations (承诺践诺, 为民办实事). */
import type { Migration } from './index.js';

export const pledges028: Migration = {
  name: '028_pledges',
  async up() {
    // Filled by the pledges module.
  },
};
