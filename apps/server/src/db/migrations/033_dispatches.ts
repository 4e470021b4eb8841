/** The dispatches module's tables (area people, issue 14): dispatched cadres: first secretaries, work teams, instructors, science envoys (派驻). */
import type { Migration } from './index.js';

export const dispatches033: Migration = {
  name: '033_dispatches',
  async up() {
    // Filled by the dispatches module.
  },
};
