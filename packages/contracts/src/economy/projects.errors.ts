/** The error codes of the projects module (area economy), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the projects module. */
export const PROJECTS_ERRORS = {
  'projects.not_village': {
    zh: '产业项目须由村（社区）党组织牵头或联建',
    en: 'A project is led and joined by village or community organizations',
  },
  'projects.partner_is_lead': { zh: '联建村不能是牵头村本身', en: 'The lead village is not its own partner' },
  'projects.other_needs_text': { zh: '选择“其他”产业时请写明', en: 'Describe the industry when choosing “Other”' },
  'projects.stop_reason_required': {
    zh: '项目停办时请写明停办原因和停办年度',
    en: 'A stopped project needs the reason and the year it stopped',
  },
  'projects.year_range': {
    zh: '年度不能早于项目起始年度，也不能晚于今年',
    en: 'The year lies between the start of the project and this year',
  },
  'projects.households_exceed': {
    zh: '脱贫户与监测户之和不能超过联结农户数',
    en: 'Households lifted out of poverty and monitored cannot exceed those linked',
  },
  'projects.amount_too_large': {
    zh: '一年的投入资金合计不能超过2000万元',
    en: 'The funds given in a year total at most 20 million yuan',
  },
  'projects.duplicate_source': {
    zh: '同一资金来源只能填写一次',
    en: 'Each source of funds appears once',
  },
} as const satisfies Record<string, Labelled>;
