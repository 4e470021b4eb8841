/** Households (住户): the list with its drawer and recycle bin, the form and the import. */
import { ContactsOutlined } from '@ant-design/icons';
import { page } from '../../../app/modules';
import { residentsModule } from '../common/manifest';

const HouseholdsPage = page(() => import('./HouseholdsPage'));
const HouseholdFormPage = page(() => import('./HouseholdFormPage'));
const entry = { icon: ContactsOutlined, label: { zh: '住户管理', en: 'Households' } };

/** The web manifest of households. */
export const householdsWeb = residentsModule('households', entry, {
  households: HouseholdsPage,
  'households/new': HouseholdFormPage,
  'households/import': page(() => import('./HouseholdImportPage')),
  'households/:id': HouseholdsPage,
  'households/:id/edit': HouseholdFormPage,
});
