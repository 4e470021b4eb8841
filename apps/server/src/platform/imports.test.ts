/**
 * The import reader (a worker thread with ExcelJS's streaming reader) reads a sheet as the whole-workbook reader did.
 */
import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cellText } from './excel.js';
import { runImport } from './imports.js';
import type { Ctx } from './context.js';
import type { Actor } from './actor.js';

const WHOLE =
  'reads the first sheet cell for cell as ExcelJS loading the whole workbook: dates, numbers, formulas, rich text';
it(WHOLE, async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  wb.addWorksheet('other').addRow(['not this sheet']);
  ws.addRow(['姓名', '日期', '数字', '公式', '富文本']);
  ws.addRow([
    '张三',
    new Date(Date.UTC(2001, 6, 1)),
    43052119,
    { formula: 'C2*2', result: 86104238 },
    { richText: [{ text: '甲' }, { text: '乙', font: { bold: true } }] },
  ]);
  ws.getCell('B2').numFmt = 'yyyy-mm-dd';
  ws.addRow([]);
  ws.addRow(['李四', '2001-7-1', '13900001111']);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());

  const whole = new ExcelJS.Workbook();
  await whole.xlsx.load(buf as unknown as ArrayBuffer);
  const expected: string[][] = [];
  whole.worksheets[0].eachRow({ includeEmpty: false }, (r, n) =>
    expected.push([String(n), ...Array.from(r.values as ExcelJS.CellValue[], (v) => cellText(v ?? null)).slice(1)]),
  );

  // The queue is keyed by context and county; no database is touched by the reading.
  const ctx = {} as Ctx;
  const actor = { userId: 1, tenantId: 1 } as Actor;
  const read = await runImport(
    ctx,
    actor,
    { kind: 'members', dryRun: true, badFile: 'members.import_bad_file' },
    buf,
    async (rows) => rows.map((r) => [String(r.number), ...r.cells.slice(1)]),
  );
  expect(read).toEqual(expected);
  expect(read[1]).toEqual(['2', '张三', '2001-07-01', '43052119', '86104238', '甲乙']);
});
