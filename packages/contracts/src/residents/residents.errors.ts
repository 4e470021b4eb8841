/** The error codes of serving residents (为民服务), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the residents area. */
export const RESIDENTS_ERRORS = {
  'residents.org_not_village': {
    zh: '住户只能登记在村（社区）下',
    en: 'Households belong to a village or community organization',
  },
  'residents.invalid_id_number': { zh: '居民身份证号码无效', en: "Invalid resident's ID number" },
  'residents.id_number_taken': {
    zh: '该身份证号码已登记在其他户',
    en: 'This ID number is already registered in another household',
  },
  'residents.invalid_phone': { zh: '手机号码格式不正确', en: 'Invalid mobile phone number' },
  'residents.invalid_contact_phone': {
    zh: '联系电话应为手机号码或座机号码（区号-号码，如 0571-88889999）',
    en: 'The phone must be a mobile or a landline (area code-number, e.g. 0571-88889999)',
  },
  'residents.household_not_empty': { zh: '该户还有家庭成员，不能删除', en: 'The household still has residents' },
  'residents.group_size': { zh: '联户组户数超出规定范围', en: 'The group has more households than the rule allows' },
  'residents.household_in_group': { zh: '该户已加入其他联户组', en: 'The household already belongs to another group' },
  'residents.not_poor': {
    zh: '只有困难户（脱贫户、监测户、低保户、五保户）可以结对帮扶',
    en: 'Only poor households can be paired',
  },
  'residents.pairing_load': {
    zh: '该干部结对户数已达上限',
    en: 'This cadre already has as many households as the rule allows',
  },
  'residents.already_paired': { zh: '该干部已与此户结对', en: 'This cadre is already paired with this household' },
  'residents.in_future': { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  'residents.request_closed': { zh: '该诉求已办结', en: 'This request is already closed' },
  'residents.request_not_closed': { zh: '诉求办结后才能评价', en: 'A request can be rated once it is closed' },
  'residents.already_rated': { zh: '该诉求已评价', en: 'This request is already rated' },
  'residents.reopen_limit': { zh: '不满意重新办理次数已用完', en: 'This request has already been reopened' },
  'residents.on_the_spot_needs_result': { zh: '当场办须填写办理结果', en: 'An on-the-spot request needs its result' },
  'residents.transfer_target': {
    zh: '请选择转办的组织或部门',
    en: 'Choose the organization or department to transfer to',
  },
  'residents.evaluation_exists': { zh: '该组织本期已有此项评价', en: 'This evaluation already exists for the period' },
  'residents.bad_period': {
    zh: '评价周期格式不正确（月评 YYYY-MM，半年评 YYYY-H1/H2，年终评 YYYY）',
    en: 'Wrong period (YYYY-MM, YYYY-H1/H2 or YYYY)',
  },
  'residents.wish_not_open': { zh: '该心愿已被认领或已完成', en: 'This wish is no longer open' },
  'residents.wish_not_yours': { zh: '这不是您认领的心愿', en: 'This is not a wish you claimed' },
  'residents.wish_state': { zh: '心愿当前状态不能进行此操作', en: 'The wish cannot do that in its current state' },
  'residents.code_invalid': { zh: '验证码错误或已过期', en: 'The code is wrong or has expired' },
  'residents.code_too_soon': {
    zh: '验证码发送过于频繁，请稍后再试',
    en: 'A code was sent a moment ago; wait before asking again',
  },
  'residents.resident_required': { zh: '请先用手机号码验证身份', en: 'Verify your phone number first' },
  'residents.errand_state': {
    zh: '代办事项当前状态不能进行此操作',
    en: 'The errand cannot do that in its current state',
  },
  'residents.errand_not_yours': { zh: '这不是您承接的代办事项', en: 'This is not an errand you took' },
  'residents.zone_org': { zh: '责任区只能设在社区党组织下', en: 'Zones belong to a community organization' },
  'residents.member_required': {
    zh: '此操作需要关联党员档案的账号',
    en: 'This needs an account linked to a member record',
  },
  'residents.import_rejected': {
    zh: '导入文件有错误，未导入任何数据',
    en: 'The file has errors; nothing was imported',
  },
  'residents.bad_rule': { zh: '规则取值不合理', en: 'The rule value does not make sense' },
  'residents.export_too_large': {
    zh: '符合条件的记录超过5万条，请缩小时间范围或组织范围后再导出',
    en: 'More than 50,000 records match; narrow the period or the organization before exporting',
  },
  'residents.import_bad_file': {
    zh: '无法读取文件，请使用下载的住户导入模板',
    en: 'Cannot read the file; use the downloaded household template',
  },
  'residents.not_deleted': { zh: '该记录未被删除', en: 'This record is not deleted' },
  'residents.household_other_org': {
    zh: '该户不属于本联户组所在的村（社区）',
    en: "The household is not in the group's village or community",
  },
} as const satisfies Record<string, Labelled>;
