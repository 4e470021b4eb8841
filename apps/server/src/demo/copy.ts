/**
 * PostgreSQL's COPY FROM STDIN in text format for the demo's bulk writes: one stream per table instead of
 * multi-row inserts (no statement to parse and plan per few hundred rows, no parameter limit).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Rows written per chunk of the stream: big enough to keep the socket busy, small enough to tick the progress. */
const CHUNK = 5_000;

// Text format: a backslash starts an escape, a tab ends the field, a newline ends the row (carriage return too).
const SPECIAL = /[\\\t\n\r]/g;
const HAS_SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: \N for null, escaped text otherwise. */
export function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  // Most values are plain text: a test is cheaper than a replace that finds nothing (millions of fields a county).
  if (typeof v === 'string') return HAS_SPECIAL.test(v) ? v.replace(SPECIAL, (c) => ESCAPES[c]) : v;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  // bytea's hex input form, its backslash doubled for the text format.
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  const s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.replace(SPECIAL, (c) => ESCAPES[c]);
}

/** One row in COPY's text format, with its newline. */
export function copyLine(row: readonly unknown[]): string {
  // A loop of concatenations: map + join allocated an array per row.
  let line = copyField(row[0]);
  for (let i = 1; i < row.length; i++) line += `\t${copyField(row[i])}`;
  return `${line}\n`;
}

/** Streams `rows` into `table` through `client` with COPY; `tick` after each chunk with the rows written so far. */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  cols: readonly string[],
  rows: readonly (readonly unknown[])[],
  tick: (done: number) => void = () => {},
): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${cols.join(',')}) from stdin`));
  function* chunks() {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const end = Math.min(i + CHUNK, rows.length);
      const lines: string[] = new Array(end - i);
      for (let j = i; j < end; j++) lines[j - i] = copyLine(rows[j]);
      // One flat string per chunk, encoded once: appending 5,000 lines built a rope that V8 flattened again when the
      // socket encoded it (a profile of the service records' thread: 4.4 s in that encoding, and the garbage
      // collector at 42% of the thread).
      yield Buffer.from(lines.join(''));
      tick(end);
    }
  }
  await pipeline(Readable.from(chunks()), stream);
}
