/** What the mobility module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the mobility module. */
export const MOBILITY_AUDIT_ACTIONS = {
  'mobility.depart': l('登记党员外出流动', 'Record a member leaving'),
  'mobility.report_lost': l('登记失联党员', 'Record a member out of contact'),
  'mobility.lose_contact': l('流动党员失去联系', 'A member away lost contact'),
  'mobility.regain': l('失联党员恢复联系', 'Contact regained'),
  'mobility.return': l('党员返回', 'A member came back'),
  'mobility.update': l('修改流动登记', 'Update a mobility record'),
  'mobility.delete': l('删除流动登记', 'Delete a mobility record'),
  'mobility.restore': l('恢复流动登记', 'Restore a mobility record'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the mobility module's audit records. */
export const MOBILITY_AUDIT_ENTITIES = {
  mobility: l('流动（失联）登记', 'Mobility record'),
} as const satisfies Record<string, Labelled>;
