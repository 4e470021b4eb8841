/** Members' zones of responsibility (党员责任区). */
import { AppstoreOutlined } from '@ant-design/icons';
import { page } from '../../../app/modules';
import { residentsModule } from '../common/manifest';

const entry = { icon: AppstoreOutlined, label: { zh: '党员责任区', en: 'Zones' } };

/** The web manifest of zones. */
export const zonesWeb = residentsModule('zones', entry, { zones: page(() => import('./ZonesPage')) });
