/**
 * Dues arithmetic, pure: 元 ↔ fen, a category's monthly dues under a rule version (the rate of the bracket applies
 * to the whole income, rounded half up to the fen), which version governs a month, and a scale's sanity.
 */
import {
  DUES_NATIONAL_FROM,
  DUES_NATIONAL_SCALES,
  type DuesBillStatus,
  type DuesCategory,
  type DuesScaleT,
  type DuesScalesT,
} from '@dangjian/contracts';
import { DomainError } from '../../../platform/errors.js';

/** A rule version as the server uses it. */
export interface RuleVersion {
  version: number;
  validFrom: string;
  scales: DuesScalesT;
  note: string | null;
  createdAt: string | null;
  createdByName: string | null;
}

/** Version 1 of every county: the national rules from the contracts. */
export const NATIONAL_VERSION: RuleVersion = {
  version: 1,
  validFrom: DUES_NATIONAL_FROM,
  scales: DUES_NATIONAL_SCALES,
  note: null,
  createdAt: null,
  createdByName: null,
};

/** An amount in 元 as integer fen; more than two decimals is `dues.bad_amount` (never silently rounded). */
export function fenOf(yuan: number, field = 'amount'): number {
  const fen = Math.round(yuan * 100);
  if (!Number.isFinite(yuan) || Math.abs(fen - yuan * 100) > 1e-6) throw new DomainError('dues.bad_amount', { field });
  return fen;
}

/** Fen as 元 (a number with at most two decimals). */
export function yuanOf(fen: number): number {
  return Math.round(fen) / 100;
}

/** A nullable amount in fen as 元. */
export function yuanOrNull(fen: number | null | undefined): number | null {
  return fen == null ? null : yuanOf(fen);
}

/** The rule version governing a month: the latest starting on or before it; none before the national rules. */
export function versionFor(versions: readonly RuleVersion[], month: string): RuleVersion {
  let found: RuleVersion | undefined;
  for (const v of versions) if (v.validFrom <= month && (!found || v.validFrom > found.validFrom)) found = v;
  if (!found) throw new DomainError('dues.month_before_rules', { month, field: 'month' });
  return found;
}

/**
 * A month's dues in fen. A rate scale needs the income (fen after tax) — missing is `dues.income_required`; a fixed
 * scale takes the branch's own amount when set (checked against the range when it was set), else its default.
 */
export function duesFen(scale: DuesScaleT, incomeFen: number | null, fixedFen: number | null): number {
  if (scale.kind === 'fixed') return fixedFen ?? fenOf(scale.amount);
  if (incomeFen == null) throw new DomainError('dues.income_required', { field: 'monthlyIncome' });
  const bracket = scale.brackets.find((b) => b.upTo == null || incomeFen <= fenOf(b.upTo)) ?? scale.brackets.at(-1)!;
  // Basis points keep the product an exact integer; + 5000 before the floor rounds half up.
  const bp = Math.round(bracket.percent * 100);
  return Math.floor((incomeFen * bp + 5000) / 10000);
}

/** A category's dues under a version, or null when the profile lacks what the scale needs. */
export function duesOrNull(
  v: RuleVersion,
  category: DuesCategory | null,
  incomeFen: number | null,
  fixedFen: number | null,
): number | null {
  if (!category) return null;
  const scale = v.scales[category];
  if (scale.kind === 'rate' && incomeFen == null) return null;
  return duesFen(scale, incomeFen, scale.kind === 'fixed' ? fixedFen : null);
}

/** A bill's status from its amount and what is paid (exempt stays exempt). */
export function billStatus(amountFen: number, paidFen: number, exempt: boolean): DuesBillStatus {
  if (exempt) return 'exempt';
  if (paidFen >= amountFen) return 'paid';
  return paidFen > 0 ? 'partial' : 'due';
}

function okScale(s: DuesScaleT): boolean {
  if (s.kind === 'fixed') {
    for (const y of [s.amount, s.min, s.max]) fenOf(y);
    return s.min <= s.amount && s.amount <= s.max;
  }
  const limits = s.brackets.map((b) => b.upTo);
  if (limits.at(-1) !== null || limits.slice(0, -1).some((u) => u == null)) return false;
  for (const b of s.brackets) {
    if (b.upTo != null) fenOf(b.upTo);
    if (Math.abs(Math.round(b.percent * 100) - b.percent * 100) > 1e-6) return false;
  }
  const bounded = limits.slice(0, -1) as number[];
  return bounded.every((u, i) => i === 0 || u > bounded[i - 1]!);
}

/** Throws `dues.bad_scale` (naming the category) unless every category's scale is well formed. */
export function checkScales(scales: DuesScalesT): void {
  for (const [category, scale] of Object.entries(scales))
    if (!okScale(scale)) throw new DomainError('dues.bad_scale', { field: `scales.${category}` });
}

/** The month before `month` (YYYY-MM). */
export function prevMonth(month: string, n = 1): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) - n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}
