/** Pairings (结对帮扶) and their gaps. */
import { UsergroupAddOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const entry = { group: { zh: '为民服务', en: 'Serving residents' }, capability: 'residents.read', order: 40 };

/** The web manifest of pairings. */
export const pairingsWeb: WebModule = {
  area: 'residents',
  module: 'pairings',
  menu: [{ ...entry, href: '/pairings', icon: UsergroupAddOutlined, label: { zh: '结对帮扶', en: 'Pairings' } }],
  routes: [
    { path: 'pairings', page: page(() => import('./PairingsPage')) },
    { path: 'pairings/gaps', page: page(() => import('./PairingGapsPage')) },
  ],
  crumbs: {
    pairings: { zh: '结对帮扶', en: 'Pairings' },
    gaps: { zh: '结对缺口', en: 'Gaps' },
  },
};
