/** The home page of each role (`/`). */
import { HomeOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

/** The web manifest of the home page. */
export const homeWeb: WebModule = {
  area: 'core',
  module: 'home',
  menu: [{ href: '/', icon: HomeOutlined, label: { zh: '首页', en: 'Home' }, order: 0 }],
  routes: [{ path: '', page: page(() => import('./HomePage')) }],
};
