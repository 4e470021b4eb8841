/** Organizations: the tree, the detail and the forms. */
import { ApartmentOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const OrgsPage = page(() => import('./OrgsPage'));
const OrgFormPage = page(() => import('./OrgFormPage'));

/** The web manifest of the organizations. */
export const orgsWeb: WebModule = {
  area: 'core',
  module: 'orgs',
  menu: [
    {
      href: '/orgs',
      icon: ApartmentOutlined,
      label: { zh: '组织架构', en: 'Organizations' },
      capability: 'orgs.read',
      order: 10,
    },
  ],
  routes: [
    { path: 'orgs', page: OrgsPage },
    { path: 'orgs/new', page: OrgFormPage },
    { path: 'orgs/:id', page: OrgsPage },
    { path: 'orgs/:id/edit', page: OrgFormPage },
  ],
  crumbs: { orgs: { zh: '组织架构', en: 'Organizations' } },
};
