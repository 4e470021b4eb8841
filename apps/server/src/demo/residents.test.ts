import { describe, expect, it } from 'vitest';
import { Random } from './random.js';
import {
  DEMO_POOR_SHARE,
  apportion,
  formGroups,
  householdSize,
  householdTags,
  iso,
  isPoorTags,
  pairHouseholds,
  requestsPerDay,
  residentsScale,
} from './residents.js';

describe('the service demo generator', () => {
  it('apportions exactly and reads the scale knob', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1_800_000, [0.2, 0.3, 0.5]).reduce((a, b) => a + b, 0)).toBe(1_800_000);
    expect(residentsScale({ DJ_DEMO_RESIDENTS_SCALE: '0.02' })).toBe(0.02);
    expect(residentsScale({ DJ_DEMO_RESIDENTS_SCALE: '2' })).toBe(1);
    expect(residentsScale({})).toBe(1);
  });

  it('writes instants exactly as toISOString does, across days, years and leap days', () => {
    const rng = new Random(11);
    const from = Date.UTC(2019, 0, 1);
    const samples = [0, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2026, 11, 31, 0, 0, 0, 1), from];
    for (let i = 0; i < 20_000; i++) samples.push(from + rng.int(0, 9 * 365 * 86_400) * 1000 + rng.int(0, 999));
    // Same-day neighbours in a row, as the requests are written, and a jump back to an earlier day.
    samples.push(samples[5]! + 1, samples[5]! + 60_000, samples[4]!);
    for (const ms of samples) expect(iso(ms)).toBe(new Date(ms).toISOString());
  });

  it('draws households of about four people with about 2% poor', () => {
    const rng = new Random(7);
    let people = 0;
    let poor = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      people += householdSize(rng);
      if (isPoorTags(householdTags(rng, DEMO_POOR_SHARE))) poor++;
    }
    expect(people / n).toBeGreaterThan(3.8);
    expect(people / n).toBeLessThan(4.2);
    expect(poor / n).toBeGreaterThan(0.018);
    expect(poor / n).toBeLessThan(0.024);
  });

  it('forms groups of about five with two or three poor households, covering the share asked', () => {
    const rng = new Random(3);
    const poor = Array.from({ length: 400 }, (_, i) => i % 40 === 0);
    const groups = formGroups(rng, poor, 0.95);
    const covered = groups.flat();
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered.length).toBe(380);
    for (const g of groups) {
      expect(g.length).toBeGreaterThanOrEqual(3);
      expect(g.length).toBeLessThanOrEqual(7);
      const p = g.filter((i) => poor[i]).length;
      expect(p === 0 || (p >= 2 && p <= 3)).toBe(true);
    }
    expect(covered.length / groups.length).toBeGreaterThan(4.5);
    expect(covered.length / groups.length).toBeLessThan(5.5);
  });

  it('pairs about 97% of poor households, mostly 3–5 to a cadre', () => {
    const pairs = pairHouseholds(new Random(5), 2700, 800);
    expect(pairs.length).toBe(Math.round(2700 * 0.97));
    const load = new Map<number, number>();
    for (const [, c] of pairs) load.set(c, (load.get(c) ?? 0) + 1);
    const inRule = [...load.values()].filter((l) => l >= 3 && l <= 5).length;
    expect(inRule / load.size).toBeGreaterThan(0.9);
    expect(new Set(pairs.map(([h]) => h)).size).toBe(pairs.length);
  });

  it('spreads five years of requests with a rising trend', () => {
    const days = requestsPerDay(1_800_000, 20_000, 5 * 365, new Random(1));
    expect(days.reduce((a, b) => a + b, 0)).toBe(1_800_000);
    const first = days.slice(0, 365).reduce((a, b) => a + b, 0);
    const last = days.slice(-365).reduce((a, b) => a + b, 0);
    expect(last / first).toBeGreaterThan(1.3);
  });
});
