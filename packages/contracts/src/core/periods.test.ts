/** Periods in words: every key the records keep, in Chinese and English; anything else is left as it is. */
import { describe, expect, it } from 'vitest';
import { periodLabel, periodText } from './periods.js';
import { halfYearOf, isoWeekOf, quarterOf } from './chinaTime.js';

describe('periodLabel', () => {
  it('says a week, a half-year, a quarter, a month and a year in words', () => {
    expect(periodLabel('2026-W49')).toEqual({ zh: '2026年第49周', en: 'Week 49 of 2026' });
    expect(periodLabel('2026-W01')).toEqual({ zh: '2026年第1周', en: 'Week 1 of 2026' });
    expect(periodLabel('2026-H1')).toEqual({ zh: '2026年上半年', en: 'First half of 2026' });
    expect(periodLabel('2026-H2')).toEqual({ zh: '2026年下半年', en: 'Second half of 2026' });
    expect(periodLabel('2026-Q4')).toEqual({ zh: '2026年第四季度', en: 'Q4 2026' });
    expect(periodLabel('2026-Q1')).toEqual({ zh: '2026年第一季度', en: 'Q1 2026' });
    expect(periodLabel('2026-03')).toEqual({ zh: '2026年3月', en: 'March 2026' });
    expect(periodLabel('2026-12')).toEqual({ zh: '2026年12月', en: 'December 2026' });
    expect(periodLabel('2026')).toEqual({ zh: '2026年', en: '2026' });
  });

  it('leaves what is no period key as it is (no invented week 54 or month 13)', () => {
    for (const s of ['', '2026-W54', '2026-W00', '2026-13', '2026-00', '2026-Q5', '2026-H3', 'abc', '26-W01'])
      expect(periodLabel(s)).toEqual({ zh: s, en: s });
  });

  it('words the keys that chinaTime makes, with no code left', () => {
    for (const day of ['2026-01-01', '2026-06-30', '2026-07-01', '2026-12-05', '2027-01-01']) {
      for (const key of [isoWeekOf(day).week, halfYearOf(day), quarterOf(day), day.slice(0, 7)]) {
        const l = periodLabel(key);
        expect(l.zh).toMatch(/^\d{4}年/);
        expect(l.zh).not.toMatch(/[WHQ-]/);
        expect(l.en).not.toMatch(/-[WHQ]?\d/);
      }
    }
    // 2027-01-01 is in the last ISO week of 2026.
    expect(periodText(isoWeekOf('2027-01-01').week)).toBe('2026年第53周');
    expect(periodText('2026-H1', 'en')).toBe('First half of 2026');
  });
});
