/** Members away (流动党员) and out of contact (失联): the list, the form, a record, a member's history, the figure. */
import { EnvironmentOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { PEOPLE_GROUP } from './group';

const label = { zh: '流动党员', en: 'Members away' };
const FormPage = page(() => import('./MobilityFormPage'));

/** The web manifest of mobility. */
export const mobilityWeb: WebModule = {
  area: 'people',
  module: 'mobility',
  menu: [
    menuEntry('/mobility', EnvironmentOutlined, label, { group: PEOPLE_GROUP, capability: 'mobility.read', order: 20 }),
  ],
  routes: routesOf({
    mobility: page(() => import('./MobilityPage')),
    'mobility/new': FormPage,
    'mobility/states': page(() => import('./MobilityStatesPage')),
    'mobility/members/:id': page(() => import('./MemberMobilityPage')),
    'mobility/:id': page(() => import('./MobilityDetailPage')),
    'mobility/:id/edit': FormPage,
  }),
  // Only its own segments: `new`, `edit` and `members` keep the console's shared names.
  crumbs: { mobility: label, states: { zh: '统计', en: 'Figures' } },
};
