/** Errands (党员代办). */
import { SolutionOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const ErrandsPage = page(() => import('./ErrandsPage'));
const entry = { group: { zh: '为民服务', en: 'Serving residents' }, capability: 'residents.read', order: 40 };

/** The web manifest of errands. */
export const errandsWeb: WebModule = {
  area: 'residents',
  module: 'errands',
  menu: [{ ...entry, href: '/errands', icon: SolutionOutlined, label: { zh: '党员代办', en: 'Errands' } }],
  routes: [
    { path: 'errands', page: ErrandsPage },
    { path: 'errands/:id', page: ErrandsPage },
  ],
  crumbs: {
    errands: { zh: '党员代办', en: 'Errands' },
  },
};
