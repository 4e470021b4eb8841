/**
 * Zip archives (an .xlsx is one) read from their central directory, checked against bounds before
 * anything inflates, and inflated with the actual bytes counted, since declared sizes can lie.
 */
import zlib from 'node:zlib';
import { Readable, Transform } from 'node:stream';
import { DomainError } from './errors.js';

/** The bounds an uploaded archive must keep. */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Inflated ÷ compressed, for entries (and a whole archive) of at least `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

const MB = 1024 * 1024;
/**
 * The bounds of an import. A 50,000-row roster written by ExcelJS is 2.4 MB on disk and inflates to
 * 26 MB (a 22.7 MB sheet, compressed about 10:1; Excel and WPS write alike), so 100 MB admits twice
 * that with richer styling while keeping one import's memory small. An .xlsx has some 10–20 parts;
 * 1,000 leaves room for many sheets and images. Spreadsheet XML compresses 5–20:1, and a sheet of
 * empty styled cells perhaps 50:1; 100:1 on parts over 1 MB refuses only bombs.
 */
export const IMPORT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1_000,
  maxEntryBytes: 100 * MB,
  maxTotalBytes: 100 * MB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MB,
};

/** One member of an archive as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the local header starts, and where the entry's (compressed) bytes start. */
  headerOffset: number;
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const rejected = (reason: string, extra: Record<string, unknown> = {}) =>
  new DomainError('import.archive_rejected', { reason, ...extra });
const tooLarge = (reason: string, extra: Record<string, unknown> = {}) =>
  new DomainError('import.too_large', { reason, ...extra });

/** Reads the central directory of a zip in `buf`; refuses what is not a plain single-disk zip. */
export function readCentralDirectory(buf: Buffer, maxEntries = Infinity): ZipEntry[] {
  // The end record is the last 22 bytes, or earlier when followed by a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0 || buf.length < 22) throw rejected('not_zip');
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const onDisk = buf.readUInt16LE(eocd + 8);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) throw rejected('multi_disk');
  // Zip64 marks its real figures with all ones; a spreadsheet within our bounds never needs it.
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw rejected('zip64');
  if (count > maxEntries) throw rejected('too_many_entries', { entries: count, max: maxEntries });
  if (cdOffset + cdSize > eocd) throw rejected('corrupt');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw rejected('corrupt');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const headerOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const entry = {
      name,
      method,
      crc32: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      headerOffset,
      dataOffset: 0,
    };
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw rejected('encrypted');
    if (method !== STORED && method !== DEFLATED) throw rejected('method', { method });
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || headerOffset === 0xffffffff)
      throw rejected('zip64');
    if (headerOffset + 30 > cdOffset || buf.readUInt32LE(headerOffset) !== LOCAL) throw rejected('corrupt');
    entry.dataOffset = headerOffset + 30 + buf.readUInt16LE(headerOffset + 26) + buf.readUInt16LE(headerOffset + 28);
    if (entry.dataOffset + entry.compressedSize > cdOffset) throw rejected('corrupt');
    if (method === STORED && entry.compressedSize !== entry.uncompressedSize) throw rejected('corrupt');
    entries.push(entry);
  }
  if (new Set(entries.map((e) => e.name)).size !== entries.length) throw rejected('duplicate_names');
  return entries;
}

/**
 * Checks an archive against the bounds before it is read: a zip at all, entry count, declared sizes
 * per entry and in total (413), and compression ratios (400). Returns its entries.
 */
export function checkArchive(buf: Buffer, limits: ZipLimits = IMPORT_ZIP_LIMITS): ZipEntry[] {
  const entries = readCentralDirectory(buf, limits.maxEntries);
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    if (e.uncompressedSize > limits.maxEntryBytes)
      throw tooLarge('entry_size', { entry: e.name, bytes: e.uncompressedSize, max: limits.maxEntryBytes });
    total += e.uncompressedSize;
    compressed += e.compressedSize;
    if (total > limits.maxTotalBytes) throw tooLarge('total_size', { max: limits.maxTotalBytes });
    if (
      e.uncompressedSize >= limits.ratioFloorBytes &&
      e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)
    ) {
      throw rejected('ratio', {
        entry: e.name,
        ratio: Math.round(e.uncompressedSize / Math.max(1, e.compressedSize)),
        max: limits.maxRatio,
      });
    }
  }
  if (total >= limits.ratioFloorBytes && total > limits.maxRatio * Math.max(1, compressed))
    throw rejected('ratio', { ratio: Math.round(total / Math.max(1, compressed)), max: limits.maxRatio });
  return entries;
}

/**
 * The inflated bytes of an entry as a stream that fails as soon as they exceed what the central
 * directory declared (which `checkArchive` bounded): a lying header is caught while reading.
 */
export function inflateEntry(buf: Buffer, entry: ZipEntry): Readable {
  const raw = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === STORED) return Readable.from([raw]);
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > entry.uncompressedSize)
        done(rejected('size_mismatch', { entry: entry.name, declared: entry.uncompressedSize }));
      else done(null, chunk);
    },
  });
  const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.on('error', (err) =>
    counter.destroy(err instanceof DomainError ? err : rejected('corrupt', { entry: entry.name })),
  );
  inflate.pipe(counter);
  inflate.end(raw);
  counter.on('close', () => inflate.destroy());
  return counter;
}

/** Inflates an entry whole (for the small parts of a workbook), bounded by its declared size. */
export async function inflateToBuffer(buf: Buffer, entry: ZipEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of inflateEntry(buf, entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Inflates an entry only to count its bytes; refuses it when they exceed the declared size or differ from it. */
export async function verifyEntry(buf: Buffer, entry: ZipEntry): Promise<void> {
  let seen = 0;
  for await (const c of inflateEntry(buf, entry)) seen += (c as Buffer).length;
  if (seen !== entry.uncompressedSize)
    throw rejected('size_mismatch', { entry: entry.name, declared: entry.uncompressedSize });
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of the zip format (Node 20 has no zlib.crc32). */
export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A member of an archive to write: a name and its bytes, stored or deflated. */
export interface ZipPart {
  name: string;
  /** The bytes as stored in the archive (already deflated when `method` is 8). */
  data: Buffer;
  method: number;
  crc32: number;
  uncompressedSize: number;
}

/**
 * A local or central header of an entry: the signature, then from `at` the fields both share in the same order
 * (version needed, UTF-8 flag, method, CRC, sizes, name length; times and the rest stay zero).
 */
function entryHeader(size: number, signature: number, at: number, p: ZipPart, nameLength: number): Buffer {
  const h = Buffer.alloc(size);
  h.writeUInt32LE(signature, 0);
  h.writeUInt16LE(20, at);
  h.writeUInt16LE(0x800, at + 2);
  h.writeUInt16LE(p.method, at + 4);
  h.writeUInt32LE(p.crc32, at + 10);
  h.writeUInt32LE(p.data.length, at + 14);
  h.writeUInt32LE(p.uncompressedSize, at + 18);
  h.writeUInt16LE(nameLength, at + 22);
  return h;
}

/** Writes a zip of the given parts, in order (headers declare exactly what the parts say). */
export function writeZip(parts: ZipPart[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = entryHeader(30, LOCAL, 4, p, name.length);
    const cd = entryHeader(46, CENTRAL, 6, p, name.length);
    cd.writeUInt16LE(20, 4); // version made by
    cd.writeUInt32LE(offset, 42);
    out.push(local, name, p.data);
    central.push(cd, name);
    offset += 30 + name.length + p.data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cdBuf, end]);
}

/** The parts of `buf` named by `entries`, as they are stored (for re-ordering an archive without inflating it). */
export function storedParts(buf: Buffer, entries: ZipEntry[]): ZipPart[] {
  return entries.map((e) => ({
    name: e.name,
    data: buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize),
    method: e.method,
    crc32: e.crc32,
    uncompressedSize: e.uncompressedSize,
  }));
}

/** A part stored uncompressed. */
export function storedPart(name: string, data: Buffer): ZipPart {
  return { name, data, method: STORED, crc32: crc32(data), uncompressedSize: data.length };
}

/** A part deflated (for tests and small generated parts). */
export function deflatedPart(name: string, data: Buffer): ZipPart {
  return { name, data: zlib.deflateRawSync(data), method: DEFLATED, crc32: crc32(data), uncompressedSize: data.length };
}
