/** The cadres module's tables (area people, issue 14): the two village committees' people, their posts and terms, elections analytics, filing and joint review (村两委, 换届). */
import type { Migration } from './index.js';

export const cadres032: Migration = {
  name: '032_cadres',
  async up() {
    // Filled by the cadres module.
  },
};
