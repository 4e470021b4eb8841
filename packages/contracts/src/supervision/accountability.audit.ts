/** What the accountability module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the accountability module. */
export const ACCOUNTABILITY_AUDIT_ACTIONS = {
  'accountability.create': l('登记问责记录', 'Record accountability'),
  'accountability.update': l('修改问责记录', 'Change an accountability record'),
  'accountability.delete': l('删除问责记录（可恢复）', 'Delete an accountability record'),
  'accountability.restore': l('恢复问责记录', 'Restore an accountability record'),
  'accountability.export': l('导出问责记录', 'Export accountability records'),
  'accountability.photo_add': l('上传问责文书（扫描件）', 'Upload an accountability document'),
  'accountability.photo_remove': l('删除问责文书（扫描件）', 'Remove an accountability document'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the accountability module's audit records. */
export const ACCOUNTABILITY_AUDIT_ENTITIES = {
  accountability_record: l('问责记录', 'Accountability record'),
} as const satisfies Record<string, Labelled>;
