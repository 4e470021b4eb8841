/** The tasks module's tables (area supervision, issue 13): plans and prompts down the tree (双周计划, 月提示). */
import type { Migration } from './index.js';

export const tasks020: Migration = {
  name: '020_tasks',
  async up() {
    // Filled by the tasks module.
  },
};
