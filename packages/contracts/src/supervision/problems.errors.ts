/** The error codes of the problems module (area supervision), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the problems module. */
export const PROBLEMS_ERRORS = {
  'problems.unknown_category': {
    zh: '问题类别不在本县的类别清单中，请从清单中选择',
    en: "The category is not in the county's list; choose one from it",
  },
  'problems.verifier_is_fixer': {
    zh: '验收销号须由报整改完成的人和整改责任人以外的同级或上级人员办理',
    en: 'The fix is verified by someone other than the one who claimed or made it',
  },
  'problems.due_before_found': {
    zh: '整改期限不能早于发现日期',
    en: 'The due date cannot come before the day it was found',
  },
  'problems.due_in_past': {
    zh: '整改期限不能早于今天',
    en: 'The due date cannot be in the past',
  },
  'problems.found_in_future': {
    zh: '发现日期不能晚于今天',
    en: 'The day it was found cannot be in the future',
  },
  'problems.source_manual': {
    zh: '该来源的问题由对应业务自动生成，不能手工登记',
    en: 'Problems of this source come from their module, not by hand',
  },
  'problems.bad_photo': {
    zh: '照片不存在或不属于本县',
    en: 'A photo does not exist in this county',
  },
  'problems.member_outside': {
    zh: '责任人须为本组织及下级组织的党员',
    en: 'The responsible person must be a member of this organization or below',
  },
  'problems.category_in_use': {
    zh: '已有问题使用该类别，不能删除，可改为停用',
    en: 'Problems use this category: deactivate it instead of removing it',
  },
  'problems.bad_category_key': {
    zh: '类别代码只能由小写字母、数字和下划线组成，且以字母开头',
    en: 'A category code is lower-case letters, digits and _, starting with a letter',
  },
  'problems.category_duplicate': {
    zh: '类别代码或名称重复',
    en: 'Two categories share a code or a name',
  },
  'problems.not_overdue': {
    zh: '该发展步骤未逾期，不能据此登记问题',
    en: 'That development step is not overdue',
  },
  'problems.closed': {
    zh: '问题已验收销号，不能再修改；回头看发现反弹可重新整改',
    en: 'The problem is closed; a follow-up may reopen it',
  },
  'problems.not_assigned': {
    zh: '问题尚未交办，没有交办单',
    en: 'The problem has not been assigned: there is no notice yet',
  },
  'problems.already_open': {
    zh: '该来源已有未销号的问题',
    en: 'An open problem already comes from that record',
  },
} as const satisfies Record<string, Labelled>;
