/**
 * The values a change in the audit trail lists, in words: a field holding an enumeration (学历, 性别, 状态…) reads by
 * its labels, as on every other page. A field name may mean different enumerations on different records (`kind` of a
 * meeting, a wish or an evaluation): the first table that knows the value names it.
 */
import { MEETING_KIND_LABELS } from '../life/meetings.js';
import {
  ERRAND_STATUSES,
  EVALUATION_GRADES,
  EVALUATION_KINDS,
  GROUP_LEADER_KINDS,
  HOUSEHOLD_TAGS,
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_LEVELS,
  REQUEST_STATUSES,
  RESIDENT_RELATIONS,
  SATISFACTION,
  WISH_KINDS,
  WISH_SOURCES,
  WISH_STATUSES,
} from '../residents/residents.js';
import {
  EDUCATIONS,
  ETHNICITIES,
  GENDERS,
  type Labelled,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  ORG_FIELDS,
  ORG_TYPES,
} from './enums.js';
import { ROLES } from './roles.js';

type Table = Readonly<Record<string, Labelled>>;

const ACCOUNT_STATUSES: Table = { active: { zh: '正常', en: 'Active' }, disabled: { zh: '停用', en: 'Disabled' } };
const LOCALES: Table = { 'zh-CN': { zh: '中文', en: 'Chinese' }, en: { zh: '英文', en: 'English' } };

/** Which enumerations a field's values come from. */
const FIELD_VALUES: Readonly<Record<string, readonly Table[]>> = {
  education: [EDUCATIONS],
  gender: [GENDERS],
  ethnicity: [ETHNICITIES],
  category: [MEMBER_CATEGORIES, REQUEST_CATEGORIES],
  status: [MEMBER_STATUSES, ACCOUNT_STATUSES, REQUEST_STATUSES, WISH_STATUSES, ERRAND_STATUSES],
  type: [ORG_TYPES],
  field: [ORG_FIELDS],
  role: [ROLES],
  previousRole: [ROLES],
  locale: [LOCALES],
  kind: [MEETING_KIND_LABELS, WISH_KINDS, EVALUATION_KINDS],
  relation: [RESIDENT_RELATIONS],
  leaderKind: [GROUP_LEADER_KINDS],
  channel: [REQUEST_CHANNELS],
  level: [REQUEST_LEVELS],
  rating: [SATISFACTION],
  grade: [EVALUATION_GRADES],
  tags: [HOUSEHOLD_TAGS],
  postedVia: [WISH_SOURCES],
};

/** One value of a field in words, or null when the field holds no enumeration or the value is not one of it. */
export function auditValueLabel(field: string, value: unknown): Labelled | null {
  if (typeof value !== 'string') return null;
  for (const table of FIELD_VALUES[field] ?? []) if (table[value]) return table[value];
  return null;
}
