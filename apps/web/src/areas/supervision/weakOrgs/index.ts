/** The web manifest of weak and lax organizations (软弱涣散): the list, the county's flagging form and the file. */
import { FlagOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';

const group = { zh: '督查整改', en: 'Supervision' };
const label = { zh: '软弱涣散整顿', en: 'Weak organizations' };

/** The web manifest of weakOrgs. */
export const weakOrgsWeb: WebModule = {
  area: 'supervision',
  module: 'weakOrgs',
  menu: [menuEntry('/weak-orgs', FlagOutlined, label, { group, capability: 'weakOrgs.read', order: 60 })],
  routes: routesOf({
    'weak-orgs': page(() => import('./WeakOrgsPage')),
    'weak-orgs/new': page(() => import('./WeakOrgFormPage')),
    'weak-orgs/:id': page(() => import('./WeakOrgDetailPage')),
  }),
  crumbs: { 'weak-orgs': label, new: { zh: '确定软弱涣散党组织', en: 'Flag an organization' } },
};
