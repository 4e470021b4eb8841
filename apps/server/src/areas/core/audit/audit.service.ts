/** The auditor's view of the audit trail: search by words, one record, and the chain check. */
import {
  type AuditRecordT,
  auditActionsMatching,
  auditEntitiesMatching,
  requestTitle,
  SYSTEM_ACTOR,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { verifyAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import * as repo from './audit.repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.byId>>>;

/** The names an answer shows: accounts by id, records by `type:id`. */
interface Names {
  accounts: Map<number, string>;
  entities: Map<string, string>;
}

/** Who acted: an account, the system (no account, written as `system` / `cli`), a resident, or a typed name. */
function actorKind(r: Row): AuditRecordT['actorKind'] {
  if (r.actor_id != null) return 'user';
  if (r.actor_name == null || repo.SYSTEM_NAMES.includes(r.actor_name)) return 'system';
  if (r.actor_name.startsWith('resident:')) return 'resident';
  return 'anonymous';
}

function present(r: Row, names: Names): AuditRecordT {
  const kind = actorKind(r);
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    // A resident is shown by the masked phone, a system record by no name (the page says 系统).
    actorName: kind === 'resident' ? r.actor_name!.slice('resident:'.length) : kind === 'system' ? null : r.actor_name,
    actorKind: kind,
    actorDisplayName: r.actor_id != null ? (names.accounts.get(r.actor_id) ?? null) : null,
    // The role a job ran under is the system's, not a person's: it is not shown.
    role: kind === 'system' ? null : r.role,
    ip: r.ip,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    entityName: r.entity_type && r.entity_id ? (names.entities.get(`${r.entity_type}:${r.entity_id}`) ?? null) : null,
    changes: r.changes ? JSON.parse(r.changes) : null,
    success: Boolean(r.success),
    detail: r.detail,
  };
}

/** The accounts and records the rows name, looked up in the caller's county. */
async function namesOf(ctx: Ctx, actor: Actor, rows: Row[]): Promise<Names> {
  const tenantId = actor.tenantId!;
  const accounts = await repo.accountNames(ctx.db, tenantId, [
    ...new Set(rows.flatMap((r) => (r.actor_id != null ? [r.actor_id] : []))),
  ]);
  const refs = rows.flatMap((r) =>
    r.entity_type && r.entity_id && /^\d+$/.test(r.entity_id) ? [{ type: r.entity_type, id: Number(r.entity_id) }] : [],
  );
  const entities = await repo.entityNames(ctx.db, tenantId, refs);
  // A request is named by its title: number, category and household (2026-00123 · 生产生活 · 王建国户).
  const zh = !actor.locale.startsWith('en');
  const requests = refs.filter((r) => r.type === 'request').map((r) => r.id);
  for (const q of await repo.requestNames(ctx.db, tenantId, [...new Set(requests)])) {
    const title = requestTitle({
      requestNo: q.request_no,
      category: q.category,
      householdHead: q.head_name,
      residentName: q.resident_name,
    });
    entities.set(`request:${q.id}`, zh ? title.zh : title.en);
  }
  return { accounts, entities };
}

/** Turns a searched word into what it means through the labels (登录 → the sign-in actions). */
function wordsOf(q: string | undefined): repo.WordSearch | undefined {
  const word = q?.trim();
  if (!word) return undefined;
  const system = SYSTEM_ACTOR.zh.includes(word) || SYSTEM_ACTOR.en.toLowerCase().includes(word.toLowerCase());
  return { word, actions: auditActionsMatching(word), entityTypes: auditEntitiesMatching(word), system };
}

/**
 * Audit records, newest first, filtered by time, words (`q`: actions and record kinds by their names, actors by
 * name), actor, action, entity and outcome; each with its actor's and its record's names.
 */
export async function list(ctx: Ctx, actor: Actor, f: repo.AuditFilter & { q?: string }) {
  const { q, ...filter } = f;
  const { rows, total } = await repo.search(ctx.db, actor.tenantId!, filter, wordsOf(q));
  const names = await namesOf(ctx, actor, rows);
  return { items: rows.map((r) => present(r, names)), total };
}

/** The record kind an id-valued field of a change points at. */
const REF_FIELDS: Record<string, string> = {
  orgId: 'org',
  parentId: 'org',
  memberId: 'member',
  secretaryMemberId: 'member',
  cadreMemberId: 'member',
  visitorMemberId: 'member',
  leaderMemberId: 'member',
  lecturerMemberId: 'member',
  ownerMemberId: 'member',
  householdId: 'household',
  groupId: 'household_group',
};

/** The names of the records a change's id-valued fields point at, by `<field>:<id>` (looked up in the county). */
async function valueNamesOf(ctx: Ctx, actor: Actor, changes: AuditRecordT['changes']) {
  const refs: { field: string; type: string; id: number }[] = [];
  for (const [field, c] of Object.entries(changes ?? {}))
    for (const v of [c.before, c.after])
      if (REF_FIELDS[field] && typeof v === 'number') refs.push({ field, type: REF_FIELDS[field], id: v });
  if (!refs.length) return undefined;
  const names = await repo.entityNames(ctx.db, actor.tenantId!, refs);
  const out: Record<string, string> = {};
  for (const r of refs) {
    const name = names.get(`${r.type}:${r.id}`);
    if (name) out[`${r.field}:${r.id}`] = name;
  }
  return out;
}

/** One audit record, with the names of the records its changes point at. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<AuditRecordT> {
  const r = await repo.byId(ctx.db, id);
  if (!r || (r.tenant_id != null && r.tenant_id !== actor.tenantId)) throw notFound();
  const record = present(r, await namesOf(ctx, actor, [r]));
  const valueNames = await valueNamesOf(ctx, actor, record.changes);
  return valueNames ? { ...record, valueNames } : record;
}

/** Checks the whole chain. */
export async function verify(ctx: Ctx, actor: Actor) {
  return verifyAudit(ctx);
}
