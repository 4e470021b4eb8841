/** Household groups (联户组): the list, the form and the coverage. */
import { ClusterOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const GroupsPage = page(() => import('./GroupsPage'));
const GroupFormPage = page(() => import('./GroupFormPage'));
const entry = { group: { zh: '为民服务', en: 'Serving residents' }, capability: 'residents.read', order: 40 };

/** The web manifest of groups. */
export const groupsWeb: WebModule = {
  area: 'residents',
  module: 'groups',
  menu: [
    { ...entry, href: '/household-groups', icon: ClusterOutlined, label: { zh: '联户组', en: 'Household groups' } },
  ],
  routes: [
    { path: 'household-groups', page: GroupsPage },
    { path: 'household-groups/new', page: GroupFormPage },
    { path: 'household-groups/coverage', page: page(() => import('./GroupCoveragePage')) },
    { path: 'household-groups/:id', page: GroupsPage },
    { path: 'household-groups/:id/edit', page: GroupFormPage },
  ],
  crumbs: {
    'household-groups': { zh: '联户组', en: 'Household groups' },
    coverage: { zh: '覆盖情况', en: 'Coverage' },
  },
};
