/**
 * The residents demo's plan: its totals and scale, and the pure steps that shape households, groups, pairs and
 * requests.
 */
import { CHINA_OFFSET_MS, POOR_TAGS, type HouseholdTag } from '@dangjian/contracts';
import type { DemoOrg } from '../county.js';
import { Random } from '../random.js';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
/** China time is UTC+8 all year. */
export const CST_MS = CHINA_OFFSET_MS;

/** Households and people of the county at full scale (seed 000: 128,661 households, 514,035 people). */
export const DEMO_HOUSEHOLDS = 130_000;
/** Poor households (seed 001: 2,707). */
export const DEMO_POOR_SHARE = 0.021;
/** Requests over five years (seed 001: 1,865,000 accepted). */
export const DEMO_REQUESTS = 1_800_000;
/** Micro-wishes and suggestions (seed 004: 6,300 collected, 5,720 fulfilled). */
export const DEMO_WISHES = 6_300;
export const DEMO_ERRANDS = 21_000;

/** The scale of the service demo from DJ_DEMO_RESIDENTS_SCALE (0 < s ≤ 1, default 1). */
export function residentsScale(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.DJ_DEMO_RESIDENTS_SCALE);
  return Number.isFinite(s) && s > 0 && s <= 1 ? s : 1;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainders), so the parts sum exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}

/** People in a household: 1–8, mean ≈ 4.0 (seed 000: 514,035 people in 128,661 households). */
export function householdSize(rng: Random): number {
  return rng.weighted(PEOPLE);
}
const PEOPLE: ReadonlyArray<readonly [number, number]> = [
  [1, 7],
  [2, 15],
  [3, 18],
  [4, 22],
  [5, 19],
  [6, 12],
  [7, 5],
  [8, 2],
];

/** Tags of a household: poor ones carry one of the poverty tags; some others carry care tags; the rest are ordinary. */
export function householdTags(rng: Random, poorShare: number): HouseholdTag[] {
  const tags: HouseholdTag[] = [];
  if (rng.chance(poorShare))
    tags.push(
      rng.weighted<HouseholdTag>([
        ['lifted_out', 60],
        ['monitored', 14],
        ['subsistence', 20],
        ['five_guarantees', 6],
      ]),
    );
  if (rng.chance(0.03)) tags.push('disabled');
  if (rng.chance(0.04)) tags.push('elderly_alone');
  if (rng.chance(0.05)) tags.push('left_behind');
  if (rng.chance(0.015)) tags.push('military');
  return tags.length ? tags : ['ordinary'];
}

/** Whether tags make a household poor (the POOR_TAGS of the contracts). */
export function isPoorTags(tags: readonly string[]): boolean {
  return tags.some((t) => (POOR_TAGS as readonly string[]).includes(t));
}

/**
 * Forms household groups of one village: about five households each, 2–3 poor ones per group while the village
 * has them, covering `coverage` of the households (the rest are left out, as in a village still catching up).
 * Returns groups as lists of indexes into `poor`.
 */
export function formGroups(rng: Random, poor: readonly boolean[], coverage: number): number[][] {
  const idx = rng.shuffle(poor.map((_, i) => i));
  const covered = idx.slice(0, Math.round(idx.length * coverage));
  const poorQ = covered.filter((i) => poor[i]);
  const plainQ = covered.filter((i) => !poor[i]);
  const groups: number[][] = [];
  const n = Math.max(1, Math.round(covered.length / 5));
  // Poor households first, two or three to a group, so that groups with poor households meet the rule.
  for (let g = 0; g < n; g++) groups.push([]);
  let g = 0;
  while (poorQ.length) {
    const take = poorQ.length === 4 ? 2 : Math.min(poorQ.length, rng.chance(0.5) ? 2 : 3);
    groups[g % n]!.push(...poorQ.splice(0, take));
    g++;
  }
  // Then fill every group up to 4–6 households, round-robin for the remainder.
  for (const grp of groups) {
    const want = Math.max(grp.length, rng.int(4, 6));
    while (grp.length < want && plainQ.length) grp.push(plainQ.pop()!);
  }
  for (let k = 0; plainQ.length; k++) groups[k % n]!.push(plainQ.pop()!);
  return groups.filter((x) => x.length > 0);
}

/**
 * Pairs poor households with cadres: each cadre takes 3–5 (a few take 1–2 or 6, so the gaps page has something
 * to show), and about 3% of households are left without a cadre. Returns [household index, cadre index] pairs.
 */
export function pairHouseholds(rng: Random, households: number, cadres: number): [number, number][] {
  const order = rng.shuffle(Array.from({ length: households }, (_, i) => i));
  const paired = order.slice(0, Math.round(households * 0.97));
  const out: [number, number][] = [];
  let c = 0;
  for (let i = 0; i < paired.length && c < cadres; c++) {
    const load = rng.chance(0.03) ? rng.int(1, 2) : rng.chance(0.02) ? 6 : rng.int(3, 5);
    for (let k = 0; k < load && i < paired.length; k++, i++) out.push([paired[i]!, c]);
  }
  return out;
}

/** Requests per day over `days` days: a rising trend as the centres took hold, quieter weekends; sums to `total`. */
export function requestsPerDay(total: number, firstDay: number, days: number, rng: Random): number[] {
  const w = Array.from({ length: days }, (_, i) => {
    const wd = (firstDay + i + 4) % 7;
    return (1 + (0.7 * i) / days) * (wd === 0 || wd === 6 ? 0.45 : 1) * (0.85 + rng.next() * 0.3);
  });
  return apportion(total, w);
}

// ---------------------------------------------------------------------------------------------------------
// Texts

export interface Place {
  org: DemoOrg;
  id: number;
  path: string;
  townshipKey: string;
  community: boolean;
  stem: string;
  /** Members of the place's subtree (ids and names); the first is the secretary. */
  members: { id: number; name: string }[];
  hhFrom: number;
  hhTo: number;
}

export interface Hh {
  id: number;
  place: number;
  head: string;
  poor: boolean;
  people: number;
  phoneEnc: string;
  phoneHash: string;
  phoneMasked: string;
}

export const pad2 = (n: number) => String(n).padStart(2, '0');
// The day part of the last instant written: millions of timestamps of five years share ~1,800 days, and building the
// date part once per day instead of through Date for each is a noticeable share of the requests' generation.
let isoDay = Number.NaN;
let isoPrefix = '';
const p2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const p3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/** `new Date(ms).toISOString()` for the instants of the demo (years 1970–9999), the same text, faster. */
export const iso = (ms: number): string => {
  const day = Math.floor(ms / DAY_MS);
  if (day !== isoDay) {
    isoDay = day;
    isoPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / HOUR_MS);
  rest -= h * HOUR_MS;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  return `${isoPrefix}${p2(h)}:${p2(m)}:${p2(sec)}.${p3(rest - sec * 1000)}Z`;
};
