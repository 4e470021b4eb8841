/** Periods and cadence units: months, quarters, years, on plain YYYY-MM-DD dates (China time, contracts' chinaTime). */
import { addDays, daysInMonth, monthRange, quarterRange } from '@dangjian/contracts';
import type { Cadence } from './meetings.rules.js';

export { addDays, daysBetween, daysInMonth } from '@dangjian/contracts';

export interface Span {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Parses a period `YYYY-MM`, `YYYY-Qn` or `YYYY` into its span; null when malformed. */
export function parsePeriod(period: string): (Span & { cadence: Cadence }) | null {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { cadence: 'month', ...monthRange(period) };
  }
  if (/^\d{4}-Q[1-4]$/.test(period)) {
    const { from, to } = quarterRange(period);
    return { cadence: 'quarter', from, to };
  }
  m = /^(\d{4})$/.exec(period);
  if (m) return { cadence: 'year', from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  return null;
}

/** The cadence unit (month, quarter or year) that contains a day. */
export function unitOf(day: string, cadence: Cadence): Span & { key: string } {
  const y = day.slice(0, 4);
  const mo = Number(day.slice(5, 7));
  if (cadence === 'month') return { key: `${y}-${pad(mo)}`, ...parsePeriod(`${y}-${pad(mo)}`)! };
  if (cadence === 'quarter') {
    const q = Math.ceil(mo / 3);
    return { key: `${y}-Q${q}`, ...parsePeriod(`${y}-Q${q}`)! };
  }
  return { key: y, ...parsePeriod(y)! };
}

/** The units of a cadence that overlap a span, in order. */
export function unitsIn(span: Span, cadence: Cadence): (Span & { key: string })[] {
  const out: (Span & { key: string })[] = [];
  let u = unitOf(span.from, cadence);
  while (u.from <= span.to) {
    out.push(u);
    u = unitOf(addDays(u.to, 1), cadence);
  }
  return out;
}

/** The fixed day of a month, clamped to the month's length (a 31st in February is its last day). */
export function fixedDayOf(monthKey: string, day: number): string {
  const y = Number(monthKey.slice(0, 4));
  const m = Number(monthKey.slice(5, 7));
  return `${monthKey}-${pad(Math.min(day, daysInMonth(y, m)))}`;
}
