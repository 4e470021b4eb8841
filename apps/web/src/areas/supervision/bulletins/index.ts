/** The web manifest of bulletins generated from the records (季度通报, 工作简报): the list, the form, the preview. */
import { NotificationOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';

const group = { zh: '督查整改', en: 'Supervision' };
const label = { zh: '通报简报', en: 'Bulletins' };

/** The web manifest of bulletins. */
export const bulletinsWeb: WebModule = {
  area: 'supervision',
  module: 'bulletins',
  menu: [menuEntry('/bulletins', NotificationOutlined, label, { group, capability: 'bulletins.read', order: 60 })],
  routes: routesOf({
    bulletins: page(() => import('./BulletinsPage')),
    'bulletins/new': page(() => import('./BulletinFormPage')),
    'bulletins/:id': page(() => import('./BulletinDetailPage')),
  }),
  crumbs: { bulletins: label, 'bulletins/new': { zh: '生成通报', en: 'Generate' } },
};
