/** Calendar rules of service work on China time (contracts' chinaTime): deadlines, ISO weeks, evaluation periods. */
import { halfYearRange, isoWeekRange as weekRange, monthRange } from '@dangjian/contracts';
import { DomainError } from '../../../platform/errors.js';

export { addDays, chinaDay, chinaDayStart, isoWeekOf, quarterOf, quarterRange } from '@dangjian/contracts';

const DAY_MS = 86_400_000;

/** The deadline `days` whole days after an instant (accepted at 10:00, due at 10:00 that many days later). */
export function deadline(fromIso: string, days: number): string {
  return new Date(Date.parse(fromIso) + days * DAY_MS).toISOString();
}

/** Monday and Sunday of an ISO week YYYY-Www ('validation' when the year has no such week). */
export function isoWeekRange(week: string): { week: string; from: string; to: string } {
  const r = weekRange(week);
  if (!r) throw new DomainError('validation', { field: 'week', reason: 'no such ISO week' });
  return r;
}

const PERIOD_PATTERNS: Record<string, RegExp> = {
  monthly_review: /^\d{4}-(0[1-9]|1[0-2])$/,
  half_year_residents: /^\d{4}-H[12]$/,
  year_end_org: /^\d{4}$/,
};

/** The first and last day of an evaluation period, checked against its kind's format ('residents.bad_period'). */
export function evaluationPeriod(kind: string, period: string): { from: string; to: string } {
  const re = PERIOD_PATTERNS[kind];
  if (!re || !re.test(period)) throw new DomainError('residents.bad_period', { kind, period });
  if (kind === 'year_end_org') return { from: `${period}-01-01`, to: `${period}-12-31` };
  if (kind === 'half_year_residents') return halfYearRange(period);
  return monthRange(period);
}
