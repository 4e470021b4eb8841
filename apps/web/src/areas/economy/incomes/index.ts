/** The web manifest of collective income (村集体经济): entries, their review, and the classes of villages. */
import { BarChartOutlined, MoneyCollectOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { ECONOMY_GROUP, ECONOMY_ORDER } from '../group';

const label = { zh: '集体经济收入', en: 'Collective income' };
const classes = { zh: '村集体经济分类', en: 'Income classes' };

/** The web manifest of incomes. */
export const incomesWeb: WebModule = {
  area: 'economy',
  module: 'incomes',
  menu: [
    menuEntry('/economy/incomes/classes', BarChartOutlined, classes, {
      group: ECONOMY_GROUP,
      capability: 'incomes.read',
      order: ECONOMY_ORDER,
    }),
    menuEntry('/economy/incomes', MoneyCollectOutlined, label, {
      group: ECONOMY_GROUP,
      capability: 'incomes.read',
      order: ECONOMY_ORDER + 1,
    }),
  ],
  routes: routesOf({
    'economy/incomes': page(() => import('./IncomesPage')),
    'economy/incomes/new': page(() => import('./IncomeFormPage')),
    'economy/incomes/classes': page(() => import('./IncomeClassesPage')),
    'economy/incomes/:id': page(() => import('./IncomeDetailPage')),
  }),
  crumbs: {
    economy: ECONOMY_GROUP,
    incomes: label,
    'economy/incomes/classes': classes,
    'economy/incomes/new': { zh: '填报收入', en: 'Enter an income' },
  },
};
