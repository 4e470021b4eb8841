/** The weakOrgs module's tables (area supervision, issue 13): weak and lax organizations (软弱涣散). */
import type { Migration } from './index.js';

export const weakOrgs023: Migration = {
  name: '023_weak_orgs',
  async up() {
    // Filled by the weakOrgs module.
  },
};
