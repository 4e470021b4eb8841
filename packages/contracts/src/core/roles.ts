/** Roles and the capabilities each one holds: the permission rules as data. */
import type { Labelled } from './enums.js';

export const ROLES = {
  county_admin: { zh: '县级管理员', en: 'County admin' },
  township_admin: { zh: '乡镇管理员', en: 'Township admin' },
  branch_secretary: { zh: '支部书记', en: 'Branch secretary' },
  member: { zh: '党员', en: 'Member' },
  auditor: { zh: '审计员', en: 'Auditor' },
  security_admin: { zh: '安全管理员', en: 'Security admin' },
} satisfies Record<string, Labelled>;
export type Role = keyof typeof ROLES;

export const CAPABILITIES = [
  'orgs.read',
  'orgs.write',
  'members.read',
  'members.write',
  'members.reveal',
  'members.import',
  'members.export',
  'stats.read',
  'users.read',
  'users.write',
  'users.propose',
  'users.approve',
  'audit.read',
  'self.read',
  'self.party',
  'meetings.read',
  'meetings.write',
  'meetings.rules',
  'meetings.checkin',
  'residents.read',
  'residents.write',
  'residents.import',
  'residents.reveal',
  'residents.rules',
  'residents.evaluate',
  'residents.claim',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** What each capability lets its holder do, for people (the permission table, the roles page). */
export const CAPABILITY_LABELS: Record<Capability, Labelled> = {
  'orgs.read': { zh: '查看组织', en: 'View organizations' },
  'orgs.write': { zh: '管理组织', en: 'Manage organizations' },
  'members.read': { zh: '查看党员', en: 'View members' },
  'members.write': { zh: '管理党员', en: 'Manage members' },
  'members.reveal': { zh: '查看党员完整号码', en: "See members' full numbers" },
  'members.import': { zh: '导入党员名册', en: 'Import the roster' },
  'members.export': { zh: '导出党员名册', en: 'Export the roster' },
  'stats.read': { zh: '查看统计', en: 'View statistics' },
  'users.read': { zh: '查看账号', en: 'View accounts' },
  'users.write': { zh: '管理账号', en: 'Manage accounts' },
  'users.propose': { zh: '提议授予管理角色', en: 'Propose an admin role' },
  'users.approve': { zh: '审批管理角色授予', en: 'Approve an admin role' },
  'audit.read': { zh: '查看审计日志', en: 'Read the audit trail' },
  'self.read': { zh: '本人账号与通知', en: 'Own account and notifications' },
  'self.party': { zh: '本人党员信息与组织生活', en: 'Own Party record and meetings' },
  'meetings.read': { zh: '查看组织生活', en: 'View meetings' },
  'meetings.write': { zh: '管理组织生活', en: 'Manage meetings' },
  'meetings.rules': { zh: '设置组织生活规则', en: 'Set the meeting rules' },
  'meetings.checkin': { zh: '会议签到', en: 'Check in to a meeting' },
  'residents.read': { zh: '查看为民服务', en: 'View serving residents' },
  'residents.write': { zh: '办理为民服务', en: 'Serve residents' },
  'residents.import': { zh: '导入住户', en: 'Import households' },
  'residents.reveal': { zh: '查看群众完整号码', en: "See residents' full numbers" },
  'residents.rules': { zh: '设置为民服务规则', en: 'Set the residents rules' },
  'residents.evaluate': { zh: '年终评议组织', en: 'Evaluate organizations at year end' },
  'residents.claim': { zh: '认领心愿与代办', en: 'Claim wishes and errands' },
};

const BUSINESS_READ: Capability[] = [
  'orgs.read',
  'members.read',
  'members.export',
  'stats.read',
  'self.read',
  'self.party',
  'meetings.read',
  'meetings.write',
  'residents.read',
  'residents.write',
  'residents.import',
];

/**
 * What each role may do. Separation of the three administrators (三员分立): the security
 * admin holds only account capabilities, the auditor only the audit trail, and no business
 * role holds either. `self.read` is one's own account and notifications (everyone); `self.party` is one's own
 * Party-side data (member record, meetings, the rules in force), which only the business roles hold.
 */
export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  county_admin: [
    ...BUSINESS_READ,
    'orgs.write',
    'members.write',
    'members.reveal',
    'members.import',
    'meetings.rules',
    'residents.reveal',
    'residents.rules',
    'residents.evaluate',
    'users.propose',
  ],
  township_admin: [...BUSINESS_READ, 'orgs.write', 'members.write', 'members.import', 'residents.evaluate'],
  branch_secretary: [...BUSINESS_READ, 'members.write', 'members.reveal', 'members.import', 'residents.reveal'],
  member: ['orgs.read', 'self.read', 'self.party', 'meetings.checkin', 'residents.claim'],
  auditor: ['audit.read', 'self.read'],
  security_admin: ['users.read', 'users.write', 'users.approve', 'self.read'],
};

/** Whether a role holds a capability. */
export function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}

/** Roles whose holders are bound to an organization subtree for business data. */
export const BUSINESS_ROLES: readonly Role[] = ['county_admin', 'township_admin', 'branch_secretary', 'member'];

/**
 * Roles that only a grant decided by a second person gives (三员分立): the county admin proposes
 * (`users.propose`), the security admin approves or rejects (`users.approve`), and nobody decides
 * their own proposal. The security admin sets the other business roles directly.
 */
export const ADMIN_ROLES: readonly Role[] = ['county_admin', 'township_admin', 'auditor', 'security_admin'];

/** Accounts the security admin may not change at all (the other two of the three administrators). */
export const PROTECTED_ROLES: readonly Role[] = ['auditor', 'security_admin'];
