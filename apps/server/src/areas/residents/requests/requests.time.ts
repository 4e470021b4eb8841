/** China-time calendar arithmetic of service work: days, deadlines, ISO weeks, quarters and evaluation periods. */
import { DomainError } from '../../../platform/errors.js';

const CHINA_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The China (Asia/Shanghai, no DST) date of an instant. */
export function chinaDay(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + CHINA_MS).toISOString().slice(0, 10);
}

/** The instant a China date begins, as ISO UTC. */
export function chinaDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_MS).toISOString();
}

/** A date plus some days (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The deadline `days` whole days after an instant (a request accepted at 10:00 is due at 10:00 that many days later). */
export function deadline(fromIso: string, days: number): string {
  return new Date(Date.parse(fromIso) + days * DAY_MS).toISOString();
}

/** The ISO week (YYYY-Www) of a date, with its Monday and Sunday. */
export function isoWeekOf(day: string): { week: string; from: string; to: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  const monday = addDays(day, -dow);
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const jan4 = `${year}-01-04`;
  const week1Monday = addDays(jan4, -((new Date(`${jan4}T00:00:00Z`).getUTCDay() + 6) % 7));
  const n = Math.round((Date.parse(`${monday}T00:00:00Z`) - Date.parse(`${week1Monday}T00:00:00Z`)) / (7 * DAY_MS)) + 1;
  return { week: `${year}-W${String(n).padStart(2, '0')}`, from: monday, to: addDays(monday, 6) };
}

/** Monday and Sunday of an ISO week YYYY-Www. */
export function isoWeekRange(week: string): { week: string; from: string; to: string } {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = `${y}-01-04`;
  const week1Monday = addDays(jan4, -((new Date(`${jan4}T00:00:00Z`).getUTCDay() + 6) % 7));
  const from = addDays(week1Monday, (w - 1) * 7);
  const r = isoWeekOf(from);
  if (r.week !== week) throw new DomainError('validation', { field: 'week', reason: 'no such ISO week' });
  return r;
}

/** The quarter (YYYY-Qn) of a date, or the range of a given quarter. */
export function quarterRange(q: string): { quarter: string; from: string; to: string } {
  const y = Number(q.slice(0, 4));
  const n = Number(q.slice(6));
  const from = `${y}-${String((n - 1) * 3 + 1).padStart(2, '0')}-01`;
  const next = n === 4 ? `${y + 1}-01-01` : `${y}-${String(n * 3 + 1).padStart(2, '0')}-01`;
  return { quarter: q, from, to: addDays(next, -1) };
}

/** The quarter key of a date. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
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
  const y = Number(period.slice(0, 4));
  if (kind === 'year_end_org') return { from: `${y}-01-01`, to: `${y}-12-31` };
  if (kind === 'half_year_residents')
    return period.endsWith('H1') ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` };
  const m = Number(period.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${period}-01`, to: addDays(next, -1) };
}
