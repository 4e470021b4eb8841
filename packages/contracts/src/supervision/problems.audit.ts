/** What the problems module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the problems module. */
export const PROBLEMS_AUDIT_ACTIONS = {
  'problem.open': l('登记问题', 'Record a problem'),
  'problem.create': l('登记问题', 'Record a problem'),
  'problem.update': l('修改问题', 'Change a problem'),
  'problem.assign': l('交办问题（交办单）', 'Assign a problem (notice)'),
  'problem.start': l('开始整改', 'Start the rectification'),
  'problem.claim': l('报整改完成', 'Claim the fix'),
  'problem.verify': l('验收销号', 'Verify and close'),
  'problem.reject': l('验收不通过', 'Fail the verification'),
  'problem.followUp': l('回头看：成效巩固', 'Follow-up: the fix holds'),
  'problem.reopen': l('回头看：重新整改', 'Follow-up: reopened'),
  'problem.delete': l('删除问题（可恢复）', 'Delete a problem'),
  'problem.restore': l('恢复问题', 'Restore a problem'),
  'problem.export': l('导出问题清单', 'Export problems'),
  'problem.lists': l('导出问题、措施、责任三个清单', 'Export the three lists'),
  'problem.photo_add': l('上传问题或整改照片', 'Add a photo of a problem'),
  'problem.photo_remove': l('删除问题照片', 'Remove a photo of a problem'),
  'problem.remind': l('问题整改到期提醒', 'Due-date reminder of a problem'),
  'problem.escalate': l('问题整改逾期上报', 'Overdue problem reported upward'),
  'problem.categories': l('修改问题类别清单', 'Change the problem categories'),
  'problem_measure.create': l('添加整改措施', 'Add a measure'),
  'problem_measure.update': l('修改整改措施', 'Change a measure'),
  'problem_measure.delete': l('删除整改措施', 'Remove a measure'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the problems module's audit records. */
export const PROBLEMS_AUDIT_ENTITIES = {
  problem: l('问题整改', 'Problem'),
  problem_measure: l('整改措施', 'Rectification measure'),
  problem_category: l('问题类别', 'Problem category'),
} as const satisfies Record<string, Labelled>;
