/** Micro-wishes (微心愿): the list and the detail. */
import { StarOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const entry = { group: { zh: '为民服务', en: 'Serving residents' }, capability: 'residents.read', order: 40 };

/** The web manifest of wishes. */
export const wishesWeb: WebModule = {
  area: 'residents',
  module: 'wishes',
  menu: [{ ...entry, href: '/wishes', icon: StarOutlined, label: { zh: '微心愿', en: 'Micro-wishes' } }],
  routes: [
    { path: 'wishes', page: page(() => import('./WishesPage')) },
    { path: 'wishes/:id', page: page(() => import('./WishDetailPage')) },
  ],
  crumbs: {
    wishes: { zh: '微心愿', en: 'Micro-wishes' },
  },
};
