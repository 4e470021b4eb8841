/** Pairings (结对帮扶) and their gaps. */
import { UsergroupAddOutlined } from '@ant-design/icons';
import { page } from '../../../app/modules';
import { residentsModule } from '../common/manifest';

const entry = { icon: UsergroupAddOutlined, label: { zh: '结对帮扶', en: 'Pairings' } };
const pages = {
  pairings: page(() => import('./PairingsPage')),
  'pairings/gaps': page(() => import('./PairingGapsPage')),
};

/** The web manifest of pairings. */
export const pairingsWeb = residentsModule('pairings', entry, pages, { gaps: { zh: '结对缺口', en: 'Gaps' } });
