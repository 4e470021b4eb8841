/** The error codes of the inspections module (area supervision), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the inspections module. */
export const INSPECTIONS_ERRORS = {
  'inspections.issuer_not_committee': {
    zh: '督查检查由县委或乡镇（街道）党委组织',
    en: 'An inspection is issued by the county or a township committee',
  },
  'inspections.invalid_dates': {
    zh: '结束日期不能早于开始日期，且督查期限不超过一年',
    en: 'The end date is on or after the start, within a year',
  },
  'inspections.team_leader': {
    zh: '督查组应有且只有一名组长',
    en: 'The team has exactly one leader',
  },
  'inspections.team_user': {
    zh: '督查组成员的账号不存在或不在本县',
    en: "A team member's account is not one of this county",
  },
  'inspections.visit_outside': {
    zh: '被检查单位应为组织督查的党组织的下级党组织',
    en: 'A visited organization lies below the issuing organization',
  },
  'inspections.visit_taken': {
    zh: '该单位已在本次督查的检查名单中',
    en: 'This organization is already on the visit list',
  },
  'inspections.not_editable': {
    zh: '已完成或已取消的督查不能修改',
    en: 'A completed or cancelled inspection cannot be changed',
  },
  'inspections.not_running': {
    zh: '督查开始后才能记录检查结果和发现的问题',
    en: 'Results and findings are recorded once the inspection has started',
  },
  'inspections.topic_not_listed': {
    zh: '检查结果中有不在本次检查清单中的项目',
    en: "A result names a topic outside this inspection's checklist",
  },
  'inspections.topic_twice': {
    zh: '同一检查项目只能记录一个结果',
    en: 'Each topic takes one result',
  },
  'inspections.visit_date_outside': {
    zh: '检查日期应在督查期限内',
    en: 'The visit date lies within the inspection dates',
  },
  'inspections.no_visits': {
    zh: '至少记录一个单位的检查日期后才能完成督查',
    en: 'Record at least one visit before completing the inspection',
  },
  'inspections.visit_has_findings': {
    zh: '该单位已有发现的问题，不能移出检查名单',
    en: 'This visit has findings and cannot be removed',
  },
  'inspections.photo_unknown': {
    zh: '照片不存在或不属于该检查单位，请重新上传',
    en: 'A photo is not one uploaded to this visit; upload it again',
  },
  'inspections.visited_readonly': {
    zh: '被检查单位只能查看本单位的检查结果',
    en: 'A visited organization only sees its own results',
  },
} as const satisfies Record<string, Labelled>;
