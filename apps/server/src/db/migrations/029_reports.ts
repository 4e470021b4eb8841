/** The reports module's tables (area assessment, issue 12): secretaries' annual reports and their grading (书记述职评议). */
import type { Migration } from './index.js';

export const reports029: Migration = {
  name: '029_reports',
  async up() {
    // Filled by the reports module.
  },
};
