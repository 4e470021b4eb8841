/** Organizational-life rules as data: national defaults from the 支部工作条例, overridable by a county per year. */
import {
  CADENCES,
  FrequencyRuleSchema,
  MEETING_FREQUENCY_DEFAULTS,
  MEETING_KIND_LABELS,
  MEETING_TIMING_DEFAULTS,
  MEETING_TIMING_KEYS,
  type MeetingTimingRules,
  Nullable,
  RULE_SET_LABELS,
  type OrgType,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, rulesAt, type RuleSetDef, type RulesDb } from '../../../platform/rules.js';

export const MEETING_KINDS = [
  'general_meeting', // 支部党员大会
  'committee_meeting', // 支部委员会
  'group_meeting', // 党小组会
  'party_lecture', // 党课
  'theme_day', // 主题党日
  'life_meeting', // 组织生活会
  'member_review', // 民主评议党员
  'leadership_life_meeting', // 民主生活会
  'heart_to_heart', // 谈心谈话
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export type Cadence = 'month' | 'quarter' | 'year';

export interface FrequencyRule {
  every: Cadence;
  /** Meetings required per cadence unit (per member when `perMember`). */
  min: number;
  /** Counted per member of the organization (谈心谈话: every member once a year). */
  perMember?: boolean;
  /** Day of the month fixed by the county (主题党日; the demo county: the 5th). */
  fixedDay?: number | null;
}

export type FrequencyRules = Record<MeetingKind, FrequencyRule | null>;

/** National defaults (中国共产党支部工作条例（试行）, 2018; kept in the contracts). `null`: not required by default. */
export const DEFAULT_FREQUENCY: FrequencyRules = MEETING_FREQUENCY_DEFAULTS;

/** The `meetings` rule set: one key per kind, a frequency or null (not required); a county overrides from a year on. */
export const MEETING_RULES = defineRuleSet<FrequencyRules>({
  name: 'meetings',
  label: RULE_SET_LABELS.meetings,
  keys: Object.fromEntries(
    Object.entries(MEETING_KIND_LABELS).map(([k, label]) => [k, { label, schema: Nullable(FrequencyRuleSchema) }]),
  ) as unknown as RuleSetDef<FrequencyRules>['keys'],
  defaults: DEFAULT_FREQUENCY,
  fieldLabels: {
    every: { zh: '周期', en: 'Every' },
    min: { zh: '每周期至少（次）', en: 'At least (times)' },
    perMember: { zh: '按每名党员计', en: 'Counted per member' },
    fixedDay: { zh: '每月固定日', en: 'Fixed day of the month' },
  },
  enumLabels: { every: CADENCES },
  nullLabel: { zh: '不作要求', en: 'Not required' },
  read: 'self.party',
  write: 'meetings.rules',
  // Compliance and reminders are cached under the meetings' version.
  affects: ['meetings'],
});

/**
 * Which org types each kind is required of: branches hold the three meetings; groups their own meeting; committees
 * their leadership meeting.
 */
export const KIND_APPLIES_TO: Record<MeetingKind, readonly OrgType[]> = {
  general_meeting: ['branch', 'joint_branch', 'general_branch'],
  committee_meeting: ['branch', 'joint_branch', 'general_branch'],
  group_meeting: ['group'],
  party_lecture: ['branch', 'joint_branch', 'general_branch'],
  theme_day: ['branch', 'joint_branch', 'general_branch'],
  life_meeting: ['branch', 'joint_branch', 'general_branch'],
  member_review: ['branch', 'joint_branch', 'general_branch'],
  leadership_life_meeting: ['committee'],
  heart_to_heart: ['branch', 'joint_branch', 'general_branch'],
};

/** Who is expected at each kind: all members of the org, its committee, or its group's members. */
export const EXPECTED_ATTENDEES: Record<MeetingKind, 'members' | 'committee'> = {
  general_meeting: 'members',
  committee_meeting: 'committee',
  group_meeting: 'members',
  party_lecture: 'members',
  theme_day: 'members',
  life_meeting: 'members',
  member_review: 'members',
  leadership_life_meeting: 'committee',
  heart_to_heart: 'members',
};

/** Days before a deadline (or the fixed day) from which an open requirement shows as due soon and reminders go out. */
export const DUE_SOON_DAYS = 7;
/** Days before the fixed party day on which secretaries are reminded. */
export const FIXED_DAY_REMINDER_DAYS = 3;
/** A meeting entered more than this many days after it was held is marked as entered late (still accepted). */
export const LATE_ENTRY_DAYS = 7;
/** Share of members that may be graded excellent in one review (民主评议: no more than one third). */
export const MAX_EXCELLENT_SHARE = 1 / 3;
/** Largest photo accepted, and how many per meeting. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTOS_PER_MEETING = 12;
/** Hours before and after a meeting during which its sign-in code works. */
export const CHECKIN_EARLY_MINUTES = 60;
export const CHECKIN_DEFAULT_HOURS = 3;

/**
 * The `meeting_timing` rule set: how far ahead a meeting may be planned and how long before it sign-in may start at
 * once (national defaults in the contracts; a county changes them per year on the meeting rules page).
 */
export const MEETING_TIMING_RULES = defineRuleSet<MeetingTimingRules>({
  name: 'meeting_timing',
  label: RULE_SET_LABELS.meeting_timing,
  keys: Object.fromEntries(
    Object.entries(MEETING_TIMING_KEYS).map(([k, { zh, en, min, max }]) => [
      k,
      { label: { zh, en }, schema: Type.Integer({ minimum: min, maximum: max }) },
    ]),
  ) as unknown as RuleSetDef<MeetingTimingRules>['keys'],
  defaults: { ...MEETING_TIMING_DEFAULTS },
  read: 'self.party',
  write: 'meetings.rules',
  // Reminders and the home's "upcoming" read the meetings; a new limit changes what may be recorded, not a figure.
  affects: ['meetings'],
});

/** The time limits in force for a tenant at a moment (China year). */
export function meetingTiming(db: RulesDb, tenantId: number, at: Date): Promise<MeetingTimingRules> {
  return rulesAt<MeetingTimingRules>(db, MEETING_TIMING_RULES.name, tenantId, chinaYear(at));
}

/** Merges a county's overrides for a year onto the national defaults. */
export function effectiveRules(overrides: Partial<Record<MeetingKind, FrequencyRule | null>>): FrequencyRules {
  return { ...DEFAULT_FREQUENCY, ...overrides };
}
