/**
 * The tasks module's tables (area supervision, issue 13): plans and prompts down the tree (双周计划, 月提示).
 * `tasks` lies in the issuing organization's subtree; `task_targets` has one row per receiving organization and
 * lies in that organization's subtree (its `org_path`), carrying its task's issuer path too, so the issuer's
 * roll-up and the receiver's inbox are both a range on an indexed path.
 */
import { createIndex, createTable, optional, ref, required, scopedKeys, stamps } from '../migration-kit.js';
import type { Migration } from './index.js';

export const tasks020: Migration = {
  name: '020_tasks',
  async up(db, dialect) {
    await createTable(db, dialect, 'tasks', [
      scopedKeys,
      required('text', 'kind', 'title', 'start_on', 'due_on', 'completion', 'status', 'target_spec'),
      optional('text', 'content', 'check_key', 'check_params', 'issued_at', 'closed_at', 'withdraw_reason'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'tasks_scope', 'tasks', ['tenant_id', 'org_path', 'due_on']);
    await createIndex(db, 'tasks_status', 'tasks', ['tenant_id', 'status', 'due_on']);

    await createTable(db, dialect, 'task_targets', [
      scopedKeys,
      ref('task_id', 'tasks.id'),
      required('path', 'issuer_path'),
      required('text', 'status', 'due_on'),
      optional('text', 'report_text', 'reported_at', 'reported_by_name', 'done_at', 'done_by_name'),
      optional('text', 'return_reason', 'checked_at', 'check_result', 'alerted'),
      optional('integer', 'reported_by'),
      stamps,
    ]);
    await createIndex(db, 'task_targets_scope', 'task_targets', ['tenant_id', 'org_path', 'due_on']);
    await createIndex(db, 'task_targets_task', 'task_targets', ['task_id', 'org_path']);
    await createIndex(db, 'task_targets_open', 'task_targets', ['tenant_id', 'status', 'due_on']);
  },
};
