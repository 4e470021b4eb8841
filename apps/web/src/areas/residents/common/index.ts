/** The figures and the rules of serving residents. */
import { BarChartOutlined, ProfileOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';
import { residentsEntry } from './manifest';

/** The web manifest of common. */
export const commonWeb: WebModule = {
  area: 'residents',
  module: 'common',
  menu: [
    residentsEntry('/service/stats', BarChartOutlined, { zh: '服务统计', en: 'Figures' }),
    residentsEntry('/service-rules', ProfileOutlined, { zh: '服务规则', en: 'Rules' }),
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
