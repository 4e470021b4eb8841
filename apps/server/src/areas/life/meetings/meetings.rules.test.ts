import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, fixedDayOf, parsePeriod, unitOf, unitsIn } from './meetings.periods.js';
import { computeCompliance, heldKey } from './meetings.compliance.js';
import { DEFAULT_FREQUENCY, effectiveRules } from './meetings.rules.js';
import { excellentWithinShare, tallyMotion } from './meetings.votes.js';

describe('periods', () => {
  it('parses months, quarters and years, with leap years', () => {
    expect(parsePeriod('2024-02')).toMatchObject({ cadence: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(parsePeriod('2026-02')).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(parsePeriod('2026-Q4')).toMatchObject({ cadence: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2026')).toMatchObject({ cadence: 'year', from: '2026-01-01', to: '2026-12-31' });
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '26', '2026-1']) expect(parsePeriod(bad), bad).toBeNull();
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  it('finds units and their boundaries', () => {
    expect(unitOf('2026-03-31', 'quarter')).toMatchObject({ key: '2026-Q1', to: '2026-03-31' });
    expect(unitOf('2026-04-01', 'quarter')).toMatchObject({ key: '2026-Q2', from: '2026-04-01' });
    expect(unitsIn(parsePeriod('2026-Q3')!, 'month').map((u) => u.key)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(unitsIn(parsePeriod('2026')!, 'quarter').map((u) => u.key)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(fixedDayOf('2026-02', 31)).toBe('2026-02-28');
    expect(fixedDayOf('2024-02', 30)).toBe('2024-02-29');
  });
});

describe('compliance arithmetic', () => {
  const branch = { id: 1, type: 'branch', memberCount: 10 };
  const group = { id: 2, type: 'group', memberCount: 0 };
  const held = (entries: [number, string, string, number][]) =>
    new Map(entries.map(([o, k, u, n]) => [heldKey(o, k as never, u), n]));

  it('judges a quarter by month: ended months behind, the open month due soon', () => {
    const r = computeCompliance({
      today: '2026-05-20',
      span: parsePeriod('2026-Q2')!,
      rules: DEFAULT_FREQUENCY,
      orgs: [branch, group],
      held: held([
        [1, 'committee_meeting', '2026-04', 1],
        [1, 'general_meeting', '2026-Q2', 1],
        [2, 'group_meeting', '2026-04', 2],
      ]),
    });
    const item = (o: number, k: string) => r.items.find((i) => i.orgId === o && i.kind === k)!;
    // April held, May still open: 2 required so far, 1 held, not yet late.
    expect(item(1, 'committee_meeting')).toMatchObject({
      required: 2,
      held: 1,
      status: 'due_soon',
      dueBy: '2026-05-31',
    });
    expect(item(1, 'general_meeting')).toMatchObject({ required: 1, held: 1, status: 'done' });
    expect(item(1, 'party_lecture')).toMatchObject({ required: 1, held: 0, status: 'due_soon', dueBy: '2026-06-30' });
    // Two group meetings in April count once: the rule is one a month.
    expect(item(2, 'group_meeting')).toMatchObject({ required: 2, held: 1, status: 'due_soon' });
    expect(r.items.some((i) => i.orgId === 2 && i.kind === 'committee_meeting')).toBe(false);
    // Heart-to-heart: ten members, one talk each a year.
    expect(item(1, 'heart_to_heart')).toMatchObject({ required: 10, held: 0 });
  });

  it('marks behind once a unit has ended without its meeting', () => {
    const r = computeCompliance({
      today: '2026-06-02',
      span: parsePeriod('2026-05')!,
      rules: DEFAULT_FREQUENCY,
      orgs: [branch],
      held: new Map(),
    });
    expect(r.items.find((i) => i.kind === 'committee_meeting')).toMatchObject({
      required: 1,
      held: 0,
      status: 'behind',
      dueBy: null,
    });
    // A quarterly rule viewed in May is judged over Q2, which is still open.
    expect(r.items.find((i) => i.kind === 'general_meeting')).toMatchObject({ status: 'due_soon' });
  });

  it('uses the fixed day as the deadline of the theme day, and a county override', () => {
    const rules = effectiveRules({
      theme_day: { every: 'month', min: 1, fixedDay: 5 },
      party_lecture: null,
      life_meeting: { every: 'quarter', min: 2 },
    });
    const before = computeCompliance({
      today: '2026-06-04',
      span: parsePeriod('2026-06')!,
      rules,
      orgs: [branch],
      held: new Map(),
    });
    expect(before.items.find((i) => i.kind === 'theme_day')).toMatchObject({ status: 'due_soon', dueBy: '2026-06-05' });
    const after = computeCompliance({
      today: '2026-06-06',
      span: parsePeriod('2026-06')!,
      rules,
      orgs: [branch],
      held: new Map(),
    });
    expect(after.items.find((i) => i.kind === 'theme_day')!.status).toBe('behind');
    expect(after.items.some((i) => i.kind === 'party_lecture')).toBe(false);
    expect(after.items.find((i) => i.kind === 'life_meeting')).toMatchObject({ required: 2 });
  });

  it('requires nothing for units not yet begun, and computes the rate', () => {
    const r = computeCompliance({
      today: '2026-03-10',
      span: parsePeriod('2026')!,
      rules: { ...DEFAULT_FREQUENCY, heart_to_heart: null },
      orgs: [branch],
      held: held([
        [1, 'committee_meeting', '2026-01', 1],
        [1, 'committee_meeting', '2026-02', 1],
      ]),
    });
    expect(r.items.find((i) => i.kind === 'committee_meeting')).toMatchObject({
      required: 3,
      held: 2,
      status: 'due_soon',
    });
    expect(r.items.find((i) => i.kind === 'general_meeting')).toMatchObject({ required: 1 });
    const required = r.items.reduce((a, i) => a + i.required, 0);
    const got = r.items.reduce((a, i) => a + i.held, 0);
    expect(r.summary.rate).toBeCloseTo(got / required, 4);
    expect(
      computeCompliance({
        today: '2025-12-31',
        span: parsePeriod('2026')!,
        rules: DEFAULT_FREQUENCY,
        orgs: [branch],
        held: new Map(),
      }).items,
    ).toEqual([]);
  });
});

describe('votes and reviews', () => {
  it('needs more than half of the full members present, and yes from more than half of those entitled', () => {
    expect(tallyMotion({ entitled: 10, presentVoting: 5, yes: 5, no: 0, abstain: 0 })).toMatchObject({
      quorumMet: false,
      passed: false,
    });
    expect(tallyMotion({ entitled: 10, presentVoting: 6, yes: 5, no: 1, abstain: 0 })).toMatchObject({
      quorumMet: true,
      passed: false,
    });
    expect(tallyMotion({ entitled: 10, presentVoting: 6, yes: 6, no: 0, abstain: 0 })).toMatchObject({
      quorumMet: true,
      passed: true,
    });
    expect(tallyMotion({ entitled: 10, presentVoting: 6, yes: 6, no: 1, abstain: 0 }).valid).toBe(false);
    expect(tallyMotion({ entitled: 3, presentVoting: 2, yes: 2, no: 0, abstain: 0 })).toMatchObject({
      quorumMet: true,
      passed: true,
    });
  });

  it('allows no more than one third excellent', () => {
    expect(excellentWithinShare(['excellent', 'qualified', 'qualified'])).toBe(true);
    expect(excellentWithinShare(['excellent', 'excellent', 'qualified'])).toBe(false);
    expect(excellentWithinShare(['excellent', 'qualified'])).toBe(false);
    expect(excellentWithinShare(Array(9).fill('qualified').concat(Array(3).fill('excellent')))).toBe(true);
    expect(excellentWithinShare(Array(8).fill('qualified').concat(Array(4).fill('excellent')))).toBe(true);
    expect(excellentWithinShare(Array(7).fill('qualified').concat(Array(4).fill('excellent')))).toBe(false);
  });
});
