/** The three evaluations (三评). */
import { LikeOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const entry = { group: { zh: '为民服务', en: 'Serving residents' }, capability: 'residents.read', order: 40 };

/** The web manifest of evaluations. */
export const evaluationsWeb: WebModule = {
  area: 'residents',
  module: 'evaluations',
  menu: [{ ...entry, href: '/evaluations', icon: LikeOutlined, label: { zh: '三评', en: 'Evaluations' } }],
  routes: [{ path: 'evaluations', page: page(() => import('./EvaluationsPage')) }],
  crumbs: {
    evaluations: { zh: '三评', en: 'Evaluations' },
  },
};
