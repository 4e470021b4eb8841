/** The zip checker: central directory parsing, bounds, and the count of actually inflated bytes. */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import {
  checkArchive,
  crc32,
  deflatedPart,
  inflateToBuffer,
  readCentralDirectory,
  storedPart,
  verifyEntry,
  writeZip,
  type ZipLimits,
} from './zip.js';

const LIMITS: ZipLimits = {
  maxEntries: 10,
  maxEntryBytes: 1_000_000,
  maxTotalBytes: 1_500_000,
  maxRatio: 100,
  ratioFloorBytes: 100_000,
};

/** The code and reason of the DomainError `fn` throws (or rejects with). */
async function refusal(fn: () => unknown): Promise<{ code: string; reason: unknown; status: number }> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof DomainError)
      return { code: e.code, reason: (e.details as { reason?: unknown })?.reason, status: e.status };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the zip checker', () => {
  it('lists the entries of a zip with their sizes, and reads them back', async () => {
    const a = Buffer.from('<a>hello</a>'.repeat(100));
    const zip = writeZip([deflatedPart('xl/a.xml', a), storedPart('b.bin', Buffer.from([1, 2, 3]))]);
    const entries = checkArchive(zip, LIMITS);
    expect(entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['xl/a.xml', a.length],
      ['b.bin', 3],
    ]);
    expect(entries[0].crc32).toBe(crc32(a));
    expect((await inflateToBuffer(zip, entries[0])).equals(a)).toBe(true);
    expect((await inflateToBuffer(zip, entries[1])).equals(Buffer.from([1, 2, 3]))).toBe(true);
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('refuses what is not a zip, truncated or encrypted', async () => {
    expect(await refusal(() => checkArchive(Buffer.from('<html>not a workbook</html>'), LIMITS))).toMatchObject({
      code: 'import.archive_rejected',
      reason: 'not_zip',
      status: 400,
    });
    expect(await refusal(() => checkArchive(Buffer.alloc(0), LIMITS))).toMatchObject({ reason: 'not_zip' });
    const zip = writeZip([deflatedPart('a.xml', Buffer.from('x'.repeat(1000)))]);
    // The central directory points at a local header that is not there.
    const cut = Buffer.concat([Buffer.alloc(7), zip]);
    expect(await refusal(() => checkArchive(cut, LIMITS))).toMatchObject({
      code: 'import.archive_rejected',
      reason: 'corrupt',
    });
    const encrypted = Buffer.from(zip);
    const cd = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(encrypted.readUInt16LE(cd + 8) | 1, cd + 8);
    expect(await refusal(() => checkArchive(encrypted, LIMITS))).toMatchObject({ reason: 'encrypted' });
  });

  it('refuses too many entries before looking at any of them', async () => {
    const zip = writeZip(Array.from({ length: 11 }, (_, i) => storedPart(`p${i}.xml`, Buffer.from('<x/>'))));
    expect(await refusal(() => checkArchive(zip, LIMITS))).toMatchObject({
      code: 'import.archive_rejected',
      reason: 'too_many_entries',
      status: 400,
    });
    expect(
      checkArchive(
        writeZip(Array.from({ length: 10 }, (_, i) => storedPart(`p${i}.xml`, Buffer.from('<x/>')))),
        LIMITS,
      ),
    ).toHaveLength(10);
  });

  it('refuses a declared size over the bound per entry and in total (413), and a bomb by its ratio (400)', async () => {
    const random = (n: number) => crypto.randomBytes(n);
    const big = writeZip([deflatedPart('big.xml', random(1_100_000))]);
    expect(await refusal(() => checkArchive(big, LIMITS))).toMatchObject({
      code: 'import.too_large',
      reason: 'entry_size',
      status: 413,
    });
    const two = writeZip([deflatedPart('a.xml', random(800_000)), deflatedPart('b.xml', random(800_000))]);
    expect(await refusal(() => checkArchive(two, LIMITS))).toMatchObject({
      code: 'import.too_large',
      reason: 'total_size',
    });
    const bomb = writeZip([deflatedPart('bomb.xml', Buffer.alloc(900_000, 0x41))]);
    expect(await refusal(() => checkArchive(bomb, LIMITS))).toMatchObject({
      code: 'import.archive_rejected',
      reason: 'ratio',
      status: 400,
    });
    // Small parts compress as they like: the ratio is judged from the floor up.
    expect(checkArchive(writeZip([deflatedPart('small.xml', Buffer.alloc(50_000, 0x41))]), LIMITS)).toHaveLength(1);
  });

  it('stops inflating an entry that yields more than its header declared', async () => {
    const real = Buffer.alloc(5_000_000, 0x41);
    const part = { ...deflatedPart('sheet.xml', real), uncompressedSize: 40_000 };
    const lying = writeZip([part]);
    const [entry] = checkArchive(lying, LIMITS);
    expect(entry.uncompressedSize).toBe(40_000);
    expect(await refusal(() => verifyEntry(lying, entry))).toMatchObject({
      code: 'import.archive_rejected',
      reason: 'size_mismatch',
    });
    expect(await refusal(() => inflateToBuffer(lying, entry))).toMatchObject({ reason: 'size_mismatch' });
    // And one that yields less, or bytes that are no deflate stream at all.
    const short = writeZip([{ ...deflatedPart('s.xml', Buffer.from('abc')), uncompressedSize: 10 }]);
    expect(await refusal(() => verifyEntry(short, readCentralDirectory(short)[0]))).toMatchObject({
      reason: 'size_mismatch',
    });
    const junk = writeZip([
      { name: 'j.xml', data: Buffer.from([0xff, 0xff, 0xff, 0xff]), method: 8, crc32: 0, uncompressedSize: 10 },
    ]);
    expect(await refusal(() => verifyEntry(junk, readCentralDirectory(junk)[0]))).toMatchObject({ reason: 'corrupt' });
    expect(zlib.inflateRawSync(part.data).length).toBe(real.length);
  });
});
