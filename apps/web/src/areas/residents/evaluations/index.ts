/** The three evaluations (三评). */
import { LikeOutlined } from '@ant-design/icons';
import { page } from '../../../app/modules';
import { residentsModule } from '../common/manifest';

const entry = { icon: LikeOutlined, label: { zh: '三评', en: 'Evaluations' } };

/** The web manifest of evaluations. */
export const evaluationsWeb = residentsModule('evaluations', entry, {
  evaluations: page(() => import('./EvaluationsPage')),
});
