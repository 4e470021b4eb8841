/** What the weakOrgs module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the weakOrgs module. */
export const WEAK_ORGS_AUDIT_ACTIONS = {
  'weak_org.create': l('确定软弱涣散党组织', 'Flag a weak organization'),
  'weak_org.flag': l('确定软弱涣散党组织', 'Flag a weak organization'),
  'weak_org.update': l('修改软弱涣散整顿档案', 'Change a rectification file'),
  'weak_org.start': l('启动整顿（方案已定）', 'Start the rectification'),
  'weak_org.submit': l('申请整顿验收', 'Ask for the acceptance'),
  'weak_org.assess': l('录入整顿验收结果', 'Record an acceptance'),
  'weak_org.release': l('软弱涣散党组织销号', 'Release a weak organization'),
  'weak_org.extend': l('延期整顿', 'Extend the rectification'),
  'weak_org.checkup': l('录入全面体检', 'Record a monthly check-up'),
  'weak_org.delete': l('删除软弱涣散整顿档案（可恢复）', 'Delete a rectification file'),
  'weak_org.restore': l('恢复软弱涣散整顿档案', 'Restore a rectification file'),
  'weak_org.export': l('导出软弱涣散整顿档案', 'Export the files'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the weakOrgs module's audit records. */
export const WEAK_ORGS_AUDIT_ENTITIES = {
  weak_org: l('软弱涣散党组织整顿档案', 'Weak organization file'),
} as const satisfies Record<string, Labelled>;
