/** China time: day, month and quarter edges at 16:00 UTC (midnight in China), the holiday calendar. */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWorkingDays,
  chinaDateTime,
  chinaDay,
  chinaDayStart,
  chinaInstant,
  chinaToday,
  chinaYear,
  halfYearOf,
  halfYearRange,
  isWorkingDay,
  isoWeekOf,
  isoWeekRange,
  monthRange,
  quarterOf,
  quarterRange,
  workingDaysBetween,
} from './chinaTime.js';

describe('China time', () => {
  it('turns the day, month, quarter and year at 16:00 UTC, not at midnight UTC', () => {
    expect(chinaDay('2026-03-31T15:59:59.999Z')).toBe('2026-03-31');
    expect(chinaDay('2026-03-31T16:00:00Z')).toBe('2026-04-01');
    expect(quarterOf(chinaDay('2026-03-31T15:59:59Z'))).toBe('2026-Q1');
    expect(quarterOf(chinaDay('2026-03-31T16:00:00Z'))).toBe('2026-Q2');
    expect(chinaToday(new Date('2026-01-31T16:00:00Z')).slice(0, 7)).toBe('2026-02');
    expect(chinaYear('2025-12-31T16:00:00Z')).toBe(2026);
    expect(chinaYear(new Date('2025-12-31T15:59:00Z'))).toBe(2025);
    expect(halfYearOf(chinaDay('2026-06-30T16:00:00Z'))).toBe('2026-H2');
    expect(chinaDateTime('2026-06-30T16:05:00Z')).toBe('2026-07-01 00:05');
    expect(chinaDayStart('2026-04-01')).toBe('2026-03-31T16:00:00.000Z');
    expect(chinaInstant('2026-04-01', '09:30')).toBe('2026-04-01T01:30:00.000Z');
  });

  it('gives month, quarter and half-year boundaries, leap years included', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(quarterRange('2026-Q4')).toEqual({ quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(quarterRange('2026-Q1')).toEqual({ quarter: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
    expect(halfYearRange('2026-H1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-06-15', -6)).toBe('2025-12-15');
  });

  it('numbers ISO weeks across the turn of the year', () => {
    expect(isoWeekOf('2026-01-01')).toEqual({ week: '2026-W01', from: '2025-12-29', to: '2026-01-04' });
    expect(isoWeekOf('2027-01-01').week).toBe('2026-W53');
    expect(isoWeekRange('2026-W53')).toEqual({ week: '2026-W53', from: '2026-12-28', to: '2027-01-03' });
    expect(isoWeekRange('2025-W53')).toBeNull();
  });

  it('counts a 调休 Saturday as a working day and National Day as none', () => {
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay('2026-10-01')).toBe(false); // National Day, a Thursday
    expect(isWorkingDay('2025-10-08')).toBe(false); // Wednesday in the 2025 National Day holiday
    expect(isWorkingDay('2026-10-17')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay('2026-10-12')).toBe(true); // an ordinary Monday
    expect(isWorkingDay('2027-10-01')).toBe(true); // a year not yet published: by the weekday (a Friday)
  });

  it('adds and counts working days over the holidays', () => {
    // From Wednesday 30 September 2026: 8 October (Thursday) is the first working day after National Day.
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10'); // 8th, 9th, then the 调休 Saturday
    expect(addWorkingDays('2026-10-12', 0)).toBe('2026-10-12');
    expect(workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
    expect(workingDaysBetween('2026-10-12', '2026-10-12')).toBe(0);
  });
});
