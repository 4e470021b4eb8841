/** The error codes of the core area and of the platform (validation, records, imports, rules, workflows), zh/en. */
import type { Labelled } from './enums.js';

/** Codes of the platform and the core modules. */
export const CORE_ERRORS = {
  internal: { zh: '服务器内部错误，请稍后重试', en: 'Internal server error, please try again later' },
  validation: { zh: '提交的数据不符合要求', en: 'The submitted data is invalid' },
  not_found: { zh: '记录不存在或不在您的管理范围内', en: 'Not found, or outside your scope' },
  forbidden: { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  conflict: { zh: '数据已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and retry' },
  'record.not_deleted': { zh: '该记录未被删除，无需恢复', en: 'This record is not deleted' },
  'workflow.move_refused': {
    zh: '当前状态下不能进行此操作',
    en: 'This move is not allowed in the current state',
  },
  'workflow.not_allowed_actor': { zh: '您不能进行此步操作', en: 'You may not make this move' },
  'workflow.field_required': { zh: '此步操作须填写必填项', en: 'This move needs a required field' },
  database_unavailable: {
    zh: '数据库暂时无法连接，请稍后重试',
    en: 'The database is briefly unavailable, please try again shortly',
  },
  rate_limited: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  'auth.required': { zh: '请先登录', en: 'Please sign in' },
  'auth.session_expired': { zh: '登录已过期，请重新登录', en: 'Your session has expired, please sign in again' },
  'auth.invalid_credentials': { zh: '用户名或密码错误', en: 'Wrong user name or password' },
  'auth.locked': {
    zh: '登录失败次数过多，账号已临时锁定，请稍后再试',
    en: 'Too many failed sign-ins; the account is locked for a while',
  },
  'auth.csrf': { zh: '请求校验失败，请刷新页面后重试', en: 'Request check failed (CSRF); reload the page and retry' },
  'auth.weak_password': {
    zh: '密码强度不足：至少8位，且包含大写字母、小写字母、数字、符号中的三类，不能是常见密码',
    en: 'Password too weak: at least 8 characters of 3 classes (upper, lower, digit, symbol), not a common password',
  },
  'auth.wrong_password': { zh: '原密码错误', en: 'The current password is wrong' },
  'users.username_taken': { zh: '用户名已存在', en: 'This user name is taken' },
  'users.invalid_role_org': { zh: '该角色不能设置在此组织', en: 'This role cannot be placed on this organization' },
  'users.member_required': { zh: '党员账号必须关联党员档案', en: 'A member account must be linked to a member record' },
  'users.cannot_change_self': { zh: '不能停用或降级自己的账号', en: 'You cannot disable or demote your own account' },
  'users.grant_required': {
    zh: '授予管理员角色须由县级管理员提出、安全管理员审批（双人），请提交授权申请',
    en: 'An administrator role is granted by two persons: the county admin proposes, the security admin approves',
  },
  'users.protected_account': {
    zh: '审计员和安全管理员账号不能由安全管理员修改（三员分立）',
    en: 'The security admin may not change an auditor or a security admin account',
  },
  'users.grant_not_admin_role': {
    zh: '授权申请只用于管理员角色，其他角色由安全管理员直接设置',
    en: 'Grants are for administrator roles only; the security admin sets other roles directly',
  },
  'users.grant_own': {
    zh: '不能审批自己提出的申请，也不能为自己申请或审批角色',
    en: 'Nobody decides their own proposal or a grant to themselves',
  },
  'users.grant_decided': { zh: '该申请已处理', en: 'This proposal has already been decided' },
  'users.grant_pending': { zh: '该账号已有待审批的授权申请', en: 'This account already has a pending proposal' },
  'users.display_name_required': { zh: '新账号须填写姓名', en: 'A new account needs a display name' },
  'auth.password_change_required': { zh: '请先修改初始密码', en: 'Set a new password first' },
  'auth.same_password': { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  'orgs.not_empty': {
    zh: '该组织下还有下级组织或党员，不能删除',
    en: 'The organization still has sub-organizations or members',
  },
  'orgs.invalid_parent': {
    zh: '不能移动到自身或其下级组织',
    en: 'Cannot move an organization under itself or its descendants',
  },
  'orgs.invalid_type': { zh: '组织类型与上级组织不匹配', en: 'This organization type cannot sit under that parent' },
  'orgs.root_locked': { zh: '不能移动或删除您所在的顶级组织', en: 'You cannot move or delete the root of your scope' },
  'orgs.place_name_not_place': {
    zh: '只有村（社区）或乡镇党组织才有村（社区）名称',
    en: 'Only a village, community or township organization has a place name',
  },
  'orgs.invalid_term': { zh: '届期结束日期必须晚于开始日期', en: 'The term must end after it starts' },
  'screen.level': { zh: '大屏只显示县或乡镇', en: 'The wall screen shows a county or a township' },
  'orgs.secretary_not_member': {
    zh: '书记必须是本组织的党员',
    en: 'The secretary must be a member of this organization',
  },
  'members.invalid_id_number': {
    zh: '身份证号码无效（地区、出生日期或校验位错误）',
    en: 'Invalid ID number (region, birth date or check digit)',
  },
  'members.id_number_taken': { zh: '该身份证号码已登记为党员', en: 'A member with this ID number already exists' },
  'members.gender_mismatch': { zh: '性别与身份证号码不一致', en: 'Sex does not match the ID number' },
  'members.birth_date_mismatch': { zh: '出生日期与身份证号码不一致', en: 'Birth date does not match the ID number' },
  'members.invalid_phone': { zh: '手机号码格式不正确', en: 'Invalid mobile phone number' },
  'members.invalid_dates': {
    zh: '日期不合理：入党时间须在出生满18岁之后、不晚于今天，转正时间须晚于入党时间',
    en: 'Dates do not fit: joining at 18 or older and not in the future; full membership after joining',
  },
  'members.org_not_branch': {
    zh: '党员只能编入党支部、联合党支部、党总支或党委',
    en: 'Members belong to a branch, joint branch, general branch or committee',
  },
  'members.not_deleted': { zh: '该党员未被删除', en: 'This member is not deleted' },
  'members.import_rejected': { zh: '导入文件有错误，未导入任何数据', en: 'The file has errors; nothing was imported' },
  'members.import_bad_file': {
    zh: '无法读取文件，请使用下载的Excel模板',
    en: 'Cannot read the file; use the downloaded Excel template',
  },
  'import.archive_rejected': {
    zh: '文件不是有效的Excel（.xlsx）文件，或压缩结构异常（条目过多、压缩比异常），已拒绝读取',
    en:
      'Not a valid Excel (.xlsx) file, or its archive looks abnormal (too many parts, abnormal compression); ' +
      'it was not read',
  },
  'import.too_large': {
    zh: '文件解压后过大或行数过多，已停止读取；请拆分成较小的文件后分批导入',
    en: 'The file is too large once unpacked (or has too many rows); reading stopped. Split it into smaller files',
  },
  'import.busy': {
    zh: '本县正在排队的导入过多，请稍后再试',
    en: 'Too many imports are waiting in this county; try again shortly',
  },
  'files.bad_type': { zh: '只能上传 JPEG 或 PNG 图片', en: 'Only JPEG or PNG images may be uploaded' },
  'files.too_large': { zh: '图片太大', en: 'The image is too large' },
  'files.too_many': { zh: '照片数量已达上限', en: 'This meeting has as many photos as allowed' },
  'members.reveal_denied': { zh: '您无权查看完整号码', en: 'You may not see full numbers' },
  'rules.unknown_set': { zh: '没有这套规则', en: 'There is no such rule set' },
  'rules.unknown_key': { zh: '这套规则中没有此项', en: 'The rule set has no such rule' },
  'rules.bad_value': {
    zh: '规则取值不符合要求（类型或范围不对）',
    en: 'The rule value has the wrong type or is out of range',
  },
  'rules.order': {
    zh: '规则前后矛盾：下限不能大于上限',
    en: 'The rules contradict each other: a lower bound exceeds its upper bound',
  },
} as const satisfies Record<string, Labelled>;
