/** The audit trail (auditor). */
import { AuditOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';

const AuditPage = page(() => import('./AuditPage'));
const label = { zh: '审计日志', en: 'Audit trail' };

/** The web manifest of the audit trail. */
export const auditWeb: WebModule = {
  area: 'core',
  module: 'audit',
  menu: [menuEntry('/audit', AuditOutlined, label, { capability: 'audit.read', order: 90 })],
  routes: routesOf({ audit: AuditPage, 'audit/:id': AuditPage }),
  crumbs: { audit: label },
};
