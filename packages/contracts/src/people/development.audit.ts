/** What the development module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the development module. */
export const DEVELOPMENT_AUDIT_ACTIONS = {
  'development_candidate.create': l('登记入党申请', 'Record an application'),
  'development_candidate.update': l('修改发展党员信息', 'Update a candidate'),
  'development_candidate.delete': l('删除发展党员记录', 'Delete a candidate'),
  'development_candidate.restore': l('恢复发展党员记录', 'Restore a candidate'),
  'development_candidate.step': l('记录发展步骤', 'Record a development step'),
  'development_candidate.override': l('超时限办理发展步骤（说明理由）', 'Record a step outside its time rules'),
  'development_candidate.extend': l('延长预备期', 'Extend probation'),
  'development_candidate.refuse': l('不予发展', 'Refuse a candidate'),
  'development_candidate.lapse': l('中止发展', 'Lapse a candidacy'),
  'development_candidate.file_add': l('上传入党材料', 'Upload a material'),
  'development_candidate.file_remove': l('删除入党材料', 'Remove a material'),
  'development_candidate.export': l('导出发展党员', 'Export candidates'),
  'development_candidate.remind': l('发展党员到期提醒', 'Development deadline reminders'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the development module's audit records. */
export const DEVELOPMENT_AUDIT_ENTITIES = {
  development_candidate: l('发展党员', 'Development candidate'),
} as const satisfies Record<string, Labelled>;
