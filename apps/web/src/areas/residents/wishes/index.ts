/** Micro-wishes (微心愿): the list and the detail. */
import { StarOutlined } from '@ant-design/icons';
import { page } from '../../../app/modules';
import { residentsModule } from '../common/manifest';

const entry = { icon: StarOutlined, label: { zh: '微心愿', en: 'Micro-wishes' } };
const WishDetailPage = page(() => import('./WishDetailPage'));

/** The web manifest of wishes. */
export const wishesWeb = residentsModule('wishes', entry, {
  wishes: page(() => import('./WishesPage')),
  'wishes/:id': WishDetailPage,
});
