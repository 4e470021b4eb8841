/** What the contactPoints module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the contactPoints module. */
export const CONTACT_POINTS_AUDIT_ACTIONS = {
  'contactPoints.leader_create': l('登记县级领导', 'Record a county leader'),
  'contactPoints.leader_update': l('修改县级领导', 'Change a county leader'),
  'contactPoints.leader_delete': l('删除县级领导（可恢复）', 'Delete a county leader'),
  'contactPoints.leader_restore': l('恢复县级领导', 'Restore a county leader'),
  // The leaders' routes' own request records (the route's \`audit\` prefix), beside the changes above.
  'contactPoints.leader.create': l('登记县级领导', 'Record a county leader'),
  'contactPoints.leader.update': l('修改县级领导', 'Change a county leader'),
  'contactPoints.leader.delete': l('删除县级领导（可恢复）', 'Delete a county leader'),
  'contactPoints.leader.restore': l('恢复县级领导', 'Restore a county leader'),
  'contactPoints.create': l('确定联系点', 'Add a contact point'),
  'contactPoints.update': l('修改联系点', 'Change a contact point'),
  'contactPoints.delete': l('删除联系点（可恢复）', 'Delete a contact point'),
  'contactPoints.restore': l('恢复联系点', 'Restore a contact point'),
  'contactPoints.visit': l('登记联系点走访', 'Record a visit'),
  'contactPoints.solve': l('问题标记为已解决', 'Mark an issue solved'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the contactPoints module's audit records. */
export const CONTACT_POINTS_AUDIT_ENTITIES = {
  contact_leader: l('县级领导', 'County leader'),
  contact_point: l('联系点', 'Contact point'),
} as const satisfies Record<string, Labelled>;
