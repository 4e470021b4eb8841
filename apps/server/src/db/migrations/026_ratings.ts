/** The ratings module's tables (area assessment, issue 12): star ratings of organizations and assessments of cadres by indicator schemes (星级评定, 5+1, 年终考评). */
import type { Migration } from './index.js';

export const ratings026: Migration = {
  name: '026_ratings',
  async up() {
    // Filled by the ratings module.
  },
};
