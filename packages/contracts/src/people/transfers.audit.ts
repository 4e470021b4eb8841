/** What the transfers module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the transfers module. */
export const TRANSFERS_AUDIT_ACTIONS = {
  'transfer.create': l('申请组织关系转接', 'Apply for a transfer'),
  'transfer.apply': l('申请组织关系转接', 'Apply for a transfer'),
  'transfer.register': l('登记系统外转入介绍信', 'Register a letter from outside'),
  'transfer.approve': l('审批并开具介绍信', 'Approve and issue the letter'),
  'transfer.reject': l('不予批准组织关系转接', 'Refuse a transfer'),
  'transfer.accept': l('接收组织关系', 'Receive a transfer'),
  'transfer.send_back': l('退回组织关系转接', 'Send a transfer back'),
  'transfer.receipt': l('登记介绍信回执', 'Record the return slip'),
  'transfer.resubmit': l('重新提交组织关系转接', 'Resubmit a transfer'),
  'transfer.withdraw': l('撤回组织关系转接', 'Withdraw a transfer'),
  'transfer.delete': l('删除组织关系转接（可恢复）', 'Delete a transfer'),
  'transfer.restore': l('恢复组织关系转接', 'Restore a transfer'),
  'transfer.import': l('导入组织关系转接', 'Import transfers'),
  'transfer.export': l('导出组织关系转接', 'Export transfers'),
  'transfer.member_moved': l('党员组织关系转入本组织', "A member's membership moved in"),
  'transfer.member_left': l('党员组织关系转出系统外', 'A member transferred outside'),
  'transfer.member_created': l('系统外转入党员建档', 'A member from outside recorded'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the transfers module's audit records. */
export const TRANSFERS_AUDIT_ENTITIES = {
  transfer: l('组织关系转接', 'Transfer of membership'),
} as const satisfies Record<string, Labelled>;
