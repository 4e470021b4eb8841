/** Transfers of membership (组织关系转接): the list, the forms, the detail, the letter to print and the import. */
import { ImportOutlined, SwapOutlined } from '@ant-design/icons';
import { allCaps, menuEntry, page, routesOf, type WebModule } from '../../../app/modules';

const group = { zh: '党员管理', en: 'Members' };
const label = { zh: '组织关系转接', en: 'Transfers' };

/** The web manifest of transfers. */
export const transfersWeb: WebModule = {
  area: 'people',
  module: 'transfers',
  menu: [
    menuEntry('/transfers', SwapOutlined, label, { group, capability: 'transfers.read', order: 20 }),
    menuEntry(
      '/transfers/import',
      ImportOutlined,
      { zh: '转接导入', en: 'Import transfers' },
      { group, visible: allCaps('transfers.read', 'transfers.write'), order: 20 },
    ),
  ],
  routes: routesOf({
    transfers: page(() => import('./TransfersPage')),
    'transfers/new': page(() => import('./TransferFormPage')),
    'transfers/register': page(() => import('./TransferRegisterPage')),
    'transfers/import': page(() => import('./TransferImportPage')),
    'transfers/:id': page(() => import('./TransferDetailPage')),
    'transfers/:id/letter': page(() => import('./TransferLetterPage')),
  }),
  crumbs: {
    transfers: label,
    register: { zh: '登记转入', en: 'Register a letter' },
    letter: { zh: '介绍信', en: 'Letter' },
  },
};
