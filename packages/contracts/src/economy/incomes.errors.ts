/** The error codes of the incomes module (area economy), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the incomes module. */
export const INCOMES_ERRORS = {
  'incomes.wrong_state': { zh: '收入当前状态下不能进行此操作', en: 'Not possible in the present state of the entry' },
  'incomes.not_village': { zh: '请选择一个村', en: 'Choose a village' },
  'incomes.village_required': { zh: '请选择填报收入的村', en: 'Choose the village' },
  'incomes.future_year': { zh: '不能填报未来年度的收入', en: 'A future year cannot be entered' },
  'incomes.accepted_locked': {
    zh: '已审核的收入不能修改或删除，请先撤销审核',
    en: 'An accepted entry cannot change; reopen it first',
  },
} as const satisfies Record<string, Labelled>;
