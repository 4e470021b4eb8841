/** Excel helpers shared by every import and export: lazy loading of ExcelJS, cell text, labelled enum cells. */
import type ExcelJS from 'exceljs';
import { chinaDay, type Labelled } from '@dangjian/contracts';
import { maskPersonalText } from './personalText.js';

let excel: Promise<typeof ExcelJS> | undefined;
/** ExcelJS, loaded on first use: importing it costs about 0.3 s of every server and CLI start. */
export const loadExcel = () => (excel ??= import('exceljs').then((m) => m.default));

/** A cell as text; dates become YYYY-MM-DD in China time. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return chinaDay(v);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
  }
  return String(v).trim();
}

/** The key of a labelled enum given as its Chinese label, English label or key; undefined when none matches. */
export function labelKey(map: Record<string, Labelled>, raw: string): string | undefined {
  const s = raw.trim();
  for (const [k, l] of Object.entries(map))
    if (k === s || l.zh === s || l.en.toLowerCase() === s.toLowerCase()) return k;
  return undefined;
}

/**
 * The bytes of a workbook to send, with every personal number in its text cells masked: the one way
 * exports leave the server, so no sheet carries a phone or ID number typed into free text.
 */
export async function xlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === 'string') {
          const m = maskPersonalText(v);
          if (m !== v) cell.value = m;
        } else if (v && typeof v === 'object' && 'richText' in v) {
          cell.value = { richText: v.richText.map((t) => ({ ...t, text: maskPersonalText(t.text) })) };
        } else if (v && typeof v === 'object' && 'hyperlink' in v && typeof v.text === 'string') {
          cell.value = { ...v, text: maskPersonalText(v.text) };
        }
      });
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
