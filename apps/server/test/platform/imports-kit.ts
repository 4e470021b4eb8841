/** Builders of the rosters and zip bombs that imports-bounded.test.ts uploads. */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '../../src/areas/core/members/members.rules.js';
import { readCentralDirectory, storedPart, storedParts, writeZip, type ZipPart } from '../../src/platform/zip.js';
import { testIdNumber } from '../harness.js';

export const MB = 1024 * 1024;

/** A roster workbook with the template's headers and the given rows, as bytes. */
export async function rosterXlsx(rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.columns = ROSTER_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
  }));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `n` valid roster rows in a branch. */
export function goodRows(n: number, orgId: number): Record<string, string | number>[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `导入${i}`,
    gender: '男',
    idNumber: testIdNumber('male', `19${50 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`),
    orgId,
    joinedAt: '2001-07-01',
  }));
}

/**
 * A sheet part whose one inline-string cell is `mb` MiB of 'A': the deflate stream repeats one flushed
 * block of 1 MiB, so the test never holds the inflated bytes (about 1 KB per MiB compressed).
 */
export function bombSheet(mb: number): ZipPart {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>',
  );
  const tail = Buffer.from('</t></is></c></row></sheetData></worksheet>');
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const block = zlib.deflateRawSync(Buffer.alloc(MB, 0x41), flush);
  const data = Buffer.concat([
    zlib.deflateRawSync(head, flush),
    ...Array<Buffer>(mb).fill(block),
    zlib.deflateRawSync(tail),
  ]);
  return {
    name: 'xl/worksheets/sheet1.xml',
    data,
    method: 8,
    crc32: 0,
    uncompressedSize: head.length + mb * MB + tail.length,
  };
}

/** A real workbook whose first sheet is replaced by `sheet`, padded with a stored random part to `padBytes`. */
export async function withSheet(sheet: ZipPart, padBytes: number): Promise<Buffer> {
  const base = await rosterXlsx([]);
  const parts = storedParts(base, readCentralDirectory(base)).map((p) => (p.name === sheet.name ? sheet : p));
  return writeZip([...parts, storedPart('xl/media/image1.png', crypto.randomBytes(padBytes))]);
}

/** Inflates every part of a zip, counting the bytes without keeping them. */
export async function inflatedBytes(buf: Buffer): Promise<number> {
  let total = 0;
  for (const e of readCentralDirectory(buf)) {
    const raw = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    if (e.method === 0) total += raw.length;
    else
      await new Promise<void>((resolve, reject) => {
        const z = zlib.createInflateRaw();
        z.on('data', (c: Buffer) => (total += c.length));
        z.on('end', resolve);
        z.on('error', reject);
        z.end(raw);
      });
  }
  return total;
}
