import { describe, expect, it } from 'vitest';
import {
  checkIdNumber,
  idCheckDigit,
  isValidMobile,
  makeIdNumber,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
  parseIdNumber,
} from './idcard.js';

// Local-time constructor: parseIdNumber compares against the local calendar date.
const TODAY = new Date(2026, 10, 22, 12, 0, 0);

// Check digits below were worked out by hand from the standard's weights
// (7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2) and map (1,0,X,9,8,7,6,5,4,3,2).
describe('idCheckDigit', () => {
  it('matches hand-computed values', () => {
    // sum 167, 167 mod 11 = 2 -> X (the standard's own example)
    expect(idCheckDigit('11010519491231002')).toBe('X');
    // sum 195, mod 11 = 8 -> 4
    expect(idCheckDigit('44052418800101001')).toBe('4');
    // sum 177, mod 11 = 1 -> 0
    expect(idCheckDigit('43010220000229123')).toBe('0');
    // sum 175, mod 11 = 10 -> 2
    expect(idCheckDigit('43010220261123123')).toBe('2');
  });

  it('rejects anything but 17 digits', () => {
    expect(() => idCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseIdNumber', () => {
  it('accepts a known-good number and reads it', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  it('accepts a lowercase x and surrounding spaces', () => {
    expect(parseIdNumber(' 11010519491231002x ', TODAY)?.birthDate).toBe('1949-12-31');
  });

  it('rejects a wrong check digit', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toBeNull();
    expect(parseIdNumber('430102200002291231', TODAY)).toBeNull();
  });

  it('knows Feb 29 only in leap years', () => {
    // 2000 is a leap year (divisible by 400)
    expect(parseIdNumber('430102200002291230', TODAY)).toEqual({
      regionCode: '430102',
      birthDate: '2000-02-29',
      gender: 'male',
    });
    // 2001 is not; check digit is right (sum 180 -> 4 -> 8), date is not
    expect(idCheckDigit('43010220010229123')).toBe('8');
    expect(parseIdNumber('430102200102291238', TODAY)).toBeNull();
    // 1900 is not (divisible by 100 but not by 400)
    const feb29of1900 = '43010219000229123';
    expect(parseIdNumber(feb29of1900 + idCheckDigit(feb29of1900), TODAY)).toBeNull();
  });

  it('rejects impossible dates', () => {
    for (const date of ['19991301', '19990431', '19990100', '19990000']) {
      const first17 = `430102${date}123`;
      expect(parseIdNumber(first17 + idCheckDigit(first17), TODAY)).toBeNull();
    }
  });

  it('rejects a birth date in the future, accepts today', () => {
    expect(parseIdNumber('430102202611231232', TODAY)).toBeNull();
    // same but born 2026-11-22: sum 170 -> 5 -> 7
    expect(parseIdNumber('430102202611221237', TODAY)?.birthDate).toBe('2026-11-22');
  });

  it('rejects births before 1900 even with a correct check digit', () => {
    expect(parseIdNumber('440524188001010014', TODAY)).toBeNull();
  });

  it('rejects an unknown province code', () => {
    // sum 158 -> 4 -> 8: a correct check digit on province 10
    expect(parseIdNumber('100105194912310028', TODAY)).toBeNull();
    for (const p of ['00', '16', '20', '24', '30', '38', '47', '55', '66', '70', '84', '99']) {
      const first17 = `${p}010519491231002`;
      expect(parseIdNumber(first17 + idCheckDigit(first17), TODAY)).toBeNull();
    }
    for (const p of ['11', '15', '23', '37', '46', '54', '65', '71', '81', '82', '83']) {
      const first17 = `${p}010519491231002`;
      expect(parseIdNumber(first17 + idCheckDigit(first17), TODAY)).not.toBeNull();
    }
  });

  it('rejects the wrong length and stray characters', () => {
    expect(parseIdNumber('', TODAY)).toBeNull();
    expect(parseIdNumber('11010519491231002', TODAY)).toBeNull();
    expect(parseIdNumber('11010519491231002X1', TODAY)).toBeNull();
    expect(parseIdNumber('110105491231002', TODAY)).toBeNull(); // old 15-digit form
    expect(parseIdNumber('1101051949123100X2', TODAY)).toBeNull();
    expect(parseIdNumber('11010519491231 002X', TODAY)).toBeNull();
  });

  it('reads the sex from the parity of the 17th digit', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)?.gender).toBe('female');
    expect(parseIdNumber('430102200002291230', TODAY)?.gender).toBe('male');
  });
});

describe('makeIdNumber', () => {
  it('builds numbers that parse back to their inputs', () => {
    for (const [seq, gender] of [
      [0, 'male'],
      [0, 'female'],
      [1, 'male'],
      [1, 'female'],
      [998, 'male'],
      [999, 'female'],
      [999, 'male'],
    ] as const) {
      const id = makeIdNumber('431121', '1968-02-29', seq, gender);
      expect(id).toHaveLength(18);
      expect(parseIdNumber(id, TODAY)).toEqual({ regionCode: '431121', birthDate: '1968-02-29', gender });
      expect(Math.abs(Number(id.slice(14, 17)) - seq)).toBeLessThanOrEqual(1);
    }
  });

  it('reproduces the hand-computed examples', () => {
    expect(makeIdNumber('110105', '1949-12-31', 2, 'female')).toBe('11010519491231002X');
    expect(makeIdNumber('430102', '2000-02-29', 123, 'male')).toBe('430102200002291230');
    // 123 is odd, so a woman gets 122
    expect(makeIdNumber('430102', '2000-02-29', 123, 'female').slice(14, 17)).toBe('122');
  });

  it('refuses bad input', () => {
    expect(() => makeIdNumber('43112', '1968-02-29', 1, 'male')).toThrow(RangeError);
    expect(() => makeIdNumber('431121', '1969-02-29', 1, 'male')).toThrow(RangeError);
    expect(() => makeIdNumber('431121', '19680229', 1, 'male')).toThrow(RangeError);
    expect(() => makeIdNumber('431121', '1968-02-28', 1000, 'male')).toThrow(RangeError);
    expect(() => makeIdNumber('431121', '1968-02-28', -1, 'male')).toThrow(RangeError);
    expect(() => makeIdNumber('431121', '1968-02-28', 1.5, 'male')).toThrow(RangeError);
  });
});

describe('normalizers', () => {
  it('normalizes ID numbers', () => {
    expect(normalizeIdNumber('  11010519491231002x\n')).toBe('11010519491231002X');
  });

  it('normalizes phones', () => {
    expect(normalizePhone('+86 138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('0086-138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('8613812345678')).toBe('13812345678');
    expect(normalizePhone(' 13812345678 ')).toBe('13812345678');
  });
});

describe('isValidMobile', () => {
  it('accepts 11 digits starting 13-19', () => {
    for (const p of ['13812345678', '15012345678', '18912345678', '19912345678', '+8613812345678', '138-1234-5678']) {
      expect(isValidMobile(p)).toBe(true);
    }
  });

  it('rejects the rest', () => {
    for (const p of [
      '',
      '12812345678',
      '10012345678',
      '1381234567',
      '138123456789',
      '1381234567a',
      '02112345678',
      '+1 13812345678',
    ]) {
      expect(isValidMobile(p)).toBe(false);
    }
  });
});

describe('masks', () => {
  it('masks an ID number keeping first 6 and last 4', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110105********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
  });

  it('masks a phone keeping first 3 and last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
  });

  it('never shows a short value whole', () => {
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('')).toBe('');
  });
});

describe('checkIdNumber', () => {
  it('says which part of a refused number is wrong', () => {
    expect(checkIdNumber('11010519491231002X', TODAY)).toMatchObject({ ok: true, regionCode: '110105' });
    expect(checkIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'check', expectedCheck: 'X' });
    expect(checkIdNumber('110105194902300021', TODAY).problem).toBe('birth');
    expect(checkIdNumber('990105194912310021', TODAY).problem).toBe('region');
    expect(checkIdNumber('12345', TODAY).problem).toBe('format');
  });
  it('agrees with parseIdNumber', () => {
    for (const n of ['11010519491231002X', '110105194912310021', '440524198001010013', 'x'])
      expect(checkIdNumber(n, TODAY).ok).toBe(parseIdNumber(n, TODAY) !== null);
  });
});
