/** The error codes of the dues module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the dues module. */
export const DUES_ERRORS = {
  'dues.bad_amount': { zh: '金额最多保留两位小数（精确到分）', en: 'An amount has at most two decimals (fen)' },
  'dues.income_required': {
    zh: '按比例交纳的类别需要填写税后月收入',
    en: 'This category pays a share of the monthly income after tax: enter it',
  },
  'dues.fixed_out_of_range': {
    zh: '固定金额超出该类别党费标准的范围',
    en: 'The fixed amount is outside the range of this category',
  },
  'dues.fixed_not_applicable': {
    zh: '该类别按收入比例交纳，不能设置固定金额',
    en: 'This category pays a share of its income; it has no fixed amount',
  },
  'dues.exempt_reason_required': { zh: '免交党费需要填写原因', en: 'An exemption needs its reason' },
  'dues.bad_scale': {
    zh: '党费标准不正确：按比例的档次上限须递增且最后一档不设上限；固定金额须在最低与最高之间',
    en: 'The scale is wrong: bracket limits must rise and the last has none; a fixed amount lies within its range',
  },
  'dues.rule_not_later': {
    zh: '新版标准的起始月份须晚于现行版本的起始月份',
    en: 'A new version must start after the latest version starts',
  },
  'dues.rule_month_billed': {
    zh: '起始月份已生成党费账单，已使用的标准不能更改，请从尚未生成账单的月份开始',
    en: 'Bills exist for that month; a version in use never changes — start from a month not billed yet',
  },
  'dues.future_month': { zh: '不能生成未来月份的党费账单', en: 'Bills cannot be generated for a future month' },
  'dues.month_before_rules': {
    zh: '该月份早于党费标准的施行时间',
    en: 'That month is before the dues rules apply',
  },
  'dues.bill_not_member': {
    zh: '所选账单不属于该党员',
    en: 'A chosen bill is not this member’s',
  },
  'dues.bill_settled': { zh: '所选账单已缴清或免交', en: 'A chosen bill is already paid or exempt' },
  'dues.overpaid': {
    zh: '缴纳金额超过所选账单的未缴金额',
    en: 'The amount is more than what the chosen bills still owe',
  },
  'dues.paid_in_future': { zh: '缴纳日期不能晚于今天', en: 'The payment date cannot be after today' },
  'dues.paid_before_bill': {
    zh: '缴纳日期早于所缴账单的月份',
    en: 'The payment date is before the month of a bill it pays',
  },
  'dues.payment_reviewed': {
    zh: '已审核的补交不能删除，请由审核人员退回',
    en: 'A reviewed back payment cannot be deleted',
  },
  'dues.bill_changed': {
    zh: '恢复后账单的已缴金额将超过应缴金额，不能恢复',
    en: 'Restoring it would pay more than its bills are due',
  },
  'dues.not_member_account': {
    zh: '当前账号未关联党员档案',
    en: 'This account is not linked to a member record',
  },
  'dues.bad_period': {
    zh: '统计周期格式应为 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY',
    en: 'The period must be YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY',
  },
} as const satisfies Record<string, Labelled>;
