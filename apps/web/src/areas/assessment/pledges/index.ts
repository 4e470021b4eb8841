/** The web manifest of pledges (承诺践诺): the list, the form and the pledge's page. */
import { FlagOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { ASSESSMENT_GROUP, ASSESSMENT_ORDER } from '../group';

const label = { zh: '承诺践诺', en: 'Pledges' };

/** The web manifest of pledges. */
export const pledgesWeb: WebModule = {
  area: 'assessment',
  module: 'pledges',
  menu: [
    menuEntry('/pledges', FlagOutlined, label, {
      group: ASSESSMENT_GROUP,
      capability: 'pledges.read',
      order: ASSESSMENT_ORDER,
    }),
  ],
  routes: routesOf({
    pledges: page(() => import('./PledgesPage')),
    'pledges/new': page(() => import('./PledgeFormPage')),
    'pledges/:id': page(() => import('./PledgeDetailPage')),
    'pledges/:id/edit': page(() => import('./PledgeFormPage')),
  }),
  crumbs: {
    pledges: label,
    'pledges/new': { zh: '新建承诺', en: 'New pledge' },
  },
};
