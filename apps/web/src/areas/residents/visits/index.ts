/** Visits (走访): the list, the form and the quotas. */
import { EnvironmentOutlined } from '@ant-design/icons';
import { page } from '../../../app/modules';
import { residentsModule } from '../common/manifest';

const entry = { icon: EnvironmentOutlined, label: { zh: '走访记录', en: 'Visits' } };
const VisitsPage = page(() => import('./VisitsPage'));
const quotas = { zh: '走访要求落实', en: 'Quotas' };

/** The web manifest of visits: the list, the form (`new`) and the quotas. */
export const visitsWeb = residentsModule(
  'visits',
  entry,
  {
    visits: VisitsPage,
    'visits/new': page(() => import('./VisitFormPage')),
    'visits/quotas': page(() => import('./VisitQuotasPage')),
  },
  { quotas },
);
