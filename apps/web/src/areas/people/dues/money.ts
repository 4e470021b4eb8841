/** Money as the dues pages show it: 元 with two decimals (the API speaks 元 as numbers, the server keeps fen). */

/** `12.5` → `12.50`. */
export function yuan(n: number | null | undefined): string {
  return n == null ? '—' : n.toFixed(2);
}

/** `2026-03` → `2026年3月`, or `Mar 2026` in English. */
export function monthText(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (locale === 'en') return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'short', year: 'numeric' });
  return `${y}年${m}月`;
}

/** The month `n` months before `YYYY-MM`. */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
