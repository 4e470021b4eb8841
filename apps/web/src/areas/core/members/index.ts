/** Members: the roster (with its drawer and recycle bin), the form and the import. */
import { DeleteOutlined, ImportOutlined, TeamOutlined } from '@ant-design/icons';
import { allCaps, menuEntry, page, routesOf, type WebModule } from '../../../app/modules';

const MembersPage = page(() => import('./MembersPage'));
const MemberFormPage = page(() => import('./MemberFormPage'));
const group = { zh: '党员管理', en: 'Members' };
/** Readers of the roster who also hold `cap`. */
const readersWith = (cap: string) => ({ group, visible: allCaps('members.read', cap), order: 20 });

/** The web manifest of the members. */
export const membersWeb: WebModule = {
  area: 'core',
  module: 'members',
  menu: [
    menuEntry(
      '/members',
      TeamOutlined,
      { zh: '党员名册', en: 'Member roster' },
      {
        group,
        capability: 'members.read',
        order: 20,
      },
    ),
    menuEntry('/members/import', ImportOutlined, { zh: '批量导入', en: 'Import' }, readersWith('members.import')),
    menuEntry(
      '/members?deleted=true',
      DeleteOutlined,
      { zh: '回收站', en: 'Recycle bin' },
      readersWith('members.write'),
    ),
  ],
  routes: routesOf({
    members: MembersPage,
    'members/new': MemberFormPage,
    'members/import': page(() => import('./ImportPage')),
    'members/:id': MembersPage,
    'members/:id/edit': MemberFormPage,
  }),
  crumbs: { members: group },
};
