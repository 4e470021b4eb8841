import { beforeAll, describe, expect, it } from 'vitest';
import { isValidMobile, parseIdNumber } from '../platform/idcard.js';
import { generateCounty, type DemoCounty } from './county.js';
import { addYears } from './random.js';

const TODAY = '2026-11-22';
const TODAY_DATE = new Date(2026, 10, 22, 12);

let county: DemoCounty;

// Its speed is measured by `npm run bench` (demo generation), not by a timed test on a shared machine.
beforeAll(() => {
  county = generateCounty({ seed: 1 });
});

describe('generateCounty', () => {
  it('is deterministic for a seed and differs across seeds and indexes', () => {
    const again = generateCounty({ seed: 1 });
    expect(again).toEqual(county);
    const other = generateCounty({ seed: 2 });
    expect(other.members.map((m) => m.idNumber)).not.toEqual(county.members.map((m) => m.idNumber));
    const sibling = generateCounty({ seed: 1, index: 1 });
    expect(sibling.name).not.toBe(county.name);
    expect(sibling.regionCode).not.toBe(county.regionCode);
    const phones = new Set(county.members.map((m) => m.phone));
    expect(sibling.members.some((m) => phones.has(m.phone))).toBe(false);
  });

  it('has the scale of the seeds', () => {
    expect(county.orgs.length).toBeGreaterThanOrEqual(760);
    expect(county.orgs.length).toBeLessThanOrEqual(840);
    expect(county.members.length).toBeGreaterThanOrEqual(19_000);
    expect(county.members.length).toBeLessThanOrEqual(21_000);
    const townships = county.orgs.filter((o) => o.unit === 'township');
    expect(townships).toHaveLength(16);
    expect(townships.every((o) => o.type === 'committee' && o.field === 'rural' && o.parentKey === 'c')).toBe(true);
    const villages = county.orgs.filter(
      (o) => o.unit === 'village' && o.parentKey && county.orgs.find((p) => p.key === o.parentKey)?.unit === 'township',
    );
    expect(villages.length).toBeGreaterThanOrEqual(280);
    expect(villages.length).toBeLessThanOrEqual(300);
    const communities = county.orgs.filter((o) => o.unit === 'community');
    expect(communities.length).toBeGreaterThanOrEqual(35);
    expect(communities.length).toBeLessThanOrEqual(45);
    const chains = county.orgs.filter((o) => o.field === 'industry_chain');
    expect(chains.length).toBeGreaterThanOrEqual(25);
    expect(chains.length).toBeLessThanOrEqual(31);
  });

  it('has one root and puts every parent before its children', () => {
    const roots = county.orgs.filter((o) => o.parentKey === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ key: 'c', type: 'committee', unit: 'county' });
    expect(roots[0]!.name).toMatch(/县委$/);
    const seen = new Set<string>();
    for (const o of county.orgs) {
      expect(seen.has(o.key)).toBe(false);
      if (o.parentKey !== null) expect(seen.has(o.parentKey)).toBe(true);
      seen.add(o.key);
    }
  });

  it('keeps org types and fields consistent', () => {
    const byKey = new Map(county.orgs.map((o) => [o.key, o]));
    for (const o of county.orgs) {
      if (o.type === 'group') {
        expect(o.unit).toBe('group');
        expect(byKey.get(o.parentKey!)?.type).toBe('branch');
      }
      if (o.type === 'general_branch') {
        const kids = county.orgs.filter((c) => c.parentKey === o.key);
        expect(kids.length).toBeGreaterThanOrEqual(2);
        expect(kids.length).toBeLessThanOrEqual(3);
      }
      if (o.unit === 'village') expect(o.field).toBe('rural');
      if (o.unit === 'community') expect(o.field).toBe('community');
      if (o.unit === 'industry_chain') expect(o.field).toBe('industry_chain');
      // a child never has a group or a branch above it that could not hold it
      if (o.parentKey) expect(['committee', 'general_branch', 'branch']).toContain(byKey.get(o.parentKey)!.type);
    }
    for (const field of ['organ', 'institution', 'state_enterprise', 'private_enterprise', 'social_org'] as const) {
      expect(county.orgs.some((o) => o.field === field)).toBe(true);
    }
    expect(county.orgs.some((o) => o.type === 'joint_branch')).toBe(true);
  });

  it('records terms: 5 years for villages, 3 for units, some due soon, a few overdue, a few missing', () => {
    const withTerm = county.orgs.filter((o) => o.type !== 'group');
    const missing = withTerm.filter((o) => o.termStart === null).length / withTerm.length;
    expect(missing).toBeGreaterThan(0.01);
    expect(missing).toBeLessThan(0.1);
    let overdue = 0;
    let due = 0;
    const inSixMonths = '2027-05-22';
    for (const o of withTerm) {
      if (o.termStart === null) {
        expect(o.termEnd).toBeNull();
        continue;
      }
      const years = ['village', 'community', 'county', 'township'].includes(o.unit) ? 5 : 3;
      expect(o.termEnd).toBe(addYears(o.termStart, years));
      expect(o.termStart <= TODAY).toBe(true);
      if (o.termEnd! < TODAY) overdue++;
      else if (o.termEnd! <= inSixMonths) due++;
    }
    expect(overdue).toBeGreaterThan(0);
    expect(overdue / withTerm.length).toBeLessThan(0.1);
    expect(due).toBeGreaterThan(0);
  });

  it('places members only in orgs that hold members', () => {
    const byKey = new Map(county.orgs.map((o) => [o.key, o]));
    expect(new Set(county.members.map((m) => m.key)).size).toBe(county.members.length);
    const misplaced = county.members.filter((m) => {
      const org = byKey.get(m.orgKey);
      if (!org) return true;
      if (org.type === 'group' || org.type === 'general_branch') return true;
      return org.type === 'committee' && org.unit !== 'township';
    });
    expect(misplaced).toEqual([]);
    const townshipStaff = county.members.filter((m) => byKey.get(m.orgKey)!.type === 'committee').length;
    expect(townshipStaff).toBeGreaterThan(0);
    expect(townshipStaff).toBeLessThan(50);
  });

  it('gives every member a valid, unique ID number that agrees with birth date and sex', () => {
    const wrong = county.members.filter((m) => {
      const info = parseIdNumber(m.idNumber, TODAY_DATE);
      return (
        !info || info.regionCode !== county.regionCode || info.birthDate !== m.birthDate || info.gender !== m.gender
      );
    });
    expect(wrong).toEqual([]);
    expect(new Set(county.members.map((m) => m.idNumber)).size).toBe(county.members.length);
  });

  it('gives every member a valid, unique mobile number', () => {
    const phones = new Set(county.members.map((m) => m.phone));
    expect(phones.size).toBe(county.members.length);
    expect(county.members.every((m) => isValidMobile(m.phone) && /^1(3|5|8)\d{9}$/.test(m.phone))).toBe(true);
  });

  it('has realistic shares of women and probationary members', () => {
    const n = county.members.length;
    const women = county.members.filter((m) => m.gender === 'female').length / n;
    expect(women).toBeGreaterThanOrEqual(0.24);
    expect(women).toBeLessThanOrEqual(0.3);
    const probationary = county.members.filter((m) => m.status === 'probationary').length / n;
    expect(probationary).toBeGreaterThanOrEqual(0.01);
    expect(probationary).toBeLessThanOrEqual(0.04);
    const han = county.members.filter((m) => m.ethnicity === 'han').length / n;
    expect(han).toBeGreaterThan(0.8);
    expect(han).toBeLessThan(0.97);
  });

  it('keeps dates coherent: adult at joining, nothing in the future, one year of probation', () => {
    const lastYear = addYears(TODAY, -1);
    const wrong = county.members.filter((m) => {
      if (m.birthDate < '1900-01-01' || m.joinedAt < addYears(m.birthDate, 18) || m.joinedAt > TODAY) return true;
      if (m.status === 'probationary') return m.fullMemberAt !== null || m.joinedAt <= lastYear;
      return m.fullMemberAt === null || m.fullMemberAt > TODAY || m.fullMemberAt !== addYears(m.joinedAt, 1);
    });
    expect(wrong).toEqual([]);
    const earliest = county.members.reduce((a, m) => (m.joinedAt < a ? m.joinedAt : a), TODAY);
    expect(earliest >= '1950-01-01' && earliest < '1960-01-01').toBe(true);
    // joining dates are spread, not piled up on a clamp boundary
    const perDay = new Map<string, number>();
    for (const m of county.members) perDay.set(m.joinedAt, (perDay.get(m.joinedAt) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThan(20);
  });

  it('correlates age, education and category with the field', () => {
    const byKey = new Map(county.orgs.map((o) => [o.key, o]));
    const age = (birth: string) => Number(TODAY.slice(0, 4)) - Number(birth.slice(0, 4));
    const ruralOld = county.members.filter((m) => byKey.get(m.orgKey)!.field === 'rural' && age(m.birthDate) >= 65);
    const organ = county.members.filter((m) => byKey.get(m.orgKey)!.field === 'organ');
    const share = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length / xs.length;
    expect(share(ruralOld, (m) => m.education === 'primary' || m.education === 'junior')).toBeGreaterThan(0.7);
    expect(share(organ, (m) => m.education === 'bachelor' || m.education === 'postgraduate')).toBeGreaterThan(0.6);
    expect(share(organ, (m) => m.category === 'civil_servant')).toBeGreaterThan(0.7);
    expect(share(organ, (m) => age(m.birthDate) <= 60)).toBe(1);
    const rural = county.members.filter((m) => byKey.get(m.orgKey)!.field === 'rural');
    expect(share(rural, (m) => m.category === 'farmer')).toBeGreaterThan(0.6);
    expect(share(rural, (m) => age(m.birthDate) >= 50)).toBeGreaterThan(0.55);
  });

  it('accepts a custom today and rejects a bad one', () => {
    const past = generateCounty({ seed: 3, today: '2020-03-01' });
    const future = past.members.filter((m) => m.joinedAt > '2020-03-01' || (m.fullMemberAt ?? '') > '2020-03-01');
    expect(future).toEqual([]);
    expect(past.orgs.every((o) => o.termStart === null || o.termStart <= '2020-03-01')).toBe(true);
    expect(() => generateCounty({ seed: 3, today: '2020-02-30' })).toThrow(RangeError);
    expect(() => generateCounty({ seed: 3, index: -1 })).toThrow(RangeError);
  });
});
