/** The web manifest of retraining of incompetent cadres (淬火整训): the list, the suspension form and the file. */
import { ToolOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { ASSESSMENT_GROUP as group, ASSESSMENT_ORDER } from '../group';

const label = { zh: '淬火整训', en: 'Retraining of cadres' };

/** The web manifest of retraining. */
export const retrainingWeb: WebModule = {
  area: 'assessment',
  module: 'retraining',
  menu: [
    menuEntry('/retraining', ToolOutlined, label, {
      group,
      capability: 'retraining.read',
      order: ASSESSMENT_ORDER + 6,
    }),
  ],
  routes: routesOf({
    retraining: page(() => import('./RetrainingPage')),
    'retraining/new': page(() => import('./RetrainingFormPage')),
    'retraining/:id': page(() => import('./RetrainingDetailPage')),
  }),
  crumbs: { retraining: label, 'retraining/new': { zh: '停职整训村干部', en: 'Suspend a cadre' } },
};
