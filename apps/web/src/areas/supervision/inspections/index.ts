/** Inspections (督查检查): the list, the plan form, the detail with visits and findings; the phone page is `/m/inspect`. */
import { AuditOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { SUPERVISION_GROUP, SUPERVISION_ORDER } from '../problems/group';

const label = { zh: '督查检查', en: 'Inspections' };

/** The web manifest of inspections. */
export const inspectionsWeb: WebModule = {
  area: 'supervision',
  module: 'inspections',
  menu: [
    menuEntry('/inspections', AuditOutlined, label, {
      group: SUPERVISION_GROUP,
      capability: 'inspections.read',
      order: SUPERVISION_ORDER,
    }),
  ],
  routes: routesOf({
    inspections: page(() => import('./InspectionsPage')),
    'inspections/new': page(() => import('./InspectionFormPage')),
    'inspections/:id': page(() => import('./InspectionDetailPage')),
  }),
  crumbs: { inspections: label },
};
