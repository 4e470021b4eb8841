/**
 * Periods in words: the keys the records keep (`2026`, `2026-12`, `2026-Q4`, `2026-H1`, `2026-W49`) are codes for
 * machines; a person reads 2026年第49周 / 2026年上半年. One formatter for the server's notices and the web's pages.
 */
import type { Labelled } from './enums.js';

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const QUARTERS_ZH = ['一', '二', '三', '四'];

/** A period key in Chinese and English words; a string that is no period key is answered as it is. */
export function periodLabel(period: string): Labelled {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])|W(\d{2})))?$/.exec(period.trim());
  if (!m) return { zh: period, en: period };
  const [, y, month, quarter, half, week] = m;
  if (month) {
    const n = Number(month);
    if (n < 1 || n > 12) return { zh: period, en: period };
    return { zh: `${y}年${n}月`, en: `${MONTHS_EN[n - 1]} ${y}` };
  }
  if (quarter) return { zh: `${y}年第${QUARTERS_ZH[Number(quarter) - 1]}季度`, en: `Q${quarter} ${y}` };
  if (half)
    return half === '1'
      ? { zh: `${y}年上半年`, en: `First half of ${y}` }
      : { zh: `${y}年下半年`, en: `Second half of ${y}` };
  if (week) {
    const n = Number(week);
    if (n < 1 || n > 53) return { zh: period, en: period };
    return { zh: `${y}年第${n}周`, en: `Week ${n} of ${y}` };
  }
  return { zh: `${y}年`, en: y! };
}

/** A period key in words in one language (`zh-CN` or `en`), for texts built on the server. */
export function periodText(period: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const l = periodLabel(period);
  return locale === 'en' ? l.en : l.zh;
}
