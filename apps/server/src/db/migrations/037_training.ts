/** The training module's tables (area life, issue 14): rotation training classes and the hours members earn by attending (三分五统, 学时). */
import type { Migration } from './index.js';

export const training037: Migration = {
  name: '037_training',
  async up() {
    // Filled by the training module.
  },
};
