/** Organizations: the tree, the detail and the forms. */
import { ApartmentOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';

const OrgsPage = page(() => import('./OrgsPage'));
const OrgFormPage = page(() => import('./OrgFormPage'));
const label = { zh: '组织架构', en: 'Organizations' };

/** The web manifest of the organizations. */
export const orgsWeb: WebModule = {
  area: 'core',
  module: 'orgs',
  menu: [menuEntry('/orgs', ApartmentOutlined, label, { capability: 'orgs.read', order: 10 })],
  routes: routesOf({ orgs: OrgsPage, 'orgs/new': OrgFormPage, 'orgs/:id': OrgsPage, 'orgs/:id/edit': OrgFormPage }),
  crumbs: { orgs: label },
};
