/** What the dispatches module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the dispatches module. */
export const DISPATCHES_AUDIT_ACTIONS = {
  'dispatches.create': l('登记派驻干部', 'Record a dispatch'),
  'dispatches.update': l('修改派驻干部信息', 'Change a dispatch'),
  'dispatches.rotate': l('派驻轮换（被接替）', 'Rotate a dispatch'),
  'dispatches.delete': l('删除派驻记录（可恢复）', 'Delete a dispatch'),
  'dispatches.restore': l('恢复派驻记录', 'Restore a dispatch'),
  'dispatches.presence': l('登记在村天数', 'Record days present'),
  'dispatches.export': l('导出派驻干部', 'Export dispatches'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the dispatches module's audit records. */
export const DISPATCHES_AUDIT_ENTITIES = {
  dispatch: l('派驻干部', 'Dispatch'),
} as const satisfies Record<string, Labelled>;
