/** Visits (走访): the list, the form and the quotas. */
import { EnvironmentOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const entry = { group: { zh: '为民服务', en: 'Serving residents' }, capability: 'residents.read', order: 40 };

/** The web manifest of visits. */
export const visitsWeb: WebModule = {
  area: 'residents',
  module: 'visits',
  menu: [{ ...entry, href: '/visits', icon: EnvironmentOutlined, label: { zh: '走访', en: 'Visits' } }],
  routes: [
    { path: 'visits', page: page(() => import('./VisitsPage')) },
    { path: 'visits/new', page: page(() => import('./VisitFormPage')) },
    { path: 'visits/quotas', page: page(() => import('./VisitQuotasPage')) },
  ],
  crumbs: {
    visits: { zh: '走访', en: 'Visits' },
    quotas: { zh: '走访要求落实', en: 'Quotas' },
  },
};
