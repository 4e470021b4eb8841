/** The capabilities of the core modules (organizations, members, accounts, audit, one's own record). */
import type { CapabilityDef } from './enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const CORE_CAPABILITIES = {
  'orgs.read': {
    zh: '查看组织',
    en: 'View organizations',
    roles: ['county_admin', 'township_admin', 'branch_secretary', 'member'],
  },
  'orgs.write': { zh: '管理组织', en: 'Manage organizations', roles: ['county_admin', 'township_admin'] },
  'members.read': { zh: '查看党员', en: 'View members', roles: ['county_admin', 'township_admin', 'branch_secretary'] },
  'members.write': {
    zh: '管理党员',
    en: 'Manage members',
    roles: ['county_admin', 'township_admin', 'branch_secretary'],
  },
  'members.reveal': {
    zh: '查看党员完整号码',
    en: "See members' full numbers",
    roles: ['county_admin', 'branch_secretary'],
  },
  'members.import': {
    zh: '导入党员名册',
    en: 'Import the roster',
    roles: ['county_admin', 'township_admin', 'branch_secretary'],
  },
  'members.export': {
    zh: '导出党员名册',
    en: 'Export the roster',
    roles: ['county_admin', 'township_admin', 'branch_secretary'],
  },
  'stats.read': {
    zh: '查看统计',
    en: 'View statistics',
    roles: ['county_admin', 'township_admin', 'branch_secretary'],
  },
  'users.read': { zh: '查看账号', en: 'View accounts', roles: ['security_admin'] },
  'users.write': { zh: '管理账号', en: 'Manage accounts', roles: ['security_admin'] },
  'users.propose': { zh: '提议授予管理角色', en: 'Propose an admin role', roles: ['county_admin'] },
  'users.approve': { zh: '审批管理角色授予', en: 'Approve an admin role', roles: ['security_admin'] },
  'audit.read': { zh: '查看审计日志', en: 'Read the audit trail', roles: ['auditor'] },
  'self.read': {
    zh: '本人账号与通知',
    en: 'Own account and notifications',
    roles: ['county_admin', 'township_admin', 'branch_secretary', 'member', 'auditor', 'security_admin'],
  },
  'self.party': {
    zh: '本人党员信息与组织生活',
    en: 'Own Party record and meetings',
    roles: ['county_admin', 'township_admin', 'branch_secretary', 'member'],
  },
} as const satisfies Record<string, CapabilityDef>;
