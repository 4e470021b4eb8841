/** Showing a record's guarded numbers in clear to a role allowed to see them: decrypted, and the viewing audited. */
import type { Actor } from './actor.js';
import type { Ctx } from './context.js';
import { writeAuditAlone } from './data/audit.js';

/** The numbers a caller may ask to see. */
export type RevealField = 'idNumber' | 'phone';

/** A stored row's ciphertexts (a table without an ID number has no `id_number_enc`). */
interface Guarded {
  id_number_enc?: string | null;
  phone_enc?: string | null;
}

/**
 * The asked numbers of `row` in clear (null where none is stored; an ID number only where the table has one),
 * after writing the audit record `<entityType>.reveal` naming the fields.
 */
export async function revealNumbers(
  ctx: Ctx,
  actor: Actor,
  entityType: string,
  id: number,
  row: Guarded,
  fields: RevealField[],
): Promise<{ idNumber?: string | null; phone?: string | null }> {
  const clear = (enc: string | null | undefined) => (enc ? ctx.vault.decrypt(enc) : null);
  const out: { idNumber?: string | null; phone?: string | null } = {};
  if (fields.includes('idNumber') && 'id_number_enc' in row) out.idNumber = clear(row.id_number_enc);
  if (fields.includes('phone')) out.phone = clear(row.phone_enc);
  await writeAuditAlone(ctx, actor, {
    action: `${entityType}.reveal`,
    entityType,
    entityId: id,
    detail: fields.join(','),
  });
  return out;
}
