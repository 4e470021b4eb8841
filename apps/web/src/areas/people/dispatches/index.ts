/** The web manifest of dispatched cadres: first secretaries, work teams, instructors, science envoys (派驻). */
import { FlagOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { CADRES_GROUP, CADRES_ORDER } from '../group';

const label = { zh: '派驻干部', en: 'Dispatched cadres' };

/** The web manifest of dispatches. */
export const dispatchesWeb: WebModule = {
  area: 'people',
  module: 'dispatches',
  menu: [
    menuEntry('/dispatches', FlagOutlined, label, {
      group: CADRES_GROUP,
      capability: 'dispatches.read',
      order: CADRES_ORDER + 0.3,
    }),
  ],
  routes: routesOf({
    dispatches: page(() => import('./DispatchesPage')),
    'dispatches/new': page(() => import('./DispatchFormPage')),
    'dispatches/:id': page(() => import('./DispatchDetailPage')),
    'dispatches/:id/edit': page(() => import('./DispatchFormPage')),
  }),
  crumbs: { dispatches: label },
};
