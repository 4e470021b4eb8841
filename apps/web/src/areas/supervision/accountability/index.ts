/** Accountability (问责): the records, their form and detail — for those holding `accountability.read` only. */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { SUPERVISION_GROUP, SUPERVISION_ORDER } from '../problems/group';

const label = { zh: '问责记录', en: 'Accountability' };

/** The web manifest of accountability. */
export const accountabilityWeb: WebModule = {
  area: 'supervision',
  module: 'accountability',
  menu: [
    menuEntry('/accountability', SafetyCertificateOutlined, label, {
      group: SUPERVISION_GROUP,
      capability: 'accountability.read',
      order: SUPERVISION_ORDER,
    }),
  ],
  routes: routesOf({
    accountability: page(() => import('./AccountabilityPage')),
    'accountability/new': page(() => import('./AccountabilityFormPage')),
    'accountability/:id': page(() => import('./AccountabilityDetailPage')),
    'accountability/:id/edit': page(() => import('./AccountabilityFormPage')),
  }),
  crumbs: { accountability: label },
};
