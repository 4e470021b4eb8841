/** The error codes of the ratings module (area assessment), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the ratings module. */
export const RATINGS_ERRORS = {
  'ratings.scheme_frozen': {
    zh: '考评方案已发布，不能再修改；请另建新版本',
    en: 'The scheme is published and frozen: make a new version',
  },
  'ratings.scheme_draft': {
    zh: '考评方案尚未发布，不能开始评定',
    en: 'The scheme is not published yet',
  },
  'ratings.scheme_in_use': {
    zh: '考评方案已有评定结果，不能删除',
    en: 'The scheme has results: it cannot be deleted',
  },
  'ratings.bad_tree': {
    zh: '指标体系有误：指标编号不能重复，自动取数的指标须选择数据来源和折算方式',
    en: 'The indicator tree is wrong: codes must be unique and record indicators need a source and a mapping',
  },
  'ratings.bad_thresholds': {
    zh: '评星标准有误：星级须从1起连续，最低总分须随星级递增',
    en: 'The thresholds are wrong: levels from 1 up, totals rising with the level',
  },
  'ratings.unknown_template': { zh: '没有这个方案模板', en: 'No such template' },
  'ratings.duplicate_scheme': {
    zh: '该年度已有同名的考评方案',
    en: 'This year already has a scheme of that name',
  },
  'ratings.subject_mismatch': {
    zh: '干部考核须选择被考核人，党组织星级评定不选被考核人',
    en: 'A cadre scheme names the cadre; an organization scheme does not',
  },
  'ratings.duplicate_result': {
    zh: '该对象在此方案下已有评定结果',
    en: 'This subject already has a result under the scheme',
  },
  'ratings.unknown_indicator': {
    zh: '评分中有方案里没有的指标',
    en: 'A score names an indicator the scheme does not have',
  },
  'ratings.not_scorable': {
    zh: '该指标由平台记录自动取数，不能手工打分',
    en: 'This indicator is filled from the records: it is not scored by hand',
  },
  'ratings.over_max': { zh: '得分不能超过该指标的分值', en: 'A score exceeds the indicator’s max score' },
  'ratings.scores_missing': {
    zh: '还有需要考评打分的指标未打分',
    en: 'Some indicators the assessor scores have no score yet',
  },
  'ratings.window_open': {
    zh: '公示期未满，不能确定结果',
    en: 'The objection window has not ended yet',
  },
  'ratings.objections_open': {
    zh: '还有未答复的异议，不能确定结果',
    en: 'An objection is still open',
  },
  'ratings.objection_closed': {
    zh: '该异议已答复',
    en: 'This objection is already answered',
  },
  'ratings.wrong_state': {
    zh: '评定结果当前状态下不能进行此操作',
    en: 'Not possible in the present state of the result',
  },
  'ratings.not_own_org': {
    zh: '只能对本组织的评定结果提出异议',
    en: 'Only members of the organization may object to its result',
  },
  'ratings.not_draft': {
    zh: '只能删除尚未评定的结果',
    en: 'Only a result not yet scored can be deleted',
  },
  'ratings.bad_target': {
    zh: '目标年度不能早于起始年度',
    en: 'The target year comes after the start year',
  },
} as const satisfies Record<string, Labelled>;
