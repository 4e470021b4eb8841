/** The figures and the rules of serving residents. */
import { BarChartOutlined, ProfileOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const entry = { group: { zh: '为民服务', en: 'Serving residents' }, capability: 'residents.read', order: 40 };

/** The web manifest of common. */
export const commonWeb: WebModule = {
  area: 'residents',
  module: 'common',
  menu: [
    { ...entry, href: '/service/stats', icon: BarChartOutlined, label: { zh: '服务统计', en: 'Figures' } },
    { ...entry, href: '/service-rules', icon: ProfileOutlined, label: { zh: '服务规则', en: 'Rules' } },
  ],
  routes: [
    { path: 'service/stats', page: page(() => import('./ResidentsStatsPage')) },
    {
      path: 'service-rules',
      page: page(() => import('../../core/rules/ruleSetPages').then((m) => ({ default: m.ResidentsRules }))),
    },
  ],
  crumbs: {
    service: { zh: '为民服务', en: 'Serving residents' },
    'service-rules': { zh: '服务规则', en: 'Service rules' },
  },
};
