/**
 * Residents' phone sign-in: a six-digit one-time code sent through the pluggable sender, then a resident
 * session (not a user account) that lets a resident post and follow their own wishes and requests.
 */
import crypto from 'node:crypto';
import type { Actor } from '../../../platform/actor.js';
import { writeAudit, writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { randomToken, sm3 } from '../../../platform/crypto.js';
import { DomainError } from '../../../platform/errors.js';
import { isValidMobile, maskPhone, normalizePhone } from '../../../platform/idcard.js';
import * as repo from './signin.repository.js';
import { senderFor } from './signin.sender.js';

/** Seconds before the same phone may ask for another code. */
export const CODE_RESEND_SECONDS = 60;
/** Minutes a code stays valid. */
export const CODE_TTL_MINUTES = 5;
/** Wrong tries a code survives; the next try fails even with the right code. */
export const CODE_MAX_ATTEMPTS = 5;
/** Codes one phone may receive in a day (on top of the per-hour limit of the HTTP layer). */
export const CODES_PER_PHONE_PER_DAY = 10;
/** Days a resident session lasts. */
export const RESIDENT_SESSION_DAYS = 7;

export const RESIDENT_COOKIE = 'dj_resident';

/** A signed-in resident: the phone number is the identity. */
export interface Resident {
  phone: string;
  phoneHash: string;
  phoneMasked: string;
  tokenHash: string;
  expiresAt: string;
}

/** A normalized, valid mobile number, else `residents.invalid_phone`. */
export function cleanPhone(raw: string): string {
  const phone = normalizePhone(raw);
  if (!isValidMobile(phone)) throw new DomainError('residents.invalid_phone');
  return phone;
}

function codeHash(salt: string, phoneHash: string, code: string): string {
  return sm3(`${salt}:${phoneHash}:${code}`);
}

/** An actor-like author for timelines of residents' own actions (never a user account). */
export function residentAuthor(r: Pick<Resident, 'phoneMasked'>): Actor {
  return {
    userId: 0,
    username: `resident:${r.phoneMasked}`,
    displayName: `群众 ${r.phoneMasked}`,
    role: 'member',
    tenantId: null,
    orgId: null,
    orgPath: null,
    memberId: null,
    locale: 'zh-CN',
    ip: null,
  };
}

/** Creates a code for a phone and sends it; refuses a new code within 60 s of the last one and past the daily cap. */
export async function sendCode(
  ctx: Ctx,
  rawPhone: string,
  ip: string | null,
): Promise<{ ok: true; expiresInSeconds: number; resendInSeconds: number }> {
  const phone = cleanPhone(rawPhone);
  const phoneHash = ctx.vault.lookupHash(phone);
  const now = ctx.clock();
  const last = await repo.lastCodeAt(ctx.db, phoneHash);
  if (last) {
    const wait = Math.ceil((Date.parse(last) + CODE_RESEND_SECONDS * 1000 - now.getTime()) / 1000);
    if (wait > 0) throw new DomainError('residents.code_too_soon', { retryAfterSeconds: wait }, 429);
  }
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const today = await repo.codesSince(ctx.db, phoneHash, dayAgo);
  if (today >= CODES_PER_PHONE_PER_DAY) throw new DomainError('rate_limited', { retryAfterSeconds: 3600 });

  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const salt = randomToken(12);
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000).toISOString();
  const masked = maskPhone(phone);
  await ctx.db.transaction().execute(async (trx) => {
    // Only the newest code counts: an older one still in someone's inbox stops working.
    await repo.expireCodes(trx, phoneHash, createdAt);
    await repo.insertCode(trx, {
      phone_hash: phoneHash,
      code_hash: `${salt}$${codeHash(salt, phoneHash, code)}`,
      created_at: createdAt,
      expires_at: expiresAt,
      attempts: 0,
      used_at: null,
    });
    await writeAudit(ctx, trx, null, {
      action: 'resident.code_sent',
      actorName: `resident:${masked}`,
      ip,
      detail: masked,
    });
  });
  await senderFor(ctx).send(
    phone,
    `【党建工作平台】您的验证码是 ${code}，${CODE_TTL_MINUTES}分钟内有效，请勿告诉他人。`,
  );
  return { ok: true, expiresInSeconds: CODE_TTL_MINUTES * 60, resendInSeconds: CODE_RESEND_SECONDS };
}

/** Checks a code (at most five tries, five minutes, once) and opens a seven-day resident session. */
export async function verifyCode(
  ctx: Ctx,
  rawPhone: string,
  rawCode: string,
  ip: string | null,
): Promise<{ token: string; resident: Resident }> {
  const phone = cleanPhone(rawPhone);
  const phoneHash = ctx.vault.lookupHash(phone);
  const masked = maskPhone(phone);
  const now = ctx.clock();
  const nowIso = now.toISOString();
  const row = await repo.liveCode(ctx.db, phoneHash, nowIso);
  const fail = async (detail: string, attemptsLeft?: number) => {
    await writeAuditAlone(ctx, null, {
      action: 'resident.sign_in',
      success: false,
      actorName: `resident:${masked}`,
      ip,
      detail,
    });
    return new DomainError('residents.code_invalid', attemptsLeft === undefined ? undefined : { attemptsLeft }, 401);
  };
  if (!row) throw await fail('no live code');
  // The try is counted before the code is compared, in one conditional update: parallel guesses cannot all read
  // a count below the cap (each gets its own number, and the ones past the cap are refused unchecked).
  const counted = await repo.countAttempt(ctx.db, row.id, CODE_MAX_ATTEMPTS);
  if (counted === undefined) throw await fail('too many attempts', 0);
  const [salt, hash] = row.code_hash.split('$');
  const given = codeHash(salt ?? '', phoneHash, rawCode.trim());
  const right =
    hash != null && hash.length === given.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(hash));
  if (!right) throw await fail('wrong code', Math.max(0, CODE_MAX_ATTEMPTS - counted));
  const token = randomToken(32);
  const tokenHash = sm3(token);
  const expiresAt = new Date(now.getTime() + RESIDENT_SESSION_DAYS * 86_400_000).toISOString();
  const used = await ctx.db.transaction().execute(async (trx) => {
    // Single use even when two tries race: only one update finds the code unused.
    if (!(await repo.useCode(trx, row.id, nowIso))) return false;
    await repo.insertSession(trx, {
      token_hash: tokenHash,
      phone_hash: phoneHash,
      phone_enc: ctx.vault.encrypt(phone),
      created_at: nowIso,
      expires_at: expiresAt,
      ended_at: null,
    });
    return true;
  });
  if (!used) throw await fail('code already used');
  await writeAuditAlone(ctx, null, { action: 'resident.sign_in', actorName: `resident:${masked}`, ip, detail: masked });
  return { token, resident: { phone, phoneHash, phoneMasked: masked, tokenHash, expiresAt } };
}

/** The resident of a session cookie, else 401 `residents.resident_required`. */
export async function resolveResident(ctx: Ctx, token: string | undefined): Promise<Resident> {
  if (!token) throw new DomainError('residents.resident_required', undefined, 401);
  const tokenHash = sm3(token);
  const row = await repo.sessionByToken(ctx.db, tokenHash);
  if (!row || row.ended_at || row.expires_at <= ctx.clock().toISOString())
    throw new DomainError('residents.resident_required', undefined, 401);
  const phone = ctx.vault.decrypt(row.phone_enc);
  return { phone, phoneHash: row.phone_hash, phoneMasked: maskPhone(phone), tokenHash, expiresAt: row.expires_at };
}

/** Ends a resident session. */
export async function logoutResident(ctx: Ctx, resident: Resident, ip: string | null): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.endSession(trx, resident.tokenHash, ctx.clock().toISOString());
    await writeAudit(ctx, trx, null, {
      action: 'resident.sign_out',
      actorName: `resident:${resident.phoneMasked}`,
      ip,
    });
  });
}
