/** What the dues module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the dues module. */
export const DUES_AUDIT_ACTIONS = {
  'dues_rule.create': l('新增党费收缴标准版本', 'Add a version of the dues rules'),
  'dues_profile.set': l('设置党员党费类别与基数', "Set a member's dues category and base"),
  'dues_bill.export': l('导出党费账单', 'Export dues bills'),
  'dues_bill.generate': l('生成党费账单', 'Generate dues bills'),
  'dues_payment.create': l('登记党费缴纳', 'Record a dues payment'),
  'dues_payment.delete': l('删除党费缴纳记录', 'Delete a dues payment'),
  'dues_payment.restore': l('恢复党费缴纳记录', 'Restore a dues payment'),
  'dues_payment.approve': l('党费补交审核通过', 'Approve a back payment'),
  'dues_payment.refuse': l('退回党费补交', 'Refuse a back payment'),
  'dues_flag.reason': l('登记连续未交党费原因', 'Record why a member has not paid dues'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the dues module's audit records. */
export const DUES_AUDIT_ENTITIES = {
  dues_rule: l('党费收缴标准', 'Dues rules'),
  dues_profile: l('党员党费档案', 'Dues profile'),
  dues_bill: l('党费账单', 'Dues bill'),
  dues_payment: l('党费缴纳记录', 'Dues payment'),
} as const satisfies Record<string, Labelled>;
