/** Excel helpers shared by every import and export: lazy loading of ExcelJS, cell text, labelled enum cells. */
import type ExcelJS from 'exceljs';
import type { Labelled } from '@dangjian/contracts';

let excel: Promise<typeof ExcelJS> | undefined;
/** ExcelJS, loaded on first use: importing it costs about 0.3 s of every server and CLI start. */
export const loadExcel = () => (excel ??= import('exceljs').then((m) => m.default));

/** A cell as text; dates become YYYY-MM-DD in China time. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return new Date(v.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
  }
  return String(v).trim();
}

/** The key of a labelled enum given as its Chinese label, English label or key; undefined when none matches. */
export function labelKey(map: Record<string, Labelled>, raw: string): string | undefined {
  const s = raw.trim();
  for (const [k, l] of Object.entries(map)) if (k === s || l.zh === s || l.en.toLowerCase() === s.toLowerCase()) return k;
  return undefined;
}
