/** The web manifest of secretaries' annual reports and their grading (书记述职评议). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of reports. */
export const reportsWeb: WebModule = {
  area: 'assessment',
  module: 'reports',
};
