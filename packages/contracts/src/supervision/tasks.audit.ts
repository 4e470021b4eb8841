/** What the tasks module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the tasks module. */
export const TASKS_AUDIT_ACTIONS = {
  'task.create': l('拟定任务', 'Draft a task'),
  'task.update': l('修改任务草稿', 'Change a draft task'),
  'task.issue': l('下发任务', 'Issue a task'),
  'task.withdraw': l('撤回任务', 'Withdraw a task'),
  'task.close': l('结束任务', 'Close a task'),
  'task.delete': l('删除任务（可恢复）', 'Delete a task'),
  'task.restore': l('恢复任务', 'Restore a task'),
  'task.export': l('导出任务', 'Export tasks'),
  'task_target.report': l('报送任务完成情况', 'Report on a task'),
  'task_target.accept': l('审核通过任务完成情况', 'Accept a report'),
  'task_target.return': l('退回任务完成情况', 'Send a report back'),
  'task_target.check': l('平台记录核验任务完成', 'A task checked from the records'),
  'task_target.photo_add': l('上传任务佐证照片', 'Upload an evidence photo'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the tasks module's audit records. */
export const TASKS_AUDIT_ENTITIES = {
  task: l('任务', 'Task'),
  task_target: l('任务完成情况', "A task's target"),
} as const satisfies Record<string, Labelled>;
