/** One rules page for every rule set of the platform (`/rules/:set`). */
import { page, type WebModule } from '../../../app/modules';

/** The web manifest of the rules page (its menu entries are the modules' own: 制度要求, 服务规则). */
export const rulesWeb: WebModule = {
  area: 'core',
  module: 'rules',
  routes: [{ path: 'rules/:set', page: page(() => import('./RulesPage')) }],
  crumbs: { rules: { zh: '规则', en: 'Rules' } },
};
