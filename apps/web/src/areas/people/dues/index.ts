/** Party dues (党费): bills, payments and their review, rules and the quote, the six-month flags, the figures. */
import {
  AccountBookOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  TransactionOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { PEOPLE_GROUP } from '../mobility/group';

const label = { zh: '党费账单', en: 'Dues bills' };
const under = (capability: string) => ({ group: PEOPLE_GROUP, capability, order: 20 });

/** The web manifest of dues. */
export const duesWeb: WebModule = {
  area: 'people',
  module: 'dues',
  menu: [
    menuEntry('/dues', AccountBookOutlined, label, under('dues.read')),
    menuEntry('/dues/payments', TransactionOutlined, { zh: '缴纳记录', en: 'Payments' }, under('dues.read')),
    menuEntry(
      '/dues/payments?status=pending',
      AuditOutlined,
      { zh: '补交审核', en: 'Back payments' },
      under('dues.review'),
    ),
    menuEntry('/dues/flags', WarningOutlined, { zh: '半年未缴', en: 'Six months unpaid' }, under('dues.read')),
    menuEntry('/dues/rules', CalculatorOutlined, { zh: '党费标准', en: 'Dues rules' }, under('dues.read')),
    menuEntry('/dues/figures', BarChartOutlined, { zh: '党费统计', en: 'Dues figures' }, under('dues.read')),
  ],
  routes: routesOf({
    dues: page(() => import('./BillsPage')),
    'dues/payments': page(() => import('./PaymentsPage')),
    'dues/payments/new': page(() => import('./PaymentFormPage')),
    'dues/flags': page(() => import('./FlagsPage')),
    'dues/rules': page(() => import('./RulesPage')),
    'dues/figures': page(() => import('./FiguresPage')),
  }),
  // Only its own segments (`new` and `rules` keep the console's shared names).
  crumbs: {
    dues: label,
    payments: { zh: '缴纳记录', en: 'Payments' },
    flags: { zh: '半年未缴', en: 'Six months unpaid' },
    figures: { zh: '统计', en: 'Figures' },
  },
};
