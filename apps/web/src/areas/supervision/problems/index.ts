/** Problems and their rectification (问题整改): the board, the form, the detail with its moves and the notice. */
import { AlertOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { SUPERVISION_GROUP, SUPERVISION_ORDER } from './group';

const label = { zh: '问题整改', en: 'Problems' };

/** The web manifest of problems. */
export const problemsWeb: WebModule = {
  area: 'supervision',
  module: 'problems',
  menu: [
    menuEntry('/problems', AlertOutlined, label, {
      group: SUPERVISION_GROUP,
      capability: 'problems.read',
      order: SUPERVISION_ORDER,
    }),
  ],
  routes: routesOf({
    problems: page(() => import('./ProblemsPage')),
    'problems/new': page(() => import('./ProblemFormPage')),
    'problems/:id': page(() => import('./ProblemDetailPage')),
    'problems/:id/edit': page(() => import('./ProblemFormPage')),
    'problems/:id/notice': page(() => import('./ProblemNoticePage')),
  }),
  crumbs: {
    problems: label,
    notice: { zh: '交办单', en: 'Notice' },
  },
};
