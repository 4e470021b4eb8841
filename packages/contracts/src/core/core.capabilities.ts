/** The capabilities of the core modules (organizations, members, accounts, audit, one's own record). */
import { capability as cap, PARTY_ROLES, STAFF_ROLES, type CapabilityDef } from './enums.js';

const EVERYONE = [...PARTY_ROLES, 'auditor', 'security_admin', 'region_admin'] as const;

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const CORE_CAPABILITIES = {
  'orgs.read': cap('查看组织', 'View organizations', PARTY_ROLES),
  'orgs.write': cap('管理组织', 'Manage organizations', ['county_admin', 'township_admin']),
  'members.read': cap('查看党员', 'View members', STAFF_ROLES),
  'members.write': cap('管理党员', 'Manage members', STAFF_ROLES),
  'members.reveal': cap('查看党员完整号码', "See members' full numbers", ['county_admin', 'branch_secretary']),
  'members.import': cap('导入党员名册', 'Import the roster', STAFF_ROLES),
  'members.export': cap('导出党员名册', 'Export the roster', STAFF_ROLES),
  'stats.read': cap('查看统计', 'View statistics', STAFF_ROLES),
  'screen.read': cap('查看大屏', 'Open the wall screen', ['county_admin', 'township_admin']),
  'users.read': cap('查看账号', 'View accounts', ['security_admin']),
  'users.write': cap('管理账号', 'Manage accounts', ['security_admin']),
  'users.propose': cap('提议授予管理角色', 'Propose an admin role', ['county_admin']),
  'users.approve': cap('审批管理角色授予', 'Approve an admin role', ['security_admin']),
  'audit.read': cap('查看审计日志', 'Read the audit trail', ['auditor']),
  'self.read': cap('本人账号与通知', 'Own account and notifications', EVERYONE),
  'regions.view': cap('查看省市概览', "View a region's figures", ['region_admin', 'county_admin']),
  'self.party': cap('本人党员信息与组织生活', 'Own Party record and meetings', PARTY_ROLES),
} as const satisfies Record<string, CapabilityDef>;
