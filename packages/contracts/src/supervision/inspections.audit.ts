/** What the inspections module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the inspections module. */
export const INSPECTIONS_AUDIT_ACTIONS = {
  'inspection.create': l('制定督查计划', 'Plan an inspection'),
  'inspection.update': l('修改督查计划', 'Change an inspection'),
  'inspection.start': l('开始督查', 'Start an inspection'),
  'inspection.complete': l('完成督查', 'Complete an inspection'),
  'inspection.reopen': l('重新开启督查', 'Reopen an inspection'),
  'inspection.cancel': l('取消督查', 'Cancel an inspection'),
  'inspection.delete': l('删除督查（可恢复）', 'Delete an inspection'),
  'inspection.restore': l('恢复督查', 'Restore an inspection'),
  'inspection.export': l('导出督查检查', 'Export inspections'),
  'inspection_visit.create': l('添加被检查单位', 'Add an organization to visit'),
  'inspection_visit.update': l('记录检查结果', 'Record a visit'),
  'inspection_visit.delete': l('移出被检查单位', 'Remove a visit'),
  'inspection_visit.photo_add': l('上传督查照片', 'Upload an inspection photo'),
  'inspection_finding.create': l('记录督查发现的问题', 'Record a finding'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the inspections module's audit records. */
export const INSPECTIONS_AUDIT_ENTITIES = {
  inspection: l('督查检查', 'Inspection'),
  inspection_visit: l('督查被检查单位', 'Inspection visit'),
  inspection_finding: l('督查发现的问题', 'Inspection finding'),
} as const satisfies Record<string, Labelled>;
