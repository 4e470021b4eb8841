/** The supervision overview (督查总览): seed 000's list of the year's supervision work, for a subtree and period. */
import { DashboardOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';

const group = { zh: '督查整改', en: 'Supervision' };
const label = { zh: '督查总览', en: 'Supervision overview' };

/** The web manifest of the overview. */
export const overviewWeb: WebModule = {
  area: 'supervision',
  module: 'overview',
  menu: [
    menuEntry('/supervision/overview', DashboardOutlined, label, { group, capability: 'overview.read', order: 60 }),
  ],
  routes: routesOf({ 'supervision/overview': page(() => import('./OverviewPage')) }),
  crumbs: { supervision: group, overview: label },
};
