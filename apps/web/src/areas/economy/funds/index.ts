/** The web manifest of grassroots funds and pay: the records per village and year, and the standards page. */
import { AccountBookOutlined, AuditOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { ECONOMY_GROUP, ECONOMY_ORDER } from '../group';

const label = { zh: '基层经费', en: 'Grassroots funds' };
const summary = { zh: '经费保障情况', en: 'Funds against the standards' };

/** The web manifest of funds. */
export const fundsWeb: WebModule = {
  area: 'economy',
  module: 'funds',
  menu: [
    menuEntry('/economy/funds', AccountBookOutlined, label, {
      group: ECONOMY_GROUP,
      capability: 'funds.read',
      order: ECONOMY_ORDER + 8,
    }),
    menuEntry('/economy/funds/summary', AuditOutlined, summary, {
      group: ECONOMY_GROUP,
      capability: 'funds.read',
      order: ECONOMY_ORDER + 9,
    }),
  ],
  routes: routesOf({
    'economy/funds': page(() => import('./FundsPage')),
    'economy/funds/new': page(() => import('./FundFormPage')),
    'economy/funds/summary': page(() => import('./FundsSummaryPage')),
  }),
  crumbs: {
    economy: ECONOMY_GROUP,
    funds: label,
    'economy/funds/summary': summary,
    'economy/funds/new': { zh: '录入经费', en: 'Enter funds' },
  },
};
