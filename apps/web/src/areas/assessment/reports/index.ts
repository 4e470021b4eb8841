/** The web manifest of secretaries' annual reports (书记述职评议): rounds, my report, the sheet, the results. */
import { AuditOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { ASSESSMENT_GROUP as group, ASSESSMENT_ORDER } from '../group';

const label = { zh: '书记述职评议', en: 'Annual reports' };

/** The web manifest of reports. */
export const reportsWeb: WebModule = {
  area: 'assessment',
  module: 'reports',
  menu: [
    menuEntry('/reports', AuditOutlined, label, { group, capability: 'reports.panel', order: ASSESSMENT_ORDER + 4 }),
  ],
  routes: routesOf({
    reports: page(() => import('./RoundsPage')),
    'reports/rounds/new': page(() => import('./RoundFormPage')),
    'reports/rounds/:id': page(() => import('./RoundPage')),
    'reports/rounds/:id/sheet': page(() => import('./SheetPage')),
    'reports/results': page(() => import('./ResultsPage')),
    'reports/:id': page(() => import('./ReportPage')),
  }),
  crumbs: {
    reports: label,
    'reports/rounds/new': { zh: '组织述职评议', en: 'Open a round' },
    'reports/results': { zh: '述职评议结果', en: 'Results' },
  },
};
