/** What the learning module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the learning module. */
export const LEARNING_AUDIT_ACTIONS = {
  'learning.create': l('制定学习清单条目', 'Set a learning item'),
  'learning.update': l('修改学习清单条目', 'Change a learning item'),
  'learning.delete': l('删除学习清单条目（可恢复）', 'Delete a learning item'),
  'learning.restore': l('恢复学习清单条目', 'Restore a learning item'),
  'learning.hold': l('登记支部落实学习清单', 'Record a branch holding an item'),
  'learning.unhold': l('撤销支部落实登记（可恢复）', 'Withdraw a holding'),
  'learning.rehold': l('恢复支部落实登记', 'Restore a holding'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the learning module's audit records. */
export const LEARNING_AUDIT_ENTITIES = {
  learning: l('学习清单条目', 'Learning item'),
  learning_hold: l('支部落实学习清单', 'A branch’s holding of an item'),
} as const satisfies Record<string, Labelled>;
