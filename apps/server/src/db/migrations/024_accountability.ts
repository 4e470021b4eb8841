/** The accountability module's tables (area supervision, issue 13): accountability (问责). */
import type { Migration } from './index.js';

export const accountability024: Migration = {
  name: '024_accountability',
  async up() {
    // Filled by the accountability module.
  },
};
