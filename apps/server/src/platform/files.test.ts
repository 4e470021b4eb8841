import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStored, sniffImage, storeImage, stripMetadata } from './files.js';

// ---------- JPEG builders (hand-assembled so every byte is known) ----------

function seg(marker: number, payload: Buffer | number[]): Buffer {
  const p = Buffer.from(payload);
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(p.length + 2, 2);
  return Buffer.concat([head, p]);
}

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);
const APP0 = seg(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const DQT = seg(0xdb, [0x00, ...new Array<number>(64).fill(1)]);
// Baseline, 8-bit, 8×8, one component sampled 1×1 using quant table 0.
const SOF0 = seg(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]);
// One-code Huffman tables: DC symbol 0 (difference category 0) and AC symbol 0 (EOB), each coded as the single bit 0.
const DHT_DC = seg(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0x00]);
const DHT_AC = seg(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]);
const SOS = seg(0xda, [1, 1, 0x00, 0, 63, 0]);
// Bits "0" (DC diff 0) + "0" (EOB), padded with 1s: one flat block at level 128, i.e. mid grey.
const SCAN = Buffer.from([0x3f]);

/** A decodable 8×8 grey baseline JPEG with optional extra segments after APP0. */
function greyJpeg(extra: Buffer[] = []): Buffer {
  return Buffer.concat([SOI, APP0, ...extra, DQT, SOF0, DHT_DC, DHT_AC, SOS, SCAN, EOI]);
}

// A big-endian TIFF/EXIF block: IFD0 points (tag 0x8825) at a GPS IFD with latitude ref, latitude and a processing
// method.
function exifTiff(): Buffer {
  const b = Buffer.alloc(103);
  b.write('MM', 0, 'latin1');
  b.writeUInt16BE(0x2a, 2);
  b.writeUInt32BE(8, 4);
  b.writeUInt16BE(1, 8); // IFD0: 1 entry
  b.writeUInt16BE(0x8825, 10); // GPSInfo IFD pointer
  b.writeUInt16BE(4, 12);
  b.writeUInt32BE(1, 14);
  b.writeUInt32BE(26, 18);
  b.writeUInt32BE(0, 22); // no next IFD
  b.writeUInt16BE(3, 26); // GPS IFD: 3 entries
  b.writeUInt16BE(0x0001, 28); // GPSLatitudeRef = "N"
  b.writeUInt16BE(2, 30);
  b.writeUInt32BE(2, 32);
  b.write('N\0', 36, 'latin1');
  b.writeUInt16BE(0x0002, 40); // GPSLatitude, 3 rationals at 68
  b.writeUInt16BE(5, 42);
  b.writeUInt32BE(3, 44);
  b.writeUInt32BE(68, 48);
  b.writeUInt16BE(0x001b, 52); // GPSProcessingMethod, 11 bytes at 92
  b.writeUInt16BE(7, 54);
  b.writeUInt32BE(11, 56);
  b.writeUInt32BE(92, 60);
  b.writeUInt32BE(0, 64);
  [39, 1, 54, 1, 1512, 100].forEach((v, i) => b.writeUInt32BE(v, 68 + i * 4)); // 39°54'15.12"N (fake)
  b.write('ASCII\0\0\0GPS', 92, 'latin1');
  return b;
}

const APP1_EXIF = seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff()]));
const APP1_XMP = seg(
  0xe1,
  Buffer.from(
    'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude="39,54.252N"/></x:xmpmeta>',
    'latin1',
  ),
);
const APP13_IPTC = seg(
  0xed,
  Buffer.from('Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x0c\x1c\x02\x50\0\x08Zhang San', 'latin1'),
);
const COM = seg(0xfe, Buffer.from('taken at the branch office, 39.9042N 116.4074E', 'latin1'));
const APP2_ICC = seg(0xe2, Buffer.concat([Buffer.from('ICC_PROFILE\0', 'latin1'), Buffer.from([1, 1, 0, 0, 0, 0])]));
const APP2_MPF = seg(0xe2, Buffer.from('MPF\0MM\0\x2a\0\0\0\x08', 'latin1'));
const APP14_ADOBE = seg(0xee, Buffer.from('Adobe\0\x64\0\0\0\0\x01', 'latin1'));

const has = (buf: Buffer, needle: Buffer | string) =>
  buf.indexOf(typeof needle === 'string' ? Buffer.from(needle, 'latin1') : needle) >= 0;

// ---------- PNG builders ----------

// Table CRC-32 (the PNG/zlib polynomial), since zlib.crc32 only exists from Node 20.15.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IHDR = chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])); // 1×1, 8-bit RGB
const IDAT = chunk('IDAT', zlib.deflateSync(Buffer.from([0, 0xc8, 0x10, 0x2e]))); // filter byte 0 + one red pixel
const IEND = chunk('IEND', Buffer.alloc(0));
const PHYS = chunk('pHYs', Buffer.from([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1]));

/** A 1×1 RGB PNG with optional chunks between IHDR and IDAT. */
function png(extra: Buffer[] = []): Buffer {
  return Buffer.concat([PNG_SIG, IHDR, ...extra, IDAT, IEND]);
}

const PNG_META = [
  chunk('eXIf', exifTiff()),
  chunk('tEXt', Buffer.from('Author\0Zhang San', 'latin1')),
  chunk('iTXt', Buffer.from('Comment\0\0\0\0\0GPS 39.9042N', 'latin1')),
  chunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), zlib.deflateSync(Buffer.from('GPS'))])),
  chunk('tIME', Buffer.from([0x07, 0xea, 11, 22, 9, 30, 0])),
];

function pngChunks(buf: Buffer): { type: string; crcOk: boolean }[] {
  const out: { type: string; crcOk: boolean }[] = [];
  let pos = 8;
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const body = buf.subarray(pos + 4, pos + 8 + len);
    out.push({ type: body.subarray(0, 4).toString('latin1'), crcOk: crc32(body) === buf.readUInt32BE(pos + 8 + len) });
    pos += 12 + len;
  }
  return out;
}

// ---------- tests ----------

describe('test helpers', () => {
  it('CRC-32 matches zlib where Node has it', () => {
    const z = (zlib as unknown as { crc32?: (b: Buffer) => number }).crc32;
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926); // the standard check value
    if (z) expect(crc32(IHDR)).toBe(z(IHDR));
  });
});

describe('sniffImage', () => {
  it('recognises JPEG and PNG by their magic bytes', () => {
    expect(sniffImage(greyJpeg())).toBe('image/jpeg');
    expect(sniffImage(png())).toBe('image/png');
  });

  it('rejects everything else, whatever it claims to be', () => {
    expect(sniffImage(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniffImage(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).toBeNull();
    expect(sniffImage(Buffer.from([0xff, 0xd8]))).toBeNull(); // too short to be a JPEG
    expect(sniffImage(PNG_SIG.subarray(0, 7))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });
});

describe('stripMetadata: JPEG', () => {
  it('drops EXIF/GPS, XMP, IPTC and comments and leaves the image bytes identical', () => {
    const dirty = greyJpeg([APP1_EXIF, COM, APP1_XMP, APP13_IPTC]);
    expect(has(dirty, 'GPS')).toBe(true); // the fixture really carries what we remove
    const clean = stripMetadata(dirty, 'image/jpeg');
    expect(has(clean, Buffer.from([0xff, 0xe1]))).toBe(false);
    expect(has(clean, Buffer.from([0xff, 0xed]))).toBe(false);
    expect(has(clean, Buffer.from([0xff, 0xfe]))).toBe(false);
    for (const s of ['Exif', 'GPS', 'xmpmeta', '8BIM', 'Zhang', 'branch office']) expect(has(clean, s)).toBe(false);
    // Exactly the image without the metadata: SOI, APP0, tables, SOF, SOS, scan data and EOI byte for byte.
    expect(clean.equals(greyJpeg())).toBe(true);
    expect(clean.subarray(0, 2).equals(SOI)).toBe(true);
    expect(clean.subarray(-3).equals(Buffer.concat([SCAN, EOI]))).toBe(true);
  });

  it('returns a metadata-free JPEG unchanged', () => {
    expect(stripMetadata(greyJpeg(), 'image/jpeg').equals(greyJpeg())).toBe(true);
  });

  it('keeps ICC and Adobe segments but drops MPF and other APPn', () => {
    const app12 = seg(0xec, Buffer.from('Ducky\0\0\0', 'latin1'));
    const clean = stripMetadata(greyJpeg([APP2_ICC, APP2_MPF, APP14_ADOBE, app12]), 'image/jpeg');
    expect(clean.equals(greyJpeg([APP2_ICC, APP14_ADOBE]))).toBe(true);
  });

  it('copies entropy data with stuffed bytes, restart markers and fill bytes verbatim', () => {
    // Not decodable, only structural: FF00 (stuffing) and FFD3 (restart) belong to the scan and must not end it.
    const scan = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56, 0xff, 0xff, 0x00, 0x78]);
    const base = Buffer.concat([SOI, APP0, DQT, SOF0, DHT_DC, DHT_AC, SOS]);
    const withFill = Buffer.concat([SOI, APP0, Buffer.from([0xff, 0xff]), COM, DQT, SOF0, DHT_DC, DHT_AC, SOS]);
    const clean = stripMetadata(Buffer.concat([withFill, scan, EOI]), 'image/jpeg');
    expect(clean.equals(Buffer.concat([base, scan, EOI]))).toBe(true);
  });

  it('walks every scan of a progressive-style file, dropping comments between scans', () => {
    const scan1 = Buffer.from([0xaa, 0xff, 0x00, 0xbb]);
    const scan2 = Buffer.from([0xcc, 0xdd]);
    const head = Buffer.concat([SOI, APP0, DQT, SOF0, DHT_DC, DHT_AC, SOS, scan1]);
    const dirty = Buffer.concat([head, COM, DHT_AC, SOS, scan2, EOI]);
    expect(stripMetadata(dirty, 'image/jpeg').equals(Buffer.concat([head, DHT_AC, SOS, scan2, EOI]))).toBe(true);
  });

  it('drops data appended after EOI (e.g. an extra JPEG with its own EXIF)', () => {
    const dirty = Buffer.concat([greyJpeg(), greyJpeg([APP1_EXIF])]);
    expect(stripMetadata(dirty, 'image/jpeg').equals(greyJpeg())).toBe(true);
  });

  it('tolerates a missing EOI once the scan has started', () => {
    const noEoi = greyJpeg().subarray(0, -2);
    expect(stripMetadata(noEoi, 'image/jpeg').equals(noEoi)).toBe(true);
  });

  it('throws files.bad_type on malformed structure', () => {
    const bad = (b: Buffer) => () => stripMetadata(b, 'image/jpeg');
    const truncated = greyJpeg([APP1_EXIF]).subarray(0, SOI.length + APP0.length + 20); // inside the APP1 segment
    expect(bad(truncated)).toThrow(
      expect.objectContaining({ code: 'files.bad_type', status: 400, details: { reason: 'jpeg: truncated segment' } }),
    );
    // Truncated after a scan has already been seen (a table between progressive scans): still rejected, not cut short.
    const afterScan = Buffer.concat([SOI, APP0, DQT, SOF0, DHT_DC, DHT_AC, SOS, SCAN, DHT_AC.subarray(0, 10)]);
    expect(bad(afterScan)).toThrow(expect.objectContaining({ code: 'files.bad_type' }));
    expect(bad(Buffer.concat([SOI, Buffer.from([0xff, 0xe1, 0x00])]))).toThrow(
      expect.objectContaining({ code: 'files.bad_type' }),
    ); // half a length
    expect(bad(Buffer.concat([SOI, Buffer.from([0xff, 0xe1, 0x00, 0x01])]))).toThrow(
      expect.objectContaining({ code: 'files.bad_type' }),
    ); // length < 2
    expect(bad(Buffer.concat([SOI, APP0, Buffer.from([0x00, 0x00])]))).toThrow(
      expect.objectContaining({ code: 'files.bad_type' }),
    ); // not a marker
    // no scan
    expect(bad(Buffer.concat([SOI, APP0, DQT, EOI]))).toThrow(expect.objectContaining({ code: 'files.bad_type' }));
    // ends before any scan
    expect(bad(Buffer.concat([SOI, APP0]))).toThrow(expect.objectContaining({ code: 'files.bad_type' }));
    expect(bad(png())).toThrow(expect.objectContaining({ code: 'files.bad_type' })); // wrong type declared
  });
});

describe('stripMetadata: PNG', () => {
  it('drops eXIf, tEXt, iTXt, zTXt and tIME, keeps the rest with valid CRCs', () => {
    const dirty = png([PHYS, ...PNG_META]);
    const clean = stripMetadata(dirty, 'image/png');
    expect(clean.subarray(0, 8).equals(PNG_SIG)).toBe(true);
    const chunks = pngChunks(clean);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    for (const s of ['GPS', 'Zhang', 'MM\0*']) expect(has(clean, s)).toBe(false);
    expect(clean.equals(png([PHYS]))).toBe(true);
    // The pixel data still inflates to the one red pixel.
    const idat = clean.subarray(
      clean.indexOf('IDAT') + 4,
      clean.indexOf('IDAT') + 4 + clean.readUInt32BE(clean.indexOf('IDAT') - 4),
    );
    expect([...zlib.inflateSync(idat)]).toEqual([0, 0xc8, 0x10, 0x2e]);
  });

  it('drops data appended after IEND', () => {
    expect(
      stripMetadata(Buffer.concat([png(), Buffer.from('PK\x03\x04hidden', 'latin1')]), 'image/png').equals(png()),
    ).toBe(true);
  });

  it('throws files.bad_type on malformed structure', () => {
    const bad = (b: Buffer) => () => stripMetadata(b, 'image/png');
    const badSig = Buffer.from(png());
    badSig[4] = 0x0a; // \r\n turned into \n\n: the classic text-mode transfer damage
    expect(bad(badSig)).toThrow(expect.objectContaining({ code: 'files.bad_type', status: 400 }));
    const pastEnd = Buffer.from(png());
    pastEnd.writeUInt32BE(1000, 8); // IHDR claims 1000 bytes
    expect(bad(pastEnd)).toThrow(expect.objectContaining({ code: 'files.bad_type' }));
    // cut inside IHDR
    expect(bad(png().subarray(0, 8 + 20))).toThrow(expect.objectContaining({ code: 'files.bad_type' }));
    // no IHDR first
    expect(bad(Buffer.concat([PNG_SIG, IDAT, IEND]))).toThrow(expect.objectContaining({ code: 'files.bad_type' }));
    expect(bad(PNG_SIG)).toThrow(expect.objectContaining({ code: 'files.bad_type' })); // no chunks at all
  });
});

describe('storeImage / readStored', () => {
  let dataDir = '';
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-files-'));
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const listFiles = () =>
    fs.existsSync(path.join(dataDir, 'files'))
      ? fs.readdirSync(path.join(dataDir, 'files'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
      : [];

  it('stores the stripped image under its SM3 and reads it back', async () => {
    const stored = await storeImage(dataDir, greyJpeg([APP1_EXIF, COM]), 1 << 20);
    const clean = greyJpeg();
    expect(stored).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), mime: 'image/jpeg', bytes: clean.length });
    const { createHash } = await import('node:crypto');
    expect(stored.hash).toBe(createHash('sm3').update(clean).digest('hex'));
    const onDisk = path.join(dataDir, 'files', stored.hash.slice(0, 2), stored.hash);
    expect(fs.readFileSync(onDisk).equals(clean)).toBe(true);
    expect((await readStored(dataDir, stored.hash)).equals(clean)).toBe(true);
    expect((await readStored(dataDir, stored.hash.toUpperCase())).equals(clean)).toBe(true);
  });

  it('stores the same picture once, whatever metadata it came with', async () => {
    const before = listFiles().length;
    const a = await storeImage(dataDir, png([PHYS, ...PNG_META]), 1 << 20);
    const b = await storeImage(dataDir, png([PHYS, ...PNG_META]), 1 << 20);
    const c = await storeImage(dataDir, png([PHYS, PNG_META[1]]), 1 << 20);
    expect(a).toEqual(b);
    expect(c.hash).toBe(a.hash);
    expect(a.mime).toBe('image/png');
    // One new file, and no temp file left behind.
    expect(listFiles().length).toBe(before + 1);
    expect(listFiles().some((e) => e.name.endsWith('.tmp'))).toBe(false);
  });

  it('survives concurrent uploads of the same photo', async () => {
    const img = greyJpeg([APP14_ADOBE]);
    const results = await Promise.all(Array.from({ length: 8 }, () => storeImage(dataDir, img, 1 << 20)));
    expect(new Set(results.map((r) => r.hash)).size).toBe(1);
    expect((await readStored(dataDir, results[0].hash)).equals(img)).toBe(true);
    expect(listFiles().some((e) => e.name.endsWith('.tmp'))).toBe(false);
  });

  it('rejects content that is not JPEG or PNG, whatever its name', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>'); // "photo.jpg" in the upload form
    await expect(storeImage(dataDir, html, 1 << 20)).rejects.toMatchObject({ code: 'files.bad_type', status: 400 });
    const gif = Buffer.from(
      'GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,' +
        '\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;',
      'latin1',
    );
    await expect(storeImage(dataDir, gif, 1 << 20)).rejects.toMatchObject({ code: 'files.bad_type' });
  });

  it('rejects a JPEG with a truncated segment', async () => {
    const truncated = greyJpeg([APP1_EXIF]).subarray(0, SOI.length + APP0.length + 20);
    await expect(storeImage(dataDir, truncated, 1 << 20)).rejects.toMatchObject({ code: 'files.bad_type' });
  });

  it('rejects oversize input before looking at it', async () => {
    const img = greyJpeg([APP1_EXIF]);
    await expect(storeImage(dataDir, img, img.length - 1)).rejects.toMatchObject({
      code: 'files.too_large',
      status: 413,
    });
    // The limit applies to the upload, and exactly maxBytes is allowed.
    await expect(storeImage(dataDir, img, img.length)).resolves.toMatchObject({ mime: 'image/jpeg' });
    // Size is checked first: an oversize non-image is too_large, not bad_type.
    await expect(storeImage(dataDir, Buffer.alloc(100), 10)).rejects.toMatchObject({ code: 'files.too_large' });
  });

  it('readStored treats anything but a 64-hex hash, or a missing file, as not_found', async () => {
    for (const h of [
      '../etc/passwd',
      '../../../../etc/passwd',
      '',
      'a'.repeat(63),
      'g'.repeat(64),
      `${'a'.repeat(62)}/x`,
      `${'a'.repeat(64)}\n`,
    ]) {
      await expect(readStored(dataDir, h)).rejects.toMatchObject({ code: 'not_found', status: 404 });
    }
    await expect(readStored(dataDir, '0'.repeat(64))).rejects.toMatchObject({ code: 'not_found' });
  });
});
