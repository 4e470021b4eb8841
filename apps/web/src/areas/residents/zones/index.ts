/** Members' zones of responsibility (党员责任区). */
import { AppstoreOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const entry = { group: { zh: '为民服务', en: 'Serving residents' }, capability: 'residents.read', order: 40 };

/** The web manifest of zones. */
export const zonesWeb: WebModule = {
  area: 'residents',
  module: 'zones',
  menu: [{ ...entry, href: '/zones', icon: AppstoreOutlined, label: { zh: '党员责任区', en: 'Zones' } }],
  routes: [{ path: 'zones', page: page(() => import('./ZonesPage')) }],
  crumbs: {
    zones: { zh: '党员责任区', en: 'Zones' },
  },
};
