/** Household groups (联户组): the list, the form and the coverage. */
import { ClusterOutlined } from '@ant-design/icons';
import { page } from '../../../app/modules';
import { residentsModule } from '../common/manifest';

const GroupsPage = page(() => import('./GroupsPage'));
const GroupFormPage = page(() => import('./GroupFormPage'));
const entry = { icon: ClusterOutlined, label: { zh: '联户组', en: 'Household groups' } };
const coverage = { zh: '覆盖情况', en: 'Coverage' };

/** The web manifest of groups. */
export const groupsWeb = residentsModule(
  'groups',
  entry,
  {
    'household-groups': GroupsPage,
    'household-groups/new': GroupFormPage,
    'household-groups/coverage': page(() => import('./GroupCoveragePage')),
    'household-groups/:id': GroupsPage,
    'household-groups/:id/edit': GroupFormPage,
  },
  { coverage },
);
