/**
 * Every query of the residents' sign-in: one-time codes (by the keyed hash of the phone), resident sessions
 * (by the hash of the token) and the outbox of sent texts. None is org-scoped: a resident is a phone number.
 */
import type { Insertable, Selectable } from 'kysely';
import type { MessageOutboxTable, ResidentCodesTable, ResidentSessionsTable } from '../../../db/schema/index.js';
import { countOf, type Q } from '../../../platform/data/scoped.js';

/** A stored one-time code. */
export type CodeRow = Selectable<ResidentCodesTable>;
/** A stored resident session. */
export type SessionRow = Selectable<ResidentSessionsTable>;

/** When the newest code of a phone was created, if any. */
export async function lastCodeAt(db: Q, phoneHash: string): Promise<string | undefined> {
  const last = await db
    .selectFrom('resident_codes')
    .select('created_at')
    .where('phone_hash', '=', phoneHash)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return last?.created_at;
}

/** How many codes a phone received since a moment. */
export async function codesSince(db: Q, phoneHash: string, since: string): Promise<number> {
  return countOf(db.selectFrom('resident_codes').where('phone_hash', '=', phoneHash).where('created_at', '>', since));
}

/** Ends the unused, unexpired codes of a phone at `at` (only the newest code counts). */
export async function expireCodes(trx: Q, phoneHash: string, at: string): Promise<void> {
  await trx
    .updateTable('resident_codes')
    .set({ expires_at: at })
    .where('phone_hash', '=', phoneHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .execute();
}

/** Stores a new code. */
export async function insertCode(trx: Q, code: Insertable<ResidentCodesTable>): Promise<void> {
  await trx.insertInto('resident_codes').values(code).execute();
}

/** The newest unused code of a phone still valid at `now`. */
export async function liveCode(db: Q, phoneHash: string, now: string): Promise<CodeRow | undefined> {
  return db
    .selectFrom('resident_codes')
    .selectAll()
    .where('phone_hash', '=', phoneHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * Counts a try on a code in one conditional update, unless it already had `max` tries: the new count, or
 * undefined when refused (parallel guesses each get their own number).
 */
export async function countAttempt(db: Q, id: number, max: number): Promise<number | undefined> {
  const r = await db
    .updateTable('resident_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', max)
    .returning('attempts')
    .executeTakeFirst();
  return r ? Number(r.attempts) : undefined;
}

/** Marks a code used; false when it already was (only one of two racing tries finds it unused). */
export async function useCode(trx: Q, id: number, at: string): Promise<boolean> {
  const res = await trx
    .updateTable('resident_codes')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Opens a resident session. */
export async function insertSession(trx: Q, session: Insertable<ResidentSessionsTable>): Promise<void> {
  await trx.insertInto('resident_sessions').values(session).execute();
}

/** A session by the hash of its token. */
export async function sessionByToken(db: Q, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('resident_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Ends a session at `at`. */
export async function endSession(trx: Q, tokenHash: string, at: string): Promise<void> {
  await trx.updateTable('resident_sessions').set({ ended_at: at }).where('token_hash', '=', tokenHash).execute();
}

/** Records a sent text in the outbox (recipient masked and hashed). */
export async function insertOutbox(db: Q, message: Insertable<MessageOutboxTable>): Promise<void> {
  await db.insertInto('message_outbox').values(message).execute();
}
