/** The web manifest of county leaders' contact points and the weak organizations they take on (联系点, 包抓). */
import { AimOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { CADRES_GROUP, CADRES_ORDER } from '../group';

const label = { zh: '县级领导联系点', en: "Leaders' contact points" };

/** The web manifest of contactPoints. */
export const contactPointsWeb: WebModule = {
  area: 'people',
  module: 'contactPoints',
  menu: [
    menuEntry('/contact-points', AimOutlined, label, {
      group: CADRES_GROUP,
      capability: 'contactPoints.read',
      order: CADRES_ORDER + 0.4,
    }),
  ],
  routes: routesOf({
    'contact-points': page(() => import('./LeadersPage')),
    'contact-points/new': page(() => import('./PointFormPage')),
    'contact-points/leaders/new': page(() => import('./LeaderFormPage')),
    'contact-points/leaders/:id': page(() => import('./LeaderPage')),
    'contact-points/leaders/:id/edit': page(() => import('./LeaderFormPage')),
    'contact-points/:id': page(() => import('./PointPage')),
  }),
  crumbs: { 'contact-points': label, 'contact-points/leaders': { zh: '县级领导', en: 'Leaders' } },
};
