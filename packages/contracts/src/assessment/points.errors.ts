/** The error codes of the points module (area assessment), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the points module. */
export const POINTS_ERRORS = {
  'points.forbidden_event': {
    zh: '不得为登录、点击、浏览、点赞、转发、学习时长、打卡等“指尖上的形式主义”设置积分',
    en: 'Points for log-ins, clicks, views, likes, shares, study time or app check-ins are forbidden',
  },
  'points.unknown_event': { zh: '积分事项不存在', en: 'No such points event' },
  'points.evidence_required': {
    zh: '加减分必须附有佐证材料（文字说明）',
    en: 'A manual entry needs its evidence',
  },
  'points.too_many': { zh: '单次加减分超出规则允许的分值', en: 'More points than the rules allow for one entry' },
  'points.zero': { zh: '分值不能为零', en: 'The points cannot be zero' },
  'points.wrong_state': { zh: '积分记录当前状态下不能进行此操作', en: 'Not possible in the present state' },
  'points.month_published': {
    zh: '该月积分已公示，不能再变动',
    en: 'This month is published: its points are frozen',
  },
  'points.month_future': { zh: '不能公示尚未结束的月份', en: 'A month is published after it has begun' },
  'points.not_yours': { zh: '只能对本人的积分提出异议', en: 'Only one’s own entries can be disputed' },
  'points.dispute_open': { zh: '该积分已有待答复的异议', en: 'This entry already has an open dispute' },
  'points.not_member': { zh: '所选党员不在本组织范围内', en: 'The member is not in scope' },
  'points.disputes_open': { zh: '该月尚有待答复的异议，请先答复再公示', en: 'Answer the open disputes before publishing' },
  'points.reason_required': { zh: '请填写理由', en: 'Give a reason' },
  'points.not_branch': { zh: '请选择一个党支部', en: 'Choose a branch' },
  'points.reversal': { zh: '冲正记录不能再冲正或异议', en: 'A reversing entry cannot be disputed or reversed' },
} as const satisfies Record<string, Labelled>;
