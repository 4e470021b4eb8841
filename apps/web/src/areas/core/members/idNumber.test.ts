import { describe, expect, it } from 'vitest';
import { checkDigit, parseIdNumber } from './idNumber';

describe('GB 11643 ID number', () => {
  it('computes the check digit', () => {
    expect(checkDigit('11010519491231002')).toBe('X');
    expect(checkDigit('44052419800101001')).toBe('3');
  });
  it('accepts a valid number and derives birth date and sex', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ ok: true, birthDate: '1949-12-31', gender: 'female' });
    expect(parseIdNumber('440524198001010013')).toMatchObject({ ok: true, birthDate: '1980-01-01', gender: 'male' });
  });
  it('rejects a wrong check digit, a bad date and a bad format', () => {
    expect(parseIdNumber('110105194912310021')).toMatchObject({ ok: false, problem: 'check', expectedCheck: 'X' });
    expect(parseIdNumber('110105194902300021').problem).toBe('birth');
    expect(parseIdNumber('1101051949').problem).toBe('format');
  });
});
