/** Accounts and the grants of administrator roles. */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';
import { hasCap } from '../../../app/session';

/** The web manifest of the accounts. */
export const usersWeb: WebModule = {
  area: 'core',
  module: 'users',
  menu: [
    {
      href: '/users',
      icon: SafetyCertificateOutlined,
      label: { zh: '账号管理', en: 'Accounts' },
      capability: 'users.read',
      order: 95,
    },
    {
      // The county admin, who may not read accounts, proposes grants on the same page.
      href: '/users',
      icon: SafetyCertificateOutlined,
      label: { zh: '管理员授权', en: 'Admin grants' },
      visible: (me) => !hasCap(me, 'users.read') && hasCap(me, 'users.propose'),
      order: 95,
    },
  ],
  routes: [{ path: 'users', page: page(() => import('./UsersPage')) }],
  crumbs: { users: { zh: '账号管理', en: 'Accounts' } },
};
