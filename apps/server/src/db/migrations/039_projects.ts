/** The projects module's tables (area economy, issue 14): "Party branch +" industry projects (党支部+). */
import type { Migration } from './index.js';

export const projects039: Migration = {
  name: '039_projects',
  async up() {
    // Filled by the projects module.
  },
};
