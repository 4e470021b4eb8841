/** The error codes of the tasks module (area supervision), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the tasks module. */
export const TASKS_ERRORS = {
  'tasks.no_targets': {
    zh: '没有符合条件的下发对象：请选择本组织以下的党组织',
    en: 'No organization below the issuer matches the choice',
  },
  'tasks.bad_dates': { zh: '截止日期不能早于开始日期', en: 'The due date is before the start date' },
  'tasks.check_required': {
    zh: '按平台记录核验的任务，请选择核验项目并填写其条件',
    en: 'A task checked from the records needs a check and its parameters',
  },
  'tasks.not_draft': { zh: '任务已下发，不能再修改', en: 'The task is issued: it can no longer be changed' },
  'tasks.checked_from_records': {
    zh: '该任务由平台记录自动核验，无需报送',
    en: 'This task is checked from the records: nothing to report',
  },
  'tasks.photo_unknown': { zh: '佐证照片不属于本次报送', en: 'A photo does not belong to this report' },
  'tasks.township_required': { zh: '请选择乡镇（街道）', en: 'Choose the township' },
  'tasks.list_required': { zh: '请选择至少一个党组织', en: 'Choose at least one organization' },
  'tasks.not_open': { zh: '任务未在下发状态', en: 'The task is not issued' },
} as const satisfies Record<string, Labelled>;
