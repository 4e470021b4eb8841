/** Households (户籍): the list with its drawer and recycle bin, the form and the import. */
import { ContactsOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const HouseholdsPage = page(() => import('./HouseholdsPage'));
const HouseholdFormPage = page(() => import('./HouseholdFormPage'));
const entry = { group: { zh: '为民服务', en: 'Serving residents' }, capability: 'residents.read', order: 40 };

/** The web manifest of households. */
export const householdsWeb: WebModule = {
  area: 'residents',
  module: 'households',
  menu: [{ ...entry, href: '/households', icon: ContactsOutlined, label: { zh: '户籍管理', en: 'Households' } }],
  routes: [
    { path: 'households', page: HouseholdsPage },
    { path: 'households/new', page: HouseholdFormPage },
    { path: 'households/import', page: page(() => import('./HouseholdImportPage')) },
    { path: 'households/:id', page: HouseholdsPage },
    { path: 'households/:id/edit', page: HouseholdFormPage },
  ],
  crumbs: {
    households: { zh: '户籍管理', en: 'Households' },
  },
};
