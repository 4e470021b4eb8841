/** The bulletins module's tables (area supervision, issue 13): bulletins generated from the records (季度通报, 工作简报). */
import type { Migration } from './index.js';

export const bulletins025: Migration = {
  name: '025_bulletins',
  async up() {
    // Filled by the bulletins module.
  },
};
