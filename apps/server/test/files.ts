/** Files the tests upload: small PNGs built chunk by chunk, and the multipart bodies that carry a file. */
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, c]);
}

/** A valid 1×1 PNG; `extra` chunks (type, text) go between its header and its pixels. */
export function png(extra: [string, string][] = []): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
    ...extra.map(([type, text]) => chunk(type, Buffer.from(text))),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 200, 30, 30]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The content type of an Excel workbook (.xlsx). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A multipart body whose `file` part carries `file`; `closed: false` leaves out the closing boundary (a cut upload).
 */
export function multipart(
  file: Buffer,
  filename: string,
  type: string,
  { boundary = `----dj${Math.random().toString(16).slice(2)}`, closed = true } = {},
) {
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n`;
  const body = Buffer.concat([
    Buffer.from(`${head}Content-Type: ${type}\r\n\r\n`),
    file,
    Buffer.from(closed ? `\r\n--${boundary}--\r\n` : ''),
  ]);
  const contentType = `multipart/form-data; boundary=${boundary}`;
  return { body, contentType, headers: { 'content-type': contentType } };
}
