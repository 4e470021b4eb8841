/** How the wall screen writes its numbers and times: shares as percentages, large counts in 万, China time. */
import type { Labelled } from '@dangjian/contracts';
import type { Locale } from '../../../api/client';

/** A value as a wall reads it: `87.5%`, `1,234`, `1.2万` (English: `12.3k`). */
export function formatValue(value: number, unit: 'count' | 'rate', locale: Locale): string {
  if (unit === 'rate') return `${(value * 100).toFixed(value >= 0.9995 || value === 0 ? 0 : 1)}%`;
  if (value >= 10_000) return locale === 'en' ? `${(value / 1000).toFixed(1)}k` : `${(value / 10_000).toFixed(1)}万`;
  return value.toLocaleString(locale === 'en' ? 'en' : 'zh-CN');
}

/** A label in the current locale. */
export function labelOf(l: Labelled, locale: Locale): string {
  return locale === 'en' ? l.en : l.zh;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The China wall clock of an instant: date, weekday and time to the second. */
export function chinaClock(at: number, locale: Locale): { date: string; time: string } {
  const d = new Date(at + 8 * 3_600_000);
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  if (locale === 'en') return { date: `${iso.slice(0, 10)} ${d.toUTCString().slice(0, 3)}`, time };
  const date = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 星期${WEEKDAYS[d.getUTCDay()]}`;
  return { date, time };
}

/** An organization's name as a tile shows it: without the trailing 党委 / 党支部 / 党总支 the whole screen repeats. */
export function shortOrgName(name: string): string {
  return name.replace(/(党委|党总支|联合党支部|党支部)$/, '') || name;
}

/** The colour of a tile: from the dark panel colour to Party red and gold as the value rises within its range. */
export function tileColour(value: number, min: number, max: number): string {
  const t = max > min ? (value - min) / (max - min) : 1;
  // Three stops: deep maroon, Party red, warm gold (read well on a dark wall from a distance).
  const stops = [
    [74, 20, 28],
    [196, 29, 40],
    [236, 168, 58],
  ];
  const seg = t < 0.5 ? 0 : 1;
  const u = t < 0.5 ? t / 0.5 : (t - 0.5) / 0.5;
  const [a, b] = [stops[seg]!, stops[seg + 1]!];
  const c = a.map((x, i) => Math.round(x + (b[i]! - x) * u));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** The gradient of the legend, the same stops as the tiles. */
export const LEGEND_GRADIENT = 'linear-gradient(90deg, rgb(74, 20, 28), rgb(196, 29, 40), rgb(236, 168, 58))';
