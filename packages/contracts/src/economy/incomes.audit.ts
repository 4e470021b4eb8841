/** What the incomes module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the incomes module. */
export const INCOMES_AUDIT_ACTIONS = {
  'income.create': l('填报集体经济收入', 'Enter collective income'),
  'income.update': l('修改集体经济收入', 'Change collective income'),
  'income.accept': l('审核通过集体经济收入', 'Accept collective income'),
  'income.return': l('退回集体经济收入', 'Return collective income'),
  'income.resubmit': l('重新提交集体经济收入', 'Submit collective income again'),
  'income.reopen': l('撤销集体经济收入审核', 'Reopen collective income'),
  'income.photo_add': l('上传集体经济收入佐证照片', 'Upload an evidence photo'),
  'income.delete': l('删除集体经济收入（可恢复）', 'Delete collective income'),
  'income.restore': l('恢复集体经济收入', 'Restore collective income'),
  'income.export': l('导出集体经济收入', 'Export collective income'),
  'income.classes_export': l('导出村集体经济分类', 'Export income classes'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the incomes module's audit records. */
export const INCOMES_AUDIT_ENTITIES = {
  income: l('集体经济收入', 'Collective income'),
} as const satisfies Record<string, Labelled>;
