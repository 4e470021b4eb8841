/** Requests (民情诉求): the list, the form and the detail. */
import { MessageOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const entry = { group: { zh: '为民服务', en: 'Serving residents' }, capability: 'residents.read', order: 40 };

/** The web manifest of requests. */
export const requestsWeb: WebModule = {
  area: 'residents',
  module: 'requests',
  menu: [{ ...entry, href: '/requests', icon: MessageOutlined, label: { zh: '民情诉求', en: 'Requests' } }],
  routes: [
    { path: 'requests', page: page(() => import('./RequestsPage')) },
    { path: 'requests/new', page: page(() => import('./RequestFormPage')) },
    { path: 'requests/:id', page: page(() => import('./RequestDetailPage')) },
  ],
  crumbs: {
    requests: { zh: '民情诉求', en: 'Requests' },
  },
};
