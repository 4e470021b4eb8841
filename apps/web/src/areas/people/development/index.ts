/** Member development (发展党员): the candidates, their detail and steps, the overdue list and the annual plan. */
import { AimOutlined, ClockCircleOutlined, SolutionOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';

const group = { zh: '党员管理', en: 'Members' };
const read = { group, capability: 'development.read', order: 21 };
const CandidateFormPage = page(() => import('./CandidateFormPage'));

/** The web manifest of member development. */
export const developmentWeb: WebModule = {
  area: 'people',
  module: 'development',
  menu: [
    menuEntry('/development', SolutionOutlined, { zh: '发展党员', en: 'Member development' }, read),
    menuEntry('/development/overdue', ClockCircleOutlined, { zh: '发展时限提醒', en: 'Development deadlines' }, read),
    menuEntry('/development/plans', AimOutlined, { zh: '发展计划', en: 'Development plan' }, read),
  ],
  routes: routesOf({
    development: page(() => import('./CandidatesPage')),
    'development/new': CandidateFormPage,
    'development/overdue': page(() => import('./OverduePage')),
    'development/plans': page(() => import('./PlansPage')),
    'development/:id': page(() => import('./CandidateDetailPage')),
    'development/:id/step': page(() => import('./StepFormPage')),
  }),
  crumbs: {
    development: { zh: '发展党员', en: 'Member development' },
    overdue: { zh: '发展时限提醒', en: 'Development deadlines' },
    plans: { zh: '发展计划', en: 'Development plan' },
    'development/new': { zh: '入党申请', en: 'New application' },
    step: { zh: '记录步骤', en: 'Record a step' },
  },
};
