/** What the core modules write to the audit trail: each action code and each entity type in words (zh/en). */
import type { Labelled } from './enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the platform and the core modules (sign-in, accounts, organizations, members, rules). */
export const CORE_AUDIT_ACTIONS = {
  'auth.login': l('登录', 'Sign in'),
  'auth.logout': l('退出登录', 'Sign out'),
  'auth.logout_all': l('退出全部设备', 'Sign out everywhere'),
  'crypto.rekey': l('更换加密密钥', 'Rotate the encryption keys'),
  'demo.load': l('载入演示数据', 'Load the demo data'),
  'user.create': l('新建账号', 'Create an account'),
  'user.update': l('修改账号', 'Update an account'),
  'user.delete': l('删除账号', 'Delete an account'),
  'user.restore': l('恢复账号', 'Restore an account'),
  'user.reset_password': l('重置密码', 'Reset a password'),
  'user.unlock': l('解除账号锁定', 'Unlock an account'),
  'user.locale': l('切换界面语言', 'Change the language'),
  'user.password_change': l('修改本人密码', 'Change own password'),
  'user.grant_propose': l('提议授予管理角色', 'Propose an admin role'),
  'user.grant_approve': l('批准管理角色授予', 'Approve an admin role'),
  'user.grant_reject': l('驳回管理角色授予', 'Reject an admin role'),
  'org.create': l('新建组织', 'Create an organization'),
  'org.update': l('修改组织', 'Update an organization'),
  'org.delete': l('删除组织', 'Delete an organization'),
  'org.restore': l('恢复组织', 'Restore an organization'),
  'org.move': l('调整上级组织', 'Move an organization'),
  'member.create': l('新增党员', 'Add a member'),
  'member.update': l('修改党员信息', 'Update a member'),
  'member.delete': l('删除党员', 'Delete a member'),
  'member.restore': l('恢复党员', 'Restore a member'),
  'member.import': l('导入党员名册', 'Import the roster'),
  'member.export': l('导出党员名册', 'Export the roster'),
  'member.reveal': l('查看党员完整号码', "See a member's full numbers"),
  'rules.set': l('修改规则', 'Change the rules'),
  'region.create': l('新建省市区域', 'Create a region'),
  'region.place': l('调整县所属市（州）', 'Place a county in a prefecture'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the core modules' audit records. */
export const CORE_AUDIT_ENTITIES = {
  user: l('账号', 'Account'),
  role_grant: l('管理角色授予', 'Admin role grant'),
  org: l('组织', 'Organization'),
  member: l('党员', 'Member'),
  member_import: l('党员导入', 'Member import'),
  rules: l('规则', 'Rules'),
  region: l('省市区域', 'Region'),
  county: l('县（市、区）', 'County'),
} as const satisfies Record<string, Labelled>;
