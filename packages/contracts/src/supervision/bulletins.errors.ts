/** The error codes of the bulletins module (area supervision), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the bulletins module. */
export const BULLETINS_ERRORS = {
  'bulletins.bad_period': {
    zh: '请选择统计期间：一个季度、一个月、一年，或起止日期（起始日期不晚于截止日期，跨度不超过一年）',
    en: 'Choose a period: a quarter, a month, a year, or from/to (from not after to, at most a year)',
  },
  'bulletins.not_draft': {
    zh: '通报已印发，内容已固定，不能再修改或重新生成',
    en: 'The bulletin is issued: its content is frozen',
  },
  'bulletins.not_issued': {
    zh: '只有已印发的通报可以撤回',
    en: 'Only an issued bulletin can be withdrawn',
  },
  'bulletins.bad_order': {
    zh: '栏目顺序应包含每个栏目各一次',
    en: 'The order of sections names each section once',
  },
  'bulletins.pdf_unavailable': {
    zh: '服务器未安装 Chromium 浏览器，暂时无法生成 PDF，请使用打印页面或导出 Excel',
    en: 'Chromium is not installed on the server: no PDF now; print the page or export Excel',
  },
  'bulletins.pdf_busy': {
    zh: 'PDF 生成繁忙或超时，请稍后再试',
    en: 'PDF rendering is busy or timed out; try again shortly',
  },
} as const satisfies Record<string, Labelled>;
