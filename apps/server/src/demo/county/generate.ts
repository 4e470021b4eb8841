/** Generates one fictitious county deterministically from a seed. */
import { countyNames } from '../names.js';
import { Random, fromDay, mixSeed, toDay } from '../random.js';
import { COUNTY_SIZE, type CountySize, DemoCounty, Node } from './types.js';
import { Bands, COUNTIES_PER_PREFECTURE } from './tables.js';
import { buildTree } from './tree.js';
import { emit, generateMembers } from './members.js';

/** A 6-digit code with Hunan's real province prefix 43 and a prefecture number (90+) that no real prefecture uses. */
function regionCodeFor(index: number): string {
  const prefecture = 90 + Math.floor(index / COUNTIES_PER_PREFECTURE);
  const county = 21 + (index % COUNTIES_PER_PREFECTURE);
  return `43${prefecture}${county}`;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder), so sums are exact. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}

export function pickBand(rng: Random, bands: Bands): readonly [number, number, number] {
  let total = 0;
  for (const b of bands) total += b[2];
  let r = rng.next() * total;
  for (const b of bands) {
    r -= b[2];
    if (r < 0) return b;
  }
  return bands[bands.length - 1]!;
}

/**
 * Generates one fictitious county deterministically from a seed; `index` distinguishes the counties of a prefecture.
 */
export function generateCounty(opts: { seed: number; index?: number; today?: string; size?: CountySize }): DemoCounty {
  const seed = Math.trunc(opts.seed);
  const index = opts.index ?? 0;
  const today = opts.today ?? '2026-11-22';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || fromDay(toDay(today)) !== today) {
    throw new RangeError(`today must be a real YYYY-MM-DD date, got ${JSON.stringify(today)}`);
  }
  // County names are shuffled by the seed alone, so every index of one prefecture gets a distinct name.
  const names = countyNames(new Random(mixSeed(seed, 0x636f756e)));
  if (!Number.isInteger(index) || index < 0 || index >= names.length) {
    throw new RangeError(`index must be an integer in 0..${names.length - 1}, got ${index}`);
  }
  const countyName = names[index]!;
  const regionCode = regionCodeFor(index);
  const root = new Random(mixSeed(seed, index, 0x5eed));
  const orgRng = root.fork(1);
  const termRng = root.fork(2);
  const memberRng = root.fork(3);

  const size = opts.size ?? COUNTY_SIZE;
  const tree = buildTree(orgRng, countyName, size);
  const { orgs, holders } = emit(tree, termRng, today);
  const members = generateMembers(memberRng, holders, { seed, index, today, regionCode, members: size.members });
  return { name: countyName, regionCode, orgs, members };
}

export interface Built {
  root: Node;
  nodes: Node[];
}
