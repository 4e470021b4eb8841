/** The error codes of the selections module (area assessment), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the selections module. */
export const SELECTIONS_ERRORS = {
  'selections.not_committee': {
    zh: '只能由县委或乡镇党委组织评选',
    en: 'Only a county or township committee runs one',
  },
  'selections.bad_windows': {
    zh: '推荐期应在投票期之前，且开始日期不晚于截止日期',
    en: 'Nominations come before the vote, each window starting before it ends',
  },
  'selections.not_nominating': { zh: '当前不在推荐期内', en: 'Nominations are not open now' },
  'selections.quota_full': { zh: '本组织推荐名额已满', en: "This organization's quota is full" },
  'selections.member_outside': { zh: '只能推荐本组织范围内的党员', en: 'Nominate a member of your own subtree' },
  'selections.already_nominated': { zh: '该党员已被推荐', en: 'This member is already nominated' },
  'selections.reason_required': { zh: '不通过时请写明理由', en: 'Give the reason of a rejection' },
  'selections.not_organizer': { zh: '只有组织评选的党委可以进行此操作', en: 'Only the organizer does this' },
  'selections.not_voting': { zh: '当前不在投票期内', en: 'Voting is not open now' },
  'selections.already_voted': { zh: '您已投过票，每人只能投一次', en: 'You have voted already: one ballot each' },
  'selections.too_many_choices': { zh: '选择人数超过每票可选人数', en: 'More choices than a ballot allows' },
  'selections.not_candidate': { zh: '所选人员不是本次评选的候选人', en: 'A choice is not a candidate' },
  'selections.not_voter': { zh: '您不在本次评选的投票范围内', en: 'You are not a voter of this selection' },
  'selections.no_candidates': { zh: '还没有审核通过的候选人', en: 'No accepted candidates yet' },
  'selections.too_many_winners': { zh: '当选人数超过评选名额', en: 'More winners than places' },
  'selections.winner_reason': {
    zh: '当选人与得票排名不一致时，请写明调整理由',
    en: 'Give the reason when the winners differ from the count',
  },
  'selections.publicity_running': { zh: '公示期未满，不能公布', en: 'The publicity period is not over yet' },
  'selections.wrong_state': { zh: '评选当前状态下不能进行此操作', en: 'Not possible in the present state' },
} as const satisfies Record<string, Labelled>;
