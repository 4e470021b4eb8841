/** Table types of the tasks module (area supervision): tasks issued down the tree and their receiving organizations. */
import type { Scoped, Stamped } from './platform.js';

/** A task (双周计划, 月提示, 专项任务) issued by the organization it belongs to. */
export interface TasksTable extends Scoped, Stamped {
  kind: string;
  title: string;
  content: string | null;
  start_on: string;
  due_on: string;
  /** `evidence` or `record`. */
  completion: string;
  check_key: string | null;
  /** JSON of the check's parameters. */
  check_params: string | null;
  status: string;
  /** JSON of how the targets were chosen (the form shows it again). */
  target_spec: string;
  issued_at: string | null;
  closed_at: string | null;
  withdraw_reason: string | null;
  created_by: number | null;
}

/** One receiving organization's part of a task (its `org_path` is the receiver's; `issuer_path` the task's). */
export interface TaskTargetsTable extends Scoped, Stamped {
  task_id: number;
  issuer_path: string;
  /** pending, reported, done, returned (overdue is computed from `due_on`). */
  status: string;
  /** The task's due date, copied so the daily job and the overdue filter read one table. */
  due_on: string;
  report_text: string | null;
  reported_at: string | null;
  reported_by: number | null;
  reported_by_name: string | null;
  done_at: string | null;
  done_by_name: string | null;
  return_reason: string | null;
  checked_at: string | null;
  check_result: string | null;
  /** The highest alert threshold sent (remind, escalate, overdue), so none is sent twice. */
  alerted: string | null;
}

/** The tasks module's tables, by name. */
export interface TasksTables {
  tasks: TasksTable;
  task_targets: TaskTargetsTable;
}
