/** The error codes of the transfers module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the transfers module. */
export const TRANSFERS_ERRORS = {
  'transfers.wrong_kind': {
    zh: '此操作不适用于该类转接（系统内、转出系统外、从系统外转入各有其办理步骤）',
    en: 'That step does not apply to this kind of transfer',
  },
  'transfers.member_pending': {
    zh: '该党员已有正在办理的组织关系转接',
    en: 'This member already has a transfer under way',
  },
  'transfers.same_org': {
    zh: '转入党组织不能是党员现在所在的党组织',
    en: "The target is the member's own organization",
  },
  'transfers.target_required': {
    zh: '请选择转入的党组织，或填写系统外接收单位名称',
    en: 'Choose the receiving organization, or name the unit outside',
  },
  'transfers.target_not_branch': {
    zh: '转入党组织应为可以管理党员的党组织（党委、党总支、党支部）',
    en: 'The receiving organization must be one that holds members',
  },
  'transfers.invalid_validity': {
    zh: '介绍信有效期应在开具之日起三个月以内，且不早于开具日期',
    en: 'A letter is valid from its issue for at most three months',
  },
  'transfers.invalid_dues_month': {
    zh: '党费交至月份格式应为“年-月”，且不晚于本月',
    en: 'Dues paid to: a month YYYY-MM, not after this one',
  },
  'transfers.invalid_receipt_date': {
    zh: '回执日期不能早于介绍信开具日期，也不能晚于今天',
    en: 'The return slip is dated between the letter and today',
  },
  'transfers.letter_expired': {
    zh: '介绍信已超过有效期，不能接收；请转出方撤回后重新办理',
    en: 'The letter is past its validity: the sender withdraws it and applies again',
  },
  'transfers.letter_taken': {
    zh: '该介绍信编号已登记，不能重复导入',
    en: 'A transfer with this letter number is already recorded',
  },
  'transfers.import_bad_file': {
    zh: '无法读取文件，请使用下载的组织关系转接导入模板（全国党员管理信息系统列格式）',
    en: 'Cannot read the file; use the downloaded transfers template (the national system columns)',
  },
  'transfers.import_rejected': {
    zh: '导入文件有错误，未导入任何数据',
    en: 'The file has errors; nothing was imported',
  },
  'transfers.import_internal': {
    zh: '系统内转接请在平台中申请办理，不能导入',
    en: 'Transfers within the platform are applied for here, not imported',
  },
} as const satisfies Record<string, Labelled>;
