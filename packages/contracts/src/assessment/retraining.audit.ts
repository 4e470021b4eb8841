/** What the retraining module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the retraining module. */
export const RETRAINING_AUDIT_ACTIONS = {
  'retraining.create': l('停职整训村干部', 'Suspend a cadre for retraining'),
  'retraining.suspend': l('停职整训村干部', 'Suspend a cadre for retraining'),
  'retraining.update': l('修改淬火整训档案', 'Change a retraining file'),
  'retraining.start': l('开始整训', 'Start the retraining'),
  'retraining.class': l('记录整训课程出勤', 'Record a class attended'),
  'retraining.test': l('录入整训测试和鉴定', 'Record the test and assessment'),
  'retraining.retest': l('退回继续整训', 'Send back to retraining'),
  'retraining.reinstate': l('复职', 'Reinstate the cadre'),
  'retraining.remove': l('组织调整（免职、劝退）', 'Remove the cadre'),
  'retraining.delete': l('删除淬火整训档案（可恢复）', 'Delete a retraining file'),
  'retraining.restore': l('恢复淬火整训档案', 'Restore a retraining file'),
  'retraining.export': l('导出淬火整训档案', 'Export the retraining files'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the retraining module's audit records. */
export const RETRAINING_AUDIT_ENTITIES = {
  retraining: l('淬火整训档案', 'Retraining file'),
} as const satisfies Record<string, Labelled>;
