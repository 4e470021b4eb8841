/**
 * Guarded personal numbers: a phone or ID number is stored encrypted, with a keyed hash to look it up and a
 * masked form to show, never in clear; and free text with the numbers (and a person's own name) masked.
 */
import type { Ctx } from './context.js';
import { DomainError } from './errors.js';
import { contactPhone, maskIdNumber, maskPhone, normalizeIdNumber, parseIdNumber } from './idcard.js';
import { maskPersonalText } from './personalText.js';

/**
 * The stored columns of a phone number: `{prefix}_enc`, `_hash`, `_masked` (all null for none). A mobile, or with
 * `landline` (a household's or a request's contact, where a landline is normal) a landline too (the contracts' rule).
 */
export function guardPhone(
  ctx: Ctx,
  raw: string | null | undefined,
  prefix = 'phone',
  opts: { landline?: boolean } = {},
): Record<string, string | null> {
  if (raw == null || raw.trim() === '')
    return { [`${prefix}_enc`]: null, [`${prefix}_hash`]: null, [`${prefix}_masked`]: null };
  const phone = contactPhone(raw, opts.landline === true);
  if (!phone)
    throw new DomainError(opts.landline ? 'residents.invalid_contact_phone' : 'residents.invalid_phone', {
      field: prefix === 'phone' ? 'phone' : camel(prefix),
    });
  return {
    [`${prefix}_enc`]: ctx.vault.encrypt(phone),
    [`${prefix}_hash`]: ctx.vault.lookupHash(phone),
    [`${prefix}_masked`]: maskPhone(phone),
  };
}

/** The field of a column prefix (`leader_phone` → `leaderPhone`), for the form to show the refusal on. */
function camel(prefix: string): string {
  return prefix.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** The three phone columns of a new row (`phone_enc`, `phone_hash`, `phone_masked`), checked; all null for none. */
export function phoneColumns(ctx: Ctx, raw: string | null | undefined) {
  const p = guardPhone(ctx, raw);
  return { phone_enc: p.phone_enc ?? null, phone_hash: p.phone_hash ?? null, phone_masked: p.phone_masked ?? null };
}

/** The stamps of a new live row: who created it (null for a resident or the system) and when. */
export function createdStamps(by: number | null, now: string) {
  return { created_by: by, created_at: now, updated_at: now, deleted_at: null };
}

/** The stored columns of a resident's ID number, checked by GB 11643 (all null for none). */
export function guardIdNumber(
  ctx: Ctx,
  raw: string | null | undefined,
): {
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  gender: string | null;
  birth_date: string | null;
} {
  if (raw == null || raw.trim() === '')
    return { id_number_enc: null, id_number_hash: null, id_number_masked: null, gender: null, birth_date: null };
  const id = normalizeIdNumber(raw);
  const info = parseIdNumber(id, ctx.clock());
  if (!info) throw new DomainError('residents.invalid_id_number');
  return {
    id_number_enc: ctx.vault.encrypt(id),
    id_number_hash: ctx.vault.lookupHash(id),
    id_number_masked: maskIdNumber(id),
    gender: info.gender,
    birth_date: info.birthDate,
  };
}

/**
 * Masks personal numbers in free text (the one detector, platform/personalText.ts) and, when given, a
 * resident's own name: residents type them into what others read. Text stored since the free-text guard
 * is already masked; this also covers rows written before it.
 */
export function scrub(text: string | null | undefined, name?: string | null): string {
  let out = maskPersonalText(String(text ?? ''));
  if (name && name.trim().length >= 2) out = out.split(name.trim()).join('*'.repeat(name.trim().length));
  return out;
}
