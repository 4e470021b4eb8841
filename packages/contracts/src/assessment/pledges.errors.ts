/** The error codes of the pledges module (area assessment), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the pledges module. */
export const PLEDGES_ERRORS = {
  'pledges.wrong_state': { zh: '承诺当前状态下不能进行此操作', en: 'Not possible in the present state of the pledge' },
  'pledges.not_yours': { zh: '只能办理本人的承诺', en: 'Only your own pledges' },
  'pledges.member_required': { zh: '党员承诺请选择承诺党员', en: 'Choose the member who pledges' },
  'pledges.member_not_in_org': { zh: '该党员不属于所选党组织', en: 'The member is not in this organization' },
  'pledges.no_member_account': {
    zh: '当前账号未关联党员，不能作出个人承诺',
    en: 'This account is not linked to a member',
  },
  'pledges.too_many': { zh: '本年度承诺数已达上限', en: 'The yearly number of pledges is reached' },
  'pledges.higher_reviews_org': {
    zh: '组织承诺由上级党组织审核、验收',
    en: "An organization's pledge is reviewed by a higher organization",
  },
  'pledges.due_out_of_year': { zh: '完成时限应在承诺年度内', en: 'The due date lies in the year of the pledge' },
  'pledges.evaluation_closed': { zh: '该承诺不在评诺期内', en: 'The pledge is not open for evaluation' },
  'pledges.already_evaluated': { zh: '您已评价过该承诺', en: 'You have already evaluated this pledge' },
  'pledges.window_open': {
    zh: '评诺期尚未结束，暂不能结束评诺',
    en: 'The evaluation window is still open',
  },
  'pledges.own_pledge': { zh: '不能评价本人的承诺', en: 'You cannot evaluate your own pledge' },
  'pledges.only_drafts': { zh: '只能删除草稿或被退回的承诺', en: 'Only drafts and returned pledges can be deleted' },
} as const satisfies Record<string, Labelled>;
