/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999) and mainland mobile numbers: validation, generation for demo
 * data, and masking for display. One copy for the server and the web app.
 */

export interface IdInfo {
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'male' | 'female';
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes in use (incl. 71 Taiwan, 81 Hong Kong, 82 Macao, 83 for residence permits). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

const ID_SHAPE = /^\d{17}[\dX]$/;
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The calendar date of `d` where the server runs, so "today" matches what the clerk's wall calendar says. */
function localIsoDate(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

/** The check character (0-9 or X) for the first 17 digits. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`idCheckDigit needs 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Normalizes an ID number (trim, uppercase X) so that the same person is always stored and compared one way. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Why an ID number is refused: its shape, its province, its birth date, or its check character. */
export type IdProblem = 'format' | 'region' | 'birth' | 'check';

/** The outcome of checking an ID number: what it tells when valid, what is wrong when not. */
export interface IdCheck {
  ok: boolean;
  problem?: IdProblem;
  regionCode?: string;
  birthDate?: string;
  gender?: 'male' | 'female';
  /** The check character an 18-character number with a wrong one should end with. */
  expectedCheck?: string;
}

/**
 * Checks an ID number (province, real birth date in [1900-01-01, today], MOD 11-2 check character) and says which
 * part is wrong, so a form can tell the clerk what to fix.
 */
export function checkIdNumber(raw: string, today: Date = new Date()): IdCheck {
  const id = normalizeIdNumber(raw);
  if (!ID_SHAPE.test(id)) return { ok: false, problem: 'format' };
  if (!PROVINCES.has(id.slice(0, 2))) return { ok: false, problem: 'region' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || !isRealDate(year, month, day)) return { ok: false, problem: 'birth' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > localIsoDate(today)) return { ok: false, problem: 'birth' };
  const expected = idCheckDigit(id.slice(0, 17));
  if (expected !== id[17]) return { ok: false, problem: 'check', expectedCheck: expected };
  return {
    ok: true,
    regionCode: id.slice(0, 6),
    birthDate,
    gender: (id.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
  };
}

/** Parses a valid ID number; null when invalid, so callers never trust a typo. */
export function parseIdNumber(raw: string, today: Date = new Date()): IdInfo | null {
  const r = checkIdNumber(raw, today);
  return r.ok ? { regionCode: r.regionCode!, birthDate: r.birthDate!, gender: r.gender! } : null;
}

/**
 * Builds a valid ID number for demo and test data; the sequence's parity is flipped when needed so that it states
 * the given sex.
 */
export function makeIdNumber(
  regionCode: string,
  birthDate: string,
  sequence: number,
  gender: 'male' | 'female',
): string {
  if (!/^\d{6}$/.test(regionCode))
    throw new RangeError(`region code must be 6 digits, got ${JSON.stringify(regionCode)}`);
  const m = DATE_SHAPE.exec(birthDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`birth date must be a real YYYY-MM-DD date, got ${JSON.stringify(birthDate)}`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer in 0..999, got ${sequence}`);
  }
  const wantOdd = gender === 'male';
  const seq = (sequence % 2 === 1) === wantOdd ? sequence : sequence ^ 1;
  const first17 = `${regionCode}${m[1]}${m[2]}${m[3]}${pad(seq, 3)}`;
  return first17 + idCheckDigit(first17);
}

/** Strips separators and a +86/0086 country prefix so that one phone number has one stored form. */
export function normalizePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s\-().]/g, '');
  const m = /^(?:\+86|0086|86)(\d{11})$/.exec(compact);
  return m ? m[1]! : compact;
}

/** The mainland mobile number format: 1[3-9] followed by nine digits. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Whether a mainland mobile number is well-formed (after normalizePhone), to reject typos before an SMS is sent. */
export function isValidMobile(phone: string): boolean {
  return MOBILE_PATTERN.test(normalizePhone(phone));
}

/**
 * A mainland landline (座机): an area code (010, 02x or a 4-digit 0xxx, optionally in brackets), a 7–8 digit number
 * that starts 2–9, and an optional extension (-123, 转123). Written 0571-88889999 in the examples people know.
 */
const LANDLINE = /^\(?(0(?:10|2\d|[3-9]\d{2}))\)?[-\s]?([2-9]\d{6,7})(?:(?:[-\s]|转|ext\.?|#)\s*(\d{1,6}))?$/i;

/** The one stored form of a landline, `区号-号码` or `区号-号码-分机`; null when it is not one. */
export function normalizeLandline(raw: string): string | null {
  const s = raw
    .trim()
    .replace(/[－—–]/g, '-')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
  const m = LANDLINE.exec(s);
  return m ? `${m[1]}-${m[2]}${m[3] ? `-${m[3]}` : ''}` : null;
}

/**
 * The one phone rule of server and web: the stored form of a contact number — a mobile, or, where a landline is
 * normal (`landline`: a household's contact, a request's contact), a landline too; null when it is neither.
 */
export function contactPhone(raw: string, landline: boolean): string | null {
  const mobile = normalizePhone(raw);
  if (MOBILE_PATTERN.test(mobile)) return mobile;
  return landline ? normalizeLandline(raw) : null;
}

/** Masks an ID number for lists and exports (keeps first 6 and last 4): a screen or a sheet never shows a whole one. */
export function maskIdNumber(id: string): string {
  const s = normalizeIdNumber(id);
  if (s.length <= 10) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}

/** Masks a phone number (keeps first 3 and last 4): enough to recognise one's own, not to call a stranger. */
export function maskPhone(phone: string): string {
  // A landline keeps its area code (where it is) and the last four digits of the number.
  const landline = /^(0\d{2,3})-(\d{7,8})(-\d+)?$/.exec(phone.trim());
  if (landline)
    return `${landline[1]}-${'*'.repeat(landline[2]!.length - 4)}${landline[2]!.slice(-4)}${landline[3] ?? ''}`;
  const s = normalizePhone(phone);
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}
