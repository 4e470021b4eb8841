/** What the projects module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the projects module. */
export const PROJECTS_AUDIT_ACTIONS = {
  'projects.create': l('登记党支部+产业项目', 'Record an industry project'),
  'projects.update': l('修改产业项目', 'Change an industry project'),
  'projects.year': l('登记产业项目年度情况', "Record a project's year"),
  'projects.delete': l('删除产业项目（可恢复）', 'Delete an industry project'),
  'projects.restore': l('恢复产业项目', 'Restore an industry project'),
  'projects.export': l('导出产业项目', 'Export the industry projects'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the projects module's audit records. */
export const PROJECTS_AUDIT_ENTITIES = {
  project: l('党支部+产业项目', 'Industry project'),
} as const satisfies Record<string, Labelled>;
