/** The resident ID number check of GB 11643 (公民身份号码), and what the number tells: birth date and sex. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

export type IdProblem = 'format' | 'region' | 'birth' | 'check';

export interface IdInfo {
  ok: boolean;
  problem?: IdProblem;
  birthDate?: string;
  gender?: 'male' | 'female';
  /** The check digit the number should end with (18-digit numbers). */
  expectedCheck?: string;
}

/** The check digit of the first 17 digits. */
export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

function validDate(y: number, m: number, d: number, today: Date): boolean {
  if (y < 1900) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return false;
  return dt.getTime() <= Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
}

/** Checks an 18-digit (or legacy 15-digit) ID number; answers birth date and sex when valid. */
export function parseIdNumber(raw: string, today: Date = new Date()): IdInfo {
  const s = raw.trim().toUpperCase();
  let y: number, m: number, d: number, seq: number;
  if (/^\d{17}[\dX]$/.test(s)) {
    y = Number(s.slice(6, 10));
    m = Number(s.slice(10, 12));
    d = Number(s.slice(12, 14));
    seq = Number(s[16]);
  } else if (/^\d{15}$/.test(s)) {
    y = 1900 + Number(s.slice(6, 8));
    m = Number(s.slice(8, 10));
    d = Number(s.slice(10, 12));
    seq = Number(s[14]);
  } else {
    return { ok: false, problem: 'format' };
  }
  if (!/^[1-9]\d{5}/.test(s)) return { ok: false, problem: 'region' };
  if (!validDate(y, m, d, today)) return { ok: false, problem: 'birth' };
  if (s.length === 18) {
    const expected = checkDigit(s.slice(0, 17));
    if (expected !== s[17]) return { ok: false, problem: 'check', expectedCheck: expected };
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, birthDate: `${y}-${pad(m)}-${pad(d)}`, gender: seq % 2 === 1 ? 'male' : 'female' };
}

/** The mobile phone number format of mainland China: 1[3-9] followed by nine digits. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
