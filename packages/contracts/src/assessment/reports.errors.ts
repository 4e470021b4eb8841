/** The error codes of the reports module (area assessment), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the reports module. */
export const REPORTS_ERRORS = {
  'reports.not_committee': {
    zh: '只能由县委或乡镇党委组织述职评议',
    en: 'Only a county or township committee runs a round',
  },
  'reports.round_taken': {
    zh: '该党组织本年度已有述职评议，不能重复组织',
    en: 'This organization already runs a round for the year',
  },
  'reports.no_secretaries': {
    zh: '下级没有需要述职的党组织',
    en: 'No organization below has a secretary to report',
  },
  'reports.panel_outside': {
    zh: '评议人须为本组织范围内的党员',
    en: 'Panel members come from the organizer’s subtree',
  },
  'reports.not_own': {
    zh: '只能撰写本组织书记的述职报告',
    en: "Only one's own organization's report can be written",
  },
  'reports.not_draft': {
    zh: '述职报告已提交，不能再修改',
    en: 'The report is submitted: it cannot change',
  },
  'reports.content_required': {
    zh: '请先填写述职报告内容（不少于50字）',
    en: 'Write the report (50 characters at least) first',
  },
  'reports.not_organizer': {
    zh: '只有组织述职评议的上级党委可以评定',
    en: 'Only the committee running the round grades',
  },
  'reports.committee_grade_required': {
    zh: '请先录入上级党委评价',
    en: "Enter the committee's grade first",
  },
  'reports.not_panelist': {
    zh: '您不是本次述职评议的评议人',
    en: 'You are not on this round’s panel',
  },
  'reports.not_grading': {
    zh: '述职报告当前不在评议中',
    en: 'The report is not being graded now',
  },
  'reports.not_poor': {
    zh: '只有评定为“差”的书记需要约谈整改',
    en: 'Only a secretary graded poor has a follow-up',
  },
  'reports.round_closed': {
    zh: '本次述职评议已结束',
    en: 'The round is closed',
  },
  'reports.wrong_state': {
    zh: '述职报告当前状态下不能进行此操作',
    en: 'Not possible in the present state of the report',
  },
} as const satisfies Record<string, Labelled>;
