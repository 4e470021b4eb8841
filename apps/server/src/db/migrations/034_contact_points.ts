/** The contactPoints module's tables (area people, issue 14): county leaders' contact points and the weak organizations they take on (联系点, 包抓). */
import type { Migration } from './index.js';

export const contactPoints034: Migration = {
  name: '034_contact_points',
  async up() {
    // Filled by the contactPoints module.
  },
};
