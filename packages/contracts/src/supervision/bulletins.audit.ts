/** What the bulletins module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the bulletins module. */
export const BULLETINS_AUDIT_ACTIONS = {
  'bulletin.create': l('生成通报简报草稿', 'Generate a bulletin draft'),
  'bulletin.update': l('编辑通报简报草稿', 'Edit a bulletin draft'),
  'bulletin.regenerate': l('重新生成通报简报', 'Regenerate a bulletin'),
  'bulletin.issue': l('印发通报简报', 'Issue a bulletin'),
  'bulletin.withdraw': l('撤回通报简报', 'Withdraw a bulletin'),
  'bulletin.delete': l('删除通报简报草稿（可恢复）', 'Delete a bulletin draft'),
  'bulletin.restore': l('恢复通报简报草稿', 'Restore a bulletin draft'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the bulletins module's audit records. */
export const BULLETINS_AUDIT_ENTITIES = {
  bulletin: l('通报简报', 'Bulletin'),
} as const satisfies Record<string, Labelled>;
