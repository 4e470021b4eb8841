/** Requests (民情诉求): the list, the form and the detail. */
import { MessageOutlined } from '@ant-design/icons';
import { page } from '../../../app/modules';
import { residentsModule } from '../common/manifest';

const entry = { icon: MessageOutlined, label: { zh: '民情诉求', en: 'Requests' } };

/** The web manifest of requests. */
export const requestsWeb = residentsModule('requests', entry, {
  requests: page(() => import('./RequestsPage')),
  'requests/new': page(() => import('./RequestFormPage')),
  'requests/:id': page(() => import('./RequestDetailPage')),
});
