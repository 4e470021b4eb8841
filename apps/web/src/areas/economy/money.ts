/** Money on the economy pages: integer fen from the API, shown as 万元 with two decimals (or 元). */

/** Fen as 万元 with two decimals (1234567800 → "123.46"). */
export function wan(fen: number | null | undefined): string {
  return fen == null ? '—' : (fen / 1_000_000).toFixed(2);
}

/** Fen as 元 with thousands separators. */
export function yuan(fen: number | null | undefined): string {
  return fen == null ? '—' : (fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** 万元 typed in a form as fen. */
export function fenOfWan(wanValue: number): number {
  return Math.round(wanValue * 1_000_000);
}
