/**
 * Content-addressed store for meeting photos: sniff the real type, strip location/identity metadata, save under the SM3
 * of what is kept.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError, notFound } from './errors.js';

/** What the store kept: the SM3 hex of the stripped bytes, the sniffed type and the stored size. */
export interface StoredFile {
  hash: string;
  mime: 'image/jpeg' | 'image/png';
  bytes: number;
}

type ImageMime = StoredFile['mime'];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Ancillary PNG chunks that carry EXIF (GPS, camera serial), free text (author, software, comments) or the capture
// time.
const PNG_DROP = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

const ICC_ID = Buffer.from('ICC_PROFILE\0', 'latin1');
const HASH_RE = /^[0-9a-f]{64}$/;

function badType(reason: string): DomainError {
  return new DomainError('files.bad_type', { reason }, 400);
}

/**
 * Detects JPEG or PNG from the magic bytes only (the name and declared type are attacker-chosen); null for anything
 * else.
 */
export function sniffImage(buf: Buffer): ImageMime | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= PNG_SIGNATURE.length && buf.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE))
    return 'image/png';
  return null;
}

/**
 * Removes EXIF/GPS, XMP, IPTC, comments and timestamps, copying everything a decoder needs byte for byte; throws
 * files.bad_type on a malformed structure.
 */
export function stripMetadata(buf: Buffer, mime: ImageMime): Buffer {
  return mime === 'image/jpeg' ? stripJpeg(buf) : stripPng(buf);
}

// An allow-list rather than a deny-list: APPn segments are free-form vendor payloads (APP1 EXIF/XMP, APP3 Kodak meta,
// APP12 picture info, APP13 IPTC...) and decoders need none of them except these.
function keepJpegApp(marker: number, payload: Buffer): boolean {
  if (marker === 0xe0 || marker === 0xee) return true; // APP0 JFIF (density, aspect) and APP14 Adobe (colour transform)
  // APP2 is shared by ICC profiles (needed for correct colours) and MPF, which only indexes extra images we drop below.
  if (marker === 0xe2) return payload.subarray(0, ICC_ID.length).equals(ICC_ID);
  return false;
}

function stripJpeg(buf: Buffer): Buffer {
  if (buf.length < 2 || buf[0] !== 0xff || buf[1] !== 0xd8) throw badType('jpeg: missing SOI');
  const out: Buffer[] = [buf.subarray(0, 2)];
  let pos = 2;
  let sawScan = false;
  for (;;) {
    if (pos >= buf.length) {
      // Ran out between segments: a file without EOI still decodes once a scan was seen; before that it is no image.
      if (sawScan) break;
      throw badType('jpeg: no scan');
    }
    if (buf[pos] !== 0xff) throw badType('jpeg: expected a marker');
    while (pos < buf.length && buf[pos] === 0xff) pos++; // fill bytes: any number of FF may precede a marker
    if (pos >= buf.length) throw badType('jpeg: truncated marker');
    const marker = buf[pos++];
    if (marker === 0x00 || marker === 0xd8) throw badType('jpeg: bad marker');
    if (marker === 0xd9) {
      if (!sawScan) throw badType('jpeg: no scan');
      // Stop at EOI: phones append whole extra JPEGs (MPF depth maps, previews) after it, each with its own EXIF and
      // GPS.
      out.push(Buffer.from([0xff, 0xd9]));
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(Buffer.from([0xff, marker])); // TEM and RSTn carry no length
      continue;
    }
    if (pos + 2 > buf.length) throw badType('jpeg: truncated segment');
    const len = buf.readUInt16BE(pos);
    if (len < 2 || pos + len > buf.length) throw badType('jpeg: truncated segment');
    const segEnd = pos + len;
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const drop = marker === 0xfe || (isApp && !keepJpegApp(marker, buf.subarray(pos + 2, segEnd)));
    if (!drop) out.push(Buffer.from([0xff, marker]), buf.subarray(pos, segEnd));
    pos = segEnd;
    if (marker === 0xda) {
      // Copy the entropy-coded data verbatim up to the next real marker. Scanning (instead of copying to the end) lets
      // progressive files' later tables and scans pass through the same loop and keeps trailing payloads out.
      const start = pos;
      pos = scanEnd(buf, pos);
      out.push(buf.subarray(start, pos));
      sawScan = true;
    }
  }
  return Buffer.concat(out);
}

// Finds where the entropy-coded segment ends: the first FF that is not a stuffed FF00, a restart marker or a fill byte.
function scanEnd(buf: Buffer, from: number): number {
  let i = from;
  while (i < buf.length) {
    if (buf[i] !== 0xff) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < buf.length && buf[j] === 0xff) j++;
    if (j >= buf.length) return buf.length; // trailing FFs with nothing after: keep them as data, the loop then ends
    const next = buf[j];
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
      i = j + 1;
      continue;
    }
    return i;
  }
  return buf.length;
}

function stripPng(buf: Buffer): Buffer {
  if (buf.length < PNG_SIGNATURE.length || !buf.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    throw badType('png: bad signature');
  }
  const out: Buffer[] = [buf.subarray(0, PNG_SIGNATURE.length)];
  let pos = PNG_SIGNATURE.length;
  let first = true;
  while (pos < buf.length) {
    if (pos + 12 > buf.length) throw badType('png: truncated chunk');
    const len = buf.readUInt32BE(pos);
    const end = pos + 12 + len;
    if (len > 0x7fffffff || end > buf.length) throw badType('png: chunk past the end');
    const typeBytes = buf.subarray(pos + 4, pos + 8);
    // Chunk types are four ASCII letters; anything else means we are reading garbage, not chunks.
    if (!typeBytes.every((b) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)))
      throw badType('png: bad chunk type');
    const type = typeBytes.toString('latin1');
    if (first && type !== 'IHDR') throw badType('png: IHDR must come first');
    first = false;
    // Kept chunks are copied whole, CRC included, so their CRCs stay valid without recomputing them.
    if (!PNG_DROP.has(type)) out.push(buf.subarray(pos, end));
    pos = end;
    if (type === 'IEND') break; // anything after IEND is an appended payload, not part of the image
  }
  if (first) throw badType('png: no chunks');
  return Buffer.concat(out);
}

function fileFor(dataDir: string, hash: string): string {
  return path.join(dataDir, 'files', hash.slice(0, 2), hash);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates, strips and stores an uploaded image under the SM3 of the stripped bytes, writing atomically and only once
 * per content.
 */
export async function storeImage(dataDir: string, input: Buffer, maxBytes: number): Promise<StoredFile> {
  // Size first: it is the cheapest check and bounds the work the parser does.
  if (input.length > maxBytes) throw new DomainError('files.too_large', { maxBytes }, 413);
  const mime = sniffImage(input);
  if (!mime) throw badType('unknown content');
  const clean = stripMetadata(input, mime);
  // Hash after stripping so the same picture with different metadata is stored once.
  const hash = crypto.createHash('sm3').update(clean).digest('hex');
  const file = fileFor(dataDir, hash);
  if (!(await exists(file))) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    // A unique temp name in the same directory: rename is atomic there, so readers never see half a file and two
    // concurrent uploads of the same photo both end with the same complete content.
    const tmp = `${file}.${crypto.randomUUID()}.tmp`;
    try {
      const fh = await fs.open(tmp, 'wx');
      try {
        await fh.writeFile(clean);
        await fh.sync(); // the rename must not become durable before the data
      } finally {
        await fh.close();
      }
      await fs.rename(tmp, file);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
  }
  return { hash, mime, bytes: clean.length };
}

/** Reads a stored file by its hash; anything but 64 hex chars (e.g. a path) or a missing file is not_found. */
export async function readStored(dataDir: string, hash: string): Promise<Buffer> {
  const h = hash.toLowerCase();
  // The hash becomes a path: the strict pattern is what keeps '../' and separators out.
  if (!HASH_RE.test(h)) throw notFound();
  try {
    return await fs.readFile(fileFor(dataDir, h));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw notFound();
    throw err;
  }
}
