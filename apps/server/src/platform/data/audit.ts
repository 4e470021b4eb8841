/** The append-only audit trail, chained by SM3 so that any change or deletion is detectable. */
import type { Kysely, Transaction } from 'kysely';
import { lockAuditChain } from '../../db/dialect.js';
import type { DB } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import type { Ctx } from '../context.js';
import { sm3 } from '../crypto.js';
import { maskPersonalDeep, maskPersonalText } from '../personalText.js';

export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface AuditEntry {
  action: string;
  entityType?: string | null;
  entityId?: string | number | null;
  changes?: Changes | null;
  success?: boolean;
  detail?: string | null;
  /** For events without a signed-in actor (a failed login): who was named and from where. */
  actorName?: string | null;
  ip?: string | null;
  tenantId?: number | null;
}

const GENESIS = '0'.repeat(64);

type Row = Omit<DB['audit_log'], 'id'> & { id: number };

/** The canonical text hashed into the chain: every field but the hash itself. */
function canonical(r: Row): string {
  return JSON.stringify([
    r.id,
    r.at,
    r.tenant_id,
    r.actor_id,
    r.actor_name,
    r.role,
    r.ip,
    r.action,
    r.entity_type,
    r.entity_id,
    r.changes,
    r.success,
    r.detail,
    r.prev_hash,
  ]);
}

/** Hash of one audit record. */
export function auditHash(r: Row): string {
  return sm3(canonical(r));
}

/**
 * Appends one record inside the caller's transaction, so the record and the change commit together. Every
 * string of its changes and detail passes the free-text detector: personal numbers are masked.
 */
export async function writeAudit(
  ctx: Ctx,
  trx: Transaction<DB> | Kysely<DB>,
  actor: Actor | null,
  entry: AuditEntry,
): Promise<void> {
  await writeAuditBatch(ctx, trx, actor, [entry]);
}

/** Appends a record in its own transaction (failures, logins: there is no business write to join). */
export async function writeAuditAlone(ctx: Ctx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await ctx.db.transaction().execute((trx) => writeAudit(ctx, trx, actor, entry));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; kind: 'missing' | 'link' | 'content' | 'removed'; reason: string } | null;
}

/** Walks the chain in id order and reports the first record that was changed, removed or inserted. */
export async function verifyAudit(ctx: Ctx, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  let prev = GENESIS;
  let expectedId = 1;
  let checked = 0;
  let lastId = 0;
  const BATCH = 5000;
  for (;;) {
    const rows = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      if (r.id !== expectedId)
        return {
          ok: false,
          checked,
          firstBroken: { id: expectedId, kind: 'missing', reason: `record ${expectedId} is missing` },
        };
      if (r.prev_hash !== prev)
        return {
          ok: false,
          checked,
          firstBroken: { id: r.id, kind: 'link', reason: 'link to the previous record is broken' },
        };
      if (auditHash(r as Row) !== r.hash)
        return { ok: false, checked, firstBroken: { id: r.id, kind: 'content', reason: 'record content was changed' } };
      prev = r.hash;
      expectedId++;
      checked++;
    }
    if (rows.length) lastId = rows[rows.length - 1].id;
    onProgress?.(checked);
    if (rows.length < BATCH) break;
  }
  const head = await ctx.db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && (head.count !== checked || head.last_hash !== prev)) {
    return {
      ok: false,
      checked,
      firstBroken: {
        id: checked + 1,
        kind: 'removed',
        reason: `records after ${checked} were removed (the head expects ${head.count})`,
      },
    };
  }
  return { ok: true, checked, firstBroken: null };
}

const SENSITIVE = new Set(['idNumber', 'phone', 'password', 'passwordHash']);

/** The changed fields between two plain objects, with personal numbers masked and secrets dropped. */
export function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  mask: (field: string, v: unknown) => unknown = defaultMask,
): Changes {
  const out: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    out[k] = { before: mask(k, b), after: mask(k, a) };
  }
  return out;
}

function defaultMask(field: string, v: unknown): unknown {
  if (v == null) return v;
  if (field === 'password' || field === 'passwordHash') return '******';
  if (SENSITIVE.has(field) && typeof v === 'string' && !v.includes('*')) return '(masked)';
  return v;
}

/** Appends many records at once (an import): one read of the head, one chain computed in memory. */
export async function writeAuditBatch(
  ctx: Ctx,
  trx: Transaction<DB> | Kysely<DB>,
  actor: Actor | null,
  entries: AuditEntry[],
): Promise<void> {
  if (!entries.length) return;
  await lockAuditChain(trx, ctx.dialect);
  const head = await trx.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  let prev = head?.last_hash ?? GENESIS;
  let id = head?.last_id ?? 0;
  const at = ctx.clock().toISOString();
  const rows: Row[] = entries.map((entry) => {
    const row: Row = {
      id: ++id,
      at,
      tenant_id: entry.tenantId ?? actor?.tenantId ?? null,
      actor_id: actor?.userId || null,
      actor_name: maskPersonalText(actor?.username ?? entry.actorName ?? null),
      role: actor?.role ?? null,
      ip: entry.ip ?? actor?.ip ?? null,
      action: entry.action,
      entity_type: entry.entityType ?? null,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      // Defence in depth: whatever a caller passes, no whole phone or ID number enters the append-only log.
      changes:
        entry.changes && Object.keys(entry.changes).length ? JSON.stringify(maskPersonalDeep(entry.changes)) : null,
      success: entry.success === false ? 0 : 1,
      detail: maskPersonalText(entry.detail ?? null),
      prev_hash: prev,
      hash: '',
    };
    row.hash = auditHash(row);
    prev = row.hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
  const count = (head?.count ?? 0) + rows.length;
  if (head)
    await trx.updateTable('audit_head').set({ last_id: id, count, last_hash: prev }).where('id', '=', 1).execute();
  else await trx.insertInto('audit_head').values({ id: 1, last_id: id, count, last_hash: prev }).execute();
}
