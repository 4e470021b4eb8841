/** The error codes of the accountability module (area supervision), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the accountability module. */
export const ACCOUNTABILITY_ERRORS = {
  'accountability.target_required': {
    zh: '请选择被问责的单位，或选择党员、填写被问责人姓名',
    en: 'Choose the organization, or the member or name of the person',
  },
  'accountability.target_mixed': {
    zh: '问责对象为单位时不填写个人信息；为个人时不选择被问责单位',
    en: 'A record targets either an organization or a person',
  },
  'accountability.org_required': {
    zh: '请选择被问责人所在的党组织',
    en: "Choose the person's organization",
  },
  'accountability.sub_kind_required': {
    zh: '处分请填写处分种类（如警告、严重警告）',
    en: 'A punishment names its kind',
  },
  'accountability.sub_kind_only_punishment': {
    zh: '只有处分需要填写处分种类',
    en: 'Only a punishment has a kind',
  },
  'accountability.one_link': {
    zh: '一条问责记录只关联一个来源（整改问题、督查标记或督查检查）',
    en: 'A record links to one source at most',
  },
  'accountability.link_unknown': {
    zh: '关联的整改问题、督查标记或督查检查不存在或不在管辖范围内',
    en: 'The linked record is not found in your scope',
  },
  'accountability.decider_not_above': {
    zh: '作出问责的党组织应为被问责单位或其上级党组织',
    en: 'The deciding organization is the target or lies above it',
  },
  'accountability.future_date': {
    zh: '问责日期不能晚于今天',
    en: 'The date cannot be after today',
  },
} as const satisfies Record<string, Labelled>;
