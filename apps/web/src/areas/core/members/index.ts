/** Members: the roster (with its drawer and recycle bin), the form and the import. */
import { DeleteOutlined, ImportOutlined, TeamOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';
import { hasCap } from '../../../app/session';

const MembersPage = page(() => import('./MembersPage'));
const MemberFormPage = page(() => import('./MemberFormPage'));
const group = { zh: '党员管理', en: 'Members' };

/** The web manifest of the members. */
export const membersWeb: WebModule = {
  area: 'core',
  module: 'members',
  menu: [
    {
      href: '/members',
      icon: TeamOutlined,
      label: { zh: '党员名册', en: 'Member roster' },
      group,
      capability: 'members.read',
      order: 20,
    },
    {
      href: '/members/import',
      icon: ImportOutlined,
      label: { zh: '批量导入', en: 'Import' },
      group,
      visible: (me) => hasCap(me, 'members.read') && hasCap(me, 'members.import'),
      order: 20,
    },
    {
      href: '/members?deleted=true',
      icon: DeleteOutlined,
      label: { zh: '回收站', en: 'Recycle bin' },
      group,
      visible: (me) => hasCap(me, 'members.read') && hasCap(me, 'members.write'),
      order: 20,
    },
  ],
  routes: [
    { path: 'members', page: MembersPage },
    { path: 'members/new', page: MemberFormPage },
    { path: 'members/import', page: page(() => import('./ImportPage')) },
    { path: 'members/:id', page: MembersPage },
    { path: 'members/:id/edit', page: MemberFormPage },
  ],
  crumbs: { members: { zh: '党员管理', en: 'Members' } },
};
