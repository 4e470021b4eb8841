/** What the training module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the training module. */
export const TRAINING_AUDIT_ACTIONS = {
  'training.create': l('新建培训班', 'Create a training class'),
  'training.update': l('修改培训班', 'Change a training class'),
  'training.plan': l('编排课程计划', 'Set the course plan'),
  'training.submit': l('提交课程计划审核', 'Submit the course plan'),
  'training.approve': l('审核通过课程计划（开班）', 'Approve the course plan'),
  'training.return': l('退回课程计划', 'Return the course plan'),
  'training.attendees': l('调整培训班学员', 'Change the attendees'),
  'training.attendance': l('记录课程出勤', 'Record attendance of a session'),
  'training.results': l('录入结业考核结果', 'Record the attendees’ results'),
  'training.finish': l('培训班结业', 'Finish the class'),
  'training.delete': l('删除培训班（可恢复）', 'Delete a training class'),
  'training.restore': l('恢复培训班', 'Restore a training class'),
  'training.export': l('导出培训班或学时', 'Export classes or hours'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the training module's audit records. */
export const TRAINING_AUDIT_ENTITIES = {
  training_class: l('培训班', 'Training class'),
} as const satisfies Record<string, Labelled>;
