import { describe, expect, it } from 'vitest';
import { parseIdNumber as serverParse } from '@dangjian/contracts';
import { checkDigit, parseIdNumber } from './idNumber';

describe('GB 11643 ID number', () => {
  it('computes the check digit', () => {
    expect(checkDigit('11010519491231002')).toBe('X');
    expect(checkDigit('44052419800101001')).toBe('3');
  });
  it('accepts a valid number and derives birth date and sex', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({
      ok: true,
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    expect(parseIdNumber('440524198001010013')).toMatchObject({ ok: true, birthDate: '1980-01-01', gender: 'male' });
    expect(parseIdNumber(' 11010519491231002x ').ok).toBe(true);
  });
  it('rejects a wrong check digit, a bad date, a bad province, a future birth and a bad format', () => {
    expect(parseIdNumber('110105194912310021')).toMatchObject({ ok: false, problem: 'check', expectedCheck: 'X' });
    expect(parseIdNumber('110105194902300021').problem).toBe('birth');
    expect(parseIdNumber('990105194912310021').problem).toBe('region');
    expect(parseIdNumber('11010519491231002X', new Date(1949, 11, 30)).problem).toBe('birth');
    expect(parseIdNumber('1101051949').problem).toBe('format');
    // The legacy 15-digit numbers are refused, as the server refuses them.
    expect(parseIdNumber('110105491231002').problem).toBe('format');
  });
  it('is the same check as the server: a number the form accepts is one the server accepts', () => {
    for (const n of ['11010519491231002X', '110105194912310021', '440524198001010013', '1101051949'])
      expect(parseIdNumber(n).ok).toBe(serverParse(n) !== null);
  });
});
