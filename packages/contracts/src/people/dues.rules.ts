/** The dues rules' contracts: months, amounts in 元, the rate and fixed scales, the national rules, rule versions. */
import { type Static, Type } from '@sinclair/typebox';
import { labelled } from '../core/fieldLabels.js';
import { Body, ListOf, Nullable } from '../core/schemas.js';
/** A month `YYYY-MM` (a bill's month, a rule's first month). */
export const MonthString = (description?: string) =>
  Type.String({
    pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
    description,
    examples: ['2026-03'],
    ...labelled('月份', 'Month'),
  });
/** An amount in 元, at most two decimals (checked by the server), never negative. */
export const Yuan = (max = 10_000_000, description?: string, zh = '金额（元）', en = 'Amount (元)') =>
  Type.Number({ minimum: 0, maximum: max, description: description ?? '元, two decimals', ...labelled(zh, en) });

// ---- rules ----
/** One bracket of a rate scale: income up to `upTo` 元 inclusive (null: no upper bound) pays `percent` of all of it. */
export const DuesBracket = Type.Object(
  {
    upTo: Nullable(Yuan(10_000_000, '元 inclusive; null for the last bracket', '档次上限（元）', 'Up to (元)')),
    percent: Type.Number({ minimum: 0, maximum: 10, ...labelled('比例（%）', 'Rate (%)') }),
  },
  { additionalProperties: false },
);
/** A category paying a share of its monthly income (the rate of the bracket applies to the whole income). */
export const DuesRateScale = Type.Object(
  {
    kind: Type.Literal('rate', labelled('计算方式', 'Kind')),
    brackets: Type.Array(DuesBracket, { minItems: 1, maxItems: 10, ...labelled('档次', 'Brackets') }),
  },
  { additionalProperties: false },
);
/** A category paying a fixed monthly amount: `amount` by default, a branch may choose within `min`–`max`. */
export const DuesFixedScale = Type.Object(
  {
    kind: Type.Literal('fixed', labelled('计算方式', 'Kind')),
    amount: Yuan(1000),
    min: Yuan(1000, '元, the least a branch may set', '最低金额（元）', 'Least (元)'),
    max: Yuan(1000, '元, the most a branch may set', '最高金额（元）', 'Most (元)'),
  },
  { additionalProperties: false },
);
export const DuesScale = Type.Union([DuesRateScale, DuesFixedScale]);
/** A category's scale in a rule body, named in words for a refusal. */
const scaleOf = (zh: string, en: string) => Type.Union([DuesRateScale, DuesFixedScale], labelled(zh, en));
export type DuesScaleT = Static<typeof DuesScale>;
/** The scales of every category in one rule version. */
export const DuesScales = Type.Object(
  {
    employed: scaleOf('在职党员标准', 'Employed'),
    retired: scaleOf('离退休党员标准', 'Retired'),
    farmer: scaleOf('农民党员标准', 'Farmer'),
    student: scaleOf('学生党员标准', 'Student'),
    unemployed: scaleOf('下岗失业党员标准', 'Unemployed'),
    subsistence: scaleOf('享受低保党员标准', 'On subsistence allowance'),
  },
  { additionalProperties: false, ...labelled('党费标准', 'Scales') },
);
export type DuesScalesT = Static<typeof DuesScales>;

/**
 * The national rules (中组部《关于中国共产党党费收缴、使用和管理的规定》, 2008): version 1 of every county,
 * valid from 2008-04. Farmers pay 0.2–1 元 a month; the platform's default is 0.5 元, a branch may set a member's
 * own amount within the range. Amounts are rounded half up to the fen.
 */
export const DUES_NATIONAL_SCALES: DuesScalesT = {
  employed: {
    kind: 'rate',
    brackets: [
      { upTo: 3000, percent: 0.5 },
      { upTo: 5000, percent: 1 },
      { upTo: 10000, percent: 1.5 },
      { upTo: null, percent: 2 },
    ],
  },
  retired: {
    kind: 'rate',
    brackets: [
      { upTo: 5000, percent: 0.5 },
      { upTo: null, percent: 1 },
    ],
  },
  farmer: { kind: 'fixed', amount: 0.5, min: 0.2, max: 1 },
  student: { kind: 'fixed', amount: 0.2, min: 0.2, max: 0.2 },
  unemployed: { kind: 'fixed', amount: 0.2, min: 0.2, max: 0.2 },
  subsistence: { kind: 'fixed', amount: 0.2, min: 0.2, max: 0.2 },
};
/** The first month of the national rules (version 1). */
export const DUES_NATIONAL_FROM = '2008-04';

/** A rule version: from its first month until the next version's. */
export const DuesRule = Type.Object({
  version: Type.Integer(),
  validFrom: Type.String({ description: 'YYYY-MM' }),
  validTo: Nullable(Type.String({ description: 'YYYY-MM, the last month; null while it is the latest' })),
  scales: DuesScales,
  note: Nullable(Type.String()),
  national: Type.Boolean({ description: 'version 1, the national rules' }),
  bills: Type.Integer({ description: 'bills that used it (a version in use is never changed)' }),
  createdAt: Nullable(Type.String()),
  createdByName: Nullable(Type.String()),
});
export type DuesRuleT = Static<typeof DuesRule>;
export const DuesRuleList = ListOf(DuesRule);
export const DuesRuleCreate = Body({
  validFrom: Type.String({
    pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
    description: 'the first month it applies to; not a month already billed',
    ...labelled('起始月份', 'First month'),
  }),
  scales: DuesScales,
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});
export type DuesRuleCreateT = Static<typeof DuesRuleCreate>;
