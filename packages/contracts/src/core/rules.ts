/**
 * Rules as data (issue 9): the API of every rule set — national defaults that a county overrides from a year on.
 * The rule sets themselves (defaults, a schema per key, constraints) are declared by their modules.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Labelled } from './enums.js';
import { Nullable, Body } from './schemas.js';

/** The rule sets of the platform, with their names. */
export const RULE_SET_LABELS = {
  meetings: { zh: '组织生活制度要求', en: 'Organizational life: the rules' },
  meeting_timing: { zh: '组织生活时限', en: 'Organizational life: time limits' },
  residents: { zh: '为民服务规则', en: 'Service rules' },
  development: { zh: '发展党员时限规则', en: 'Member development: the time rules' },
  problems: { zh: '问题整改时限规则', en: 'Problems: deadlines and follow-up' },
} satisfies Record<string, Labelled>;
export type RuleSetName = keyof typeof RULE_SET_LABELS;

/** The years a rule may be set for. */
export const RuleYear = Type.Integer({ minimum: 2000, maximum: 2100 });
const Label = Type.Object({ zh: Type.String(), en: Type.String() });

export const RulesYearQuery = Type.Object({ year: Type.Optional(RuleYear) });

export const RuleSetSummary = Type.Object({
  name: Type.String(),
  label: Label,
  canEdit: Type.Boolean(),
  keys: Type.Integer(),
});
export const RuleSetList = Type.Object({ items: Type.Array(RuleSetSummary) });

/** One override as stored: a value from `year` on, or a reset (`reset`: the default again from that year). */
export const RuleOverrideView = Type.Object({
  key: Type.String(),
  year: Type.Integer(),
  reset: Type.Boolean(),
  value: Type.Unknown(),
  reason: Nullable(Type.String()),
  updatedAt: Type.String(),
  updatedBy: Nullable(Type.Integer()),
});
export type RuleOverrideViewT = Static<typeof RuleOverrideView>;

/** One rule in force for a year: its value, the default, and the override it comes from (if any). */
export const RuleKeyView = Type.Object({
  key: Type.String(),
  label: Label,
  /** JSON schema of a value (bounds, enums, nullable): the web page builds its form from it. */
  schema: Type.Unknown(),
  default: Type.Unknown(),
  value: Type.Unknown(),
  source: Type.Union([Type.Literal('default'), Type.Literal('county')]),
  /** The year of the override in force (an earlier year carries forward). */
  since: Nullable(Type.Integer()),
  reason: Nullable(Type.String()),
});
export type RuleKeyViewT = Static<typeof RuleKeyView>;

export const RuleSetView = Type.Object({
  name: Type.String(),
  label: Label,
  year: Type.Integer(),
  canEdit: Type.Boolean(),
  keys: Type.Array(RuleKeyView),
  /** Pairs [a, b]: a's value must not exceed b's. */
  ordered: Type.Array(Type.Array(Type.String(), { minItems: 2, maxItems: 2 })),
  /** Labels of the properties inside object values, and of enum values by property (for forms). */
  fieldLabels: Type.Record(Type.String(), Label),
  enumLabels: Type.Record(Type.String(), Type.Record(Type.String(), Label)),
  /** What a null value means in this set (e.g. a meeting kind not required), when null is allowed. */
  nullLabel: Nullable(Label),
  /** Every override of the county, every year, newest first. */
  history: Type.Array(RuleOverrideView),
});
export type RuleSetViewT = Static<typeof RuleSetView>;

export const RulesPatch = Body({
  year: RuleYear,
  values: Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,59}$' }), Type.Unknown(), {
    minProperties: 1,
  }),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
});
export type RulesPatchT = Static<typeof RulesPatch>;
