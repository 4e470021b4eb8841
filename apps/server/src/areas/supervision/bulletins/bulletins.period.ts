/**
 * The period of a bulletin: a quarter (`2026-Q3`), a month (`2026-07`), a year (`2026`) or a range (from/to).
 * The figures that count by calendar unit (meeting compliance, dues) read the smallest unit that covers the range;
 * the bulletin says so in its section text.
 */
import { quarterOf, quarterRange } from '@dangjian/contracts';
import { DomainError } from '../../../platform/errors.js';

/** A resolved period. */
export interface BulletinPeriod {
  /** The period key as given (`2026-Q3`, `2026-07`, `2026`), null for a range. */
  period: string | null;
  from: string;
  to: string;
  /** In words: `2026年第三季度`. */
  label: string;
  year: number;
  /** The calendar unit a compliance or dues figure is computed for (the period itself, or the one covering it). */
  unit: string;
  /** Whether `unit` is wider than the period (a range): the section says so. */
  widened: boolean;
}

const QUARTER_WORDS = ['一', '二', '三', '四'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dayWords = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The period of a key: a quarter, a month or a year; null when the key is none of these. */
export function periodOfKey(key: string): BulletinPeriod | null {
  const y = Number(key.slice(0, 4));
  if (/^\d{4}-Q[1-4]$/.test(key)) {
    const q = quarterRange(key);
    const label = `${y}年第${QUARTER_WORDS[Number(key.slice(6)) - 1]}季度`;
    return { period: key, from: q.from, to: q.to, label, year: y, unit: key, widened: false };
  }
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(key)) {
    const m = Number(key.slice(5, 7));
    const to = `${key}-${pad(lastDay(y, m))}`;
    return { period: key, from: `${key}-01`, to, label: `${y}年${m}月`, year: y, unit: key, widened: false };
  }
  if (/^\d{4}$/.test(key))
    return { period: key, from: `${y}-01-01`, to: `${y}-12-31`, label: `${y}年度`, year: y, unit: key, widened: false };
  return null;
}

/** Resolves a period key or a from/to range (within one year); 400 `bulletins.bad_period` otherwise. */
export function resolvePeriod(q: { period?: string | null; from?: string | null; to?: string | null }): BulletinPeriod {
  if (q.period) {
    const p = periodOfKey(q.period);
    if (!p || p.year < 2000 || p.year > 2100) throw new DomainError('bulletins.bad_period', { field: 'period' });
    return p;
  }
  const { from, to } = q;
  if (!from || !to || from > to || from.slice(0, 4) !== to.slice(0, 4))
    throw new DomainError('bulletins.bad_period', { field: from && to ? 'to' : 'period' });
  const y = Number(from.slice(0, 4));
  const unit =
    from.slice(0, 7) === to.slice(0, 7)
      ? from.slice(0, 7)
      : quarterOf(from) === quarterOf(to)
        ? quarterOf(from)
        : String(y);
  const whole = periodOfKey(unit)!;
  const widened = whole.from !== from || whole.to !== to;
  return { period: null, from, to, label: `${dayWords(from)}至${dayWords(to)}`, year: y, unit, widened };
}

/** The title a bulletin gets by default: `某某县2026年第三季度基层党建工作通报`. */
export function defaultTitle(orgName: string, p: BulletinPeriod, kind: string): string {
  const tail = kind === 'briefing' ? '基层党建工作简报' : kind === 'special' ? '基层党建专项通报' : '基层党建工作通报';
  return `${orgName}${p.label}${tail}`;
}
