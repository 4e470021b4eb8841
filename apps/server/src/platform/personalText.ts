/**
 * The one detector of personal numbers typed into free text: mainland mobile numbers, landlines with an
 * area code, and resident ID numbers (18 and 15 digits), however they are written — spaces, dots,
 * dashes, parentheses between digit groups, a +86/0086/86 prefix, full-width digits and separators.
 *
 * Rules (chosen to catch numbers without touching ordinary Chinese prose):
 * - Digits are read in groups (maximal digit runs). Groups join when at most three separator characters
 *   (space, tab, `-` `.` `(` `)` `/` `·` and their full-width or dash variants) stand between them; a
 *   number is a run of whole groups, so a digit never starts or ends a match in the middle of a longer
 *   number (an order number or a bank reference is left alone). Line breaks do not join groups.
 * - Mobile: `1[3-9]` + 9 digits, optionally after 86 / 0086 (a `+` or `(` before the prefix is taken too).
 * - Landline: area code + local number, `0(10|2x)` + 8 digits or `0[3-9]xx` + 7–8 digits (11–12 digits
 *   in all). A local number without its area code is not caught: it cannot be told from a date (20261204).
 * - ID, 18 characters (17 digits and a digit or X): caught when the GB 11643 check digit is right, and
 *   also when it is wrong but the number starts with a province code and carries a real birth date
 *   (1900–2099) — a typo in someone's ID is still that person's ID. Other 18-digit runs are left alone.
 * - ID, 15 digits (first generation): a province code and a real YYMMDD birth date.
 * - Dates (2026-12-04), times, amounts (1,380.50 元), counts and house numbers (3号楼2单元501) never
 *   reach 10 digits in one run of groups, so they are not touched. Chinese numerals (一三九…) are not read.
 * Full-width characters are folded to half-width for detection only; spans index the original text.
 */
import { idCheckDigit, maskIdNumber, maskPhone } from './idcard.js';

/** What a found number is. */
export type PersonalNumberKind = 'mobile' | 'landline' | 'id';

/** One personal number in a text: `text.slice(start, end)` is the number as typed; `digits` is its plain form. */
export interface PersonalNumberSpan {
  kind: PersonalNumberKind;
  start: number;
  end: number;
  /** The number without separators or country prefix (an ID keeps its X). */
  digits: string;
}

const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(' '),
);

/** Separators allowed between digit groups (after folding full-width forms). */
const SEPARATORS = new Set([' ', '\t', '\u00a0', '-', '.', '(', ')', '/', '·', '•', '‐', '‑', '‒', '–', '—', '−']);
const MAX_SEPARATORS = 3;
const MAX_DIGITS = 18;

/** Folds one UTF-16 unit to its half-width form (same length, so spans keep their indices). */
function fold(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0); // full-width ASCII
  if (code === 0x3000) return ' ';
  if (code === 0x30fb || code === 0xff65) return '·';
  return c;
}

/** Full-width digits, letters and punctuation folded to half-width (one unit for one unit). */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += fold(text[i]!);
  return out;
}

function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** Whether 18 characters are an ID number: right check digit, or a province code and a real birth date. */
function looksLikeId18(s: string): boolean {
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  if (idCheckDigit(s.slice(0, 17)) === s[17]) return true;
  const y = Number(s.slice(6, 10));
  if (!PROVINCES.has(s.slice(0, 2)) || y < 1900 || y > 2099) return false;
  return realDate(y, Number(s.slice(10, 12)), Number(s.slice(12, 14)));
}

/** Whether 15 digits are a first-generation ID number: a province code and a real YYMMDD birth date. */
function looksLikeId15(s: string): boolean {
  if (!/^\d{15}$/.test(s) || !PROVINCES.has(s.slice(0, 2))) return false;
  return realDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

const MOBILE = /^(?:0086|86)?(1[3-9]\d{9})$/;
const LANDLINE = /^(?:0(?:10|2\d)\d{8}|0[3-9]\d{2}\d{7,8})$/;

/** The kind and plain form of a digit string, or null when it is no personal number. */
function classify(digits: string, x: boolean): { kind: PersonalNumberKind; digits: string; prefixed: boolean } | null {
  if (x) {
    const id = `${digits}X`;
    return digits.length === 17 && looksLikeId18(id) ? { kind: 'id', digits: id, prefixed: false } : null;
  }
  if (digits.length === 18 && looksLikeId18(digits)) return { kind: 'id', digits, prefixed: false };
  if (digits.length === 15 && looksLikeId15(digits)) return { kind: 'id', digits, prefixed: false };
  const m = MOBILE.exec(digits);
  if (m) return { kind: 'mobile', digits: m[1]!, prefixed: m[1]!.length !== digits.length };
  if (LANDLINE.test(digits)) return { kind: 'landline', digits, prefixed: false };
  return null;
}

interface Group {
  start: number;
  end: number;
  digits: string;
}

/** Finds every personal number in a text (left to right, longest first, never overlapping). */
export function findPersonalNumbers(text: string | null | undefined): PersonalNumberSpan[] {
  const raw = String(text ?? '');
  const spans: PersonalNumberSpan[] = [];
  if (!/[0-9\uff10-\uff19]/.test(raw)) return spans; // most text holds no digit at all
  const s = foldWidth(raw);
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let i = 0;
  while (i < s.length) {
    if (!isDigit(s[i])) {
      i++;
      continue;
    }
    // A run of digit groups joined by short separator runs.
    const groups: Group[] = [];
    let p = i;
    for (;;) {
      const start = p;
      while (isDigit(s[p])) p++;
      groups.push({ start, end: p, digits: s.slice(start, p) });
      let q = p;
      while (q < s.length && q - p < MAX_SEPARATORS + 1 && SEPARATORS.has(s[q]!)) q++;
      if (q === p || q - p > MAX_SEPARATORS || !isDigit(s[q])) break;
      p = q;
    }
    const runEnd = groups[groups.length - 1]!.end;
    let g = 0;
    while (g < groups.length) {
      let found: (NonNullable<ReturnType<typeof classify>> & { last: number; x: boolean }) | null = null;
      let digits = '';
      const candidates: { last: number; digits: string }[] = [];
      for (let h = g; h < groups.length; h++) {
        digits += groups[h]!.digits;
        if (digits.length > MAX_DIGITS) break;
        candidates.push({ last: h, digits });
      }
      for (let c = candidates.length - 1; c >= 0 && !found; c--) {
        const cand = candidates[c]!;
        const endOfDigits = groups[cand.last]!.end;
        // An ID's final X follows its last digit directly and must not begin a word (X-ray, Xiaomi).
        const x = /^[Xx]$/.test(s[endOfDigits] ?? '') && !/[A-Za-z0-9]/.test(s[endOfDigits + 1] ?? '');
        const withX = x ? classify(cand.digits, true) : null;
        const hit = withX ?? classify(cand.digits, false);
        if (hit) found = { last: cand.last, ...hit, x: withX !== null };
      }
      if (!found) {
        g++;
        continue;
      }
      let start = groups[g]!.start;
      // Take a '+' (and an opening parenthesis) typed before a country prefix into the span.
      if (found.prefixed) while (start > 0 && (s[start - 1] === '+' || s[start - 1] === '(')) start--;
      let end = groups[found.last]!.end + (found.x ? 1 : 0);
      // Keep parentheses balanced: (0571) 8765-4321 is masked whole, not as '(' and a remainder.
      const inner = s.slice(start, end);
      const open = inner.split('(').length - inner.split(')').length;
      if (open < 0 && s[start - 1] === '(') start--;
      if (open > 0 && s[end] === ')') end++;
      if (!insideToken(s, start, end)) spans.push({ kind: found.kind, start, end, digits: found.digits });
      g = found.last + 1;
    }
    i = Math.max(runEnd, i + 1);
  }
  return spans;
}

const ALNUM = /[0-9A-Za-z]/;
/**
 * Letters and digits run together this long are a hash, token or code (an SM3 hash, a session id), not a typed number.
 */
const TOKEN_MIN = 20;

/** Whether a span lies inside a long run of letters and digits that holds a letter: part of a hash, not a number. */
function insideToken(s: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  while (a > 0 && ALNUM.test(s[a - 1]!)) a--;
  while (b < s.length && ALNUM.test(s[b]!)) b++;
  return b - a >= TOKEN_MIN && /[A-Za-z]/.test(s.slice(a, b));
}

/** The masked form of a found number, as structured fields show it (maskPhone / maskIdNumber). */
function maskSpan(span: PersonalNumberSpan): string {
  if (span.kind === 'id') return maskIdNumber(span.digits);
  if (span.kind === 'mobile') return maskPhone(span.digits);
  // A landline keeps its area code (010, 02x: three digits; others four) and its last four digits.
  const area = /^0(?:10|2)/.test(span.digits) ? 3 : 4;
  return span.digits.slice(0, area) + '*'.repeat(span.digits.length - area - 4) + span.digits.slice(-4);
}

/** The text with every personal number masked (139****2773, 110101********5955); other text unchanged. */
export function maskPersonalText(text: string): string;
export function maskPersonalText(text: string | null): string | null;
export function maskPersonalText(text: string | null | undefined): string | null | undefined;
export function maskPersonalText(text: string | null | undefined): string | null | undefined {
  if (text == null || text === '') return text;
  const spans = findPersonalNumbers(text);
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const sp of spans) {
    out += text.slice(at, sp.start) + maskSpan(sp);
    at = sp.end;
  }
  return out + text.slice(at);
}

/** Whether a text holds a whole personal number. */
export function hasPersonalNumber(text: string | null | undefined): boolean {
  return findPersonalNumbers(text).length > 0;
}

/**
/** A deep copy of a JSON-like value with every string masked (plain objects, arrays; other values as they are). */
export function maskPersonalDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(v: unknown): unknown {
  if (typeof v === 'string') return maskPersonalText(v);
  if (Array.isArray(v)) return v.map(walk);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    return out;
  }
  return v;
}

/** The schema keyword that spares a body string from masking (`VERBATIM` in the contracts). */
export const VERBATIM_KEYWORD = 'x-verbatim';

type SchemaNode = {
  [VERBATIM_KEYWORD]?: boolean;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode | SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
};

/** The schema and its union/intersection branches, flattened. */
function branches(schema: SchemaNode | undefined): SchemaNode[] {
  if (!schema || typeof schema !== 'object') return [];
  return [schema, ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap(branches)];
}

/**
 * A request body with every string masked, except those its schema marks VERBATIM (structured phone and
 * ID numbers, secrets). Strings the schema does not describe are masked too: unknown means free text.
 */
export function maskBodyBySchema(value: unknown, schema: unknown): unknown {
  const nodes = branches(schema as SchemaNode | undefined);
  if (nodes.some((n) => n[VERBATIM_KEYWORD] === true)) return value;
  if (typeof value === 'string') return maskPersonalText(value);
  if (Array.isArray(value)) {
    const items = nodes.map((n) => n.items).find((it) => it && !Array.isArray(it)) as SchemaNode | undefined;
    return value.map((v) => maskBodyBySchema(v, items));
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const own = nodes.map((n) => n.properties?.[k]).filter((p): p is SchemaNode => p != null);
      const extra = nodes
        .map((n) => n.additionalProperties)
        .filter((p): p is SchemaNode => p != null && typeof p === 'object');
      const propSchema = [...own, ...extra];
      out[k] = maskBodyBySchema(v, propSchema.length ? { anyOf: propSchema } : undefined);
    }
    return out;
  }
  return value;
}
