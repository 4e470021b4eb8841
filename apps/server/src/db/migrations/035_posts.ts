/** The posts module's tables (area people, issue 14): posts defined for members and who holds them (设岗定责, 党员先锋岗). */
import type { Migration } from './index.js';

export const posts035: Migration = {
  name: '035_posts',
  async up() {
    // Filled by the posts module.
  },
};
