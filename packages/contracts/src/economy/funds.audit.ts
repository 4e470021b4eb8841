/** What the funds module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the funds module. */
export const FUNDS_AUDIT_ACTIONS = {
  'fund.create': l('录入基层经费', 'Enter funds'),
  'fund.update': l('修改基层经费', 'Change funds'),
  'fund.delete': l('删除基层经费（可恢复）', 'Delete funds'),
  'fund.restore': l('恢复基层经费', 'Restore funds'),
  'fund.export': l('导出基层经费', 'Export funds'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the funds module's audit records. */
export const FUNDS_AUDIT_ENTITIES = {
  fund: l('基层经费', 'Grassroots funds'),
} as const satisfies Record<string, Labelled>;
