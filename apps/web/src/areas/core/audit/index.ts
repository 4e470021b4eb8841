/** The audit trail (auditor). */
import { AuditOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const AuditPage = page(() => import('./AuditPage'));

/** The web manifest of the audit trail. */
export const auditWeb: WebModule = {
  area: 'core',
  module: 'audit',
  menu: [
    {
      href: '/audit',
      icon: AuditOutlined,
      label: { zh: '审计日志', en: 'Audit trail' },
      capability: 'audit.read',
      order: 90,
    },
  ],
  routes: [
    { path: 'audit', page: AuditPage },
    { path: 'audit/:id', page: AuditPage },
  ],
  crumbs: { audit: { zh: '审计日志', en: 'Audit trail' } },
};
