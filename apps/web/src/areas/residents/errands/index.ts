/** Errands (党员代办). */
import { SolutionOutlined } from '@ant-design/icons';
import { page } from '../../../app/modules';
import { residentsModule } from '../common/manifest';

const ErrandsPage = page(() => import('./ErrandsPage'));
const entry = { icon: SolutionOutlined, label: { zh: '党员代办', en: 'Errands' } };

/** The web manifest of errands. */
export const errandsWeb = residentsModule('errands', entry, { errands: ErrandsPage, 'errands/:id': ErrandsPage });
