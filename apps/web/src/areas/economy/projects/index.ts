/** The web manifest of "Party branch +" industry projects (党支部+): the list, the form, a project, the figures. */
import { BarChartOutlined, ShopOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { ECONOMY_GROUP as group, ECONOMY_ORDER } from '../group';

const label = { zh: '党支部+产业项目', en: '"Party branch +" projects' };
const figures = { zh: '产业项目统计', en: 'Project figures' };

/** The web manifest of projects. */
export const projectsWeb: WebModule = {
  area: 'economy',
  module: 'projects',
  menu: [
    menuEntry('/economy/projects', ShopOutlined, label, {
      group,
      capability: 'projects.read',
      order: ECONOMY_ORDER + 2,
    }),
    menuEntry('/economy/projects/figures', BarChartOutlined, figures, {
      group,
      capability: 'projects.read',
      order: ECONOMY_ORDER + 2.5,
    }),
  ],
  routes: routesOf({
    'economy/projects': page(() => import('./ProjectsPage')),
    'economy/projects/new': page(() => import('./ProjectFormPage')),
    'economy/projects/figures': page(() => import('./ProjectFiguresPage')),
    'economy/projects/:id': page(() => import('./ProjectDetailPage')),
    'economy/projects/:id/edit': page(() => import('./ProjectFormPage')),
  }),
  crumbs: {
    economy: group,
    'economy/projects': label,
    'economy/projects/new': { zh: '登记产业项目', en: 'Record a project' },
    'economy/projects/figures': figures,
  },
};
