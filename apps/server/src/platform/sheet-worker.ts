/**
 * The worker thread that reads the first sheet of an uploaded workbook, off the event loop and
 * under the heap limit its parent gives it (an out-of-memory ends only this thread). It checks the
 * archive, verifies the parts it reads inflate to exactly their declared sizes, then streams the
 * sheet through ExcelJS's streaming reader, sending the rows back in batches.
 */
import { parentPort } from 'node:worker_threads';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { checkArchive, inflateToBuffer, storedPart, storedParts, verifyEntry, writeZip, type ZipEntry } from './zip.js';
import { cellText, loadExcel } from './excel.js';
import { DomainError } from './errors.js';

/** A job: the file, and the most rows to accept. */
export interface SheetJob {
  file: Uint8Array;
  maxRows: number;
  batchRows: number;
}

/** What the worker answers: batches of rows, then done; or a failure. */
export type SheetMessage =
  | { type: 'rows'; rows: { number: number; cells: string[] }[] }
  | { type: 'done'; total: number }
  | { type: 'failed'; code: string | null; details?: unknown };

const EMPTY_SST = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
    ' count="0" uniqueCount="0"/>',
);

/** The value of attribute `name` (any namespace prefix) in one XML tag. */
function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s(?:[\\w-]+:)?${name}="([^"]*)"`).exec(tag)?.[1];
}

/** A relationship target as an archive path (relative to `xl/`). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

class BadFile extends Error {}

/** Reads the first sheet of `buf`, calling `emit` with each batch of non-empty rows. */
async function readFirstSheet(buf: Buffer, job: SheetJob, emit: (m: SheetMessage) => void): Promise<number> {
  const entries = checkArchive(buf);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbook = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new BadFile('not a workbook');
  const workbookXml = (await inflateToBuffer(buf, workbook)).toString('utf8');
  const relsXml = (await inflateToBuffer(buf, rels)).toString('utf8');
  const firstSheet = /<(?:[\w-]+:)?sheet\s[^>]*>/.exec(workbookXml)?.[0];
  const sheetRel = firstSheet && attr(firstSheet, 'id');
  const targets = new Map<string, { type: string; target: string }>();
  for (const [tag] of relsXml.matchAll(/<(?:[\w-]+:)?Relationship\s[^>]*>/g)) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, { type: attr(tag, 'Type') ?? '', target: partPath(target) });
  }
  const ofType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target;
  const sheet = sheetRel ? byName.get(targets.get(sheetRel)?.target ?? '') : undefined;
  if (!sheet) throw new BadFile('no first sheet');
  const strings = byName.get(ofType('/sharedStrings') ?? 'xl/sharedStrings.xml');
  const styles = byName.get(ofType('/styles') ?? 'xl/styles.xml');

  // Every part read is inflated once here with its bytes counted: a part that inflates past its
  // declared (and checked) size is refused before the reader sees it.
  const parts: [string, ZipEntry | undefined][] = [
    ['xl/_rels/workbook.xml.rels', rels],
    ['xl/workbook.xml', workbook],
    ['xl/styles.xml', styles],
    ['xl/sharedStrings.xml', strings],
    ['xl/worksheets/sheet1.xml', sheet],
  ];
  for (const [, e] of parts) if (e) await verifyEntry(buf, e);
  // Re-ordered (and renamed to the paths the streaming reader knows) so that the shared strings and
  // styles come before the sheet: the reader then streams the sheet instead of spilling it to a file.
  const zip = writeZip(
    parts.flatMap(([name, e]) => {
      if (e) return storedParts(buf, [e]).map((p) => ({ ...p, name }));
      return name === 'xl/sharedStrings.xml' ? [storedPart(name, EMPTY_SST)] : [];
    }),
  );

  const Excel = await loadExcel();
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([zip]), {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let total = 0;
  let batch: { number: number; cells: string[] }[] = [];
  for await (const ws of reader) {
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      const cells = Array.from(values, (v) => cellText(v ?? null));
      if (!cells.some(Boolean)) continue;
      if (++total > job.maxRows) throw new DomainError('import.too_large', { reason: 'rows', max: job.maxRows });
      batch.push({ number: row.number, cells });
      if (batch.length >= job.batchRows) {
        emit({ type: 'rows', rows: batch });
        batch = [];
      }
    }
    break;
  }
  if (batch.length) emit({ type: 'rows', rows: batch });
  return total;
}

parentPort?.on('message', async (job: SheetJob) => {
  const post = (m: SheetMessage) => parentPort!.postMessage(m);
  try {
    const buf = Buffer.from(job.file.buffer, job.file.byteOffset, job.file.byteLength);
    post({ type: 'done', total: await readFirstSheet(buf, job, post) });
  } catch (err) {
    if (err instanceof DomainError) post({ type: 'failed', code: err.code, details: err.details });
    else post({ type: 'failed', code: null });
  }
});
