/** What the points module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the points module. */
export const POINTS_AUDIT_ACTIONS = {
  'point.create': l('录入加减分', 'Record a manual entry'),
  'point.submit': l('提交加减分', 'Submit a manual entry'),
  'point.branch_approve': l('支部审核加减分', 'Branch approves a manual entry'),
  'point.approve': l('乡镇审核通过加减分', 'Township approves a manual entry'),
  'point.reject': l('退回加减分', 'Reject a manual entry'),
  'point.reverse': l('冲正积分', 'Reverse an entry'),
  'point.harvest': l('从业务记录汇集积分', 'Harvest points from records'),
  'point.dispute': l('对积分提出异议', 'Dispute an entry'),
  'point.answer': l('答复积分异议', 'Answer a dispute'),
  'point.publish': l('公示月度积分', 'Publish a month'),
  'point.export': l('导出积分台账', 'Export the ledger'),
  'point.delete': l('删除误录的加减分（可恢复）', 'Delete a manual entry'),
  'point.restore': l('恢复加减分', 'Restore a manual entry'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the points module's audit records. */
export const POINTS_AUDIT_ENTITIES = {
  point_entry: l('积分记录', 'Points entry'),
  point_dispute: l('积分异议', 'Points dispute'),
  point_month: l('月度积分公示', 'Published month'),
} as const satisfies Record<string, Labelled>;
