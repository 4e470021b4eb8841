/** Queries on the audit trail: the tenant's records and those of no tenant (failed sign-ins of unknown names). */
import { likeContains } from '../../../db/dialect.js';
import { countOf, type Q } from '../../../platform/data/scoped.js';

/** Filters of the audit search. */
export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  success?: boolean;
  page?: number;
  pageSize?: number;
}

/**
 * What a searched word means, resolved by the service through the labels: the action codes and entity types whose
 * names contain it, whether it names the system; the word itself is matched against actors' names.
 */
export interface WordSearch {
  word: string;
  actions: string[];
  entityTypes: string[];
  system: boolean;
}

/** The user names the system writes under when no person acts (jobs, the demo load, the command line). */
export const SYSTEM_NAMES = ['system', 'cli'];

/** Records of the tenant (and of no tenant), newest first, and their total. */
export async function search(db: Q, tenantId: number, f: AuditFilter, words?: WordSearch) {
  let q = db
    .selectFrom('audit_log')
    .where((eb) => eb.or([eb('tenant_id', '=', tenantId), eb('tenant_id', 'is', null)]));
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to);
  if (f.actor) q = q.where(likeContains('actor_name', f.actor));
  if (f.action) q = q.where(likeContains('action', f.action));
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.success !== undefined) q = q.where('success', '=', f.success ? 1 : 0);
  if (words) {
    const w = words;
    q = q.where((eb) =>
      eb.or([
        ...(w.actions.length ? [eb('action', 'in', w.actions)] : []),
        ...(w.entityTypes.length ? [eb('entity_type', 'in', w.entityTypes)] : []),
        ...(w.system ? [eb.and([eb('actor_id', 'is', null), eb('actor_name', 'in', SYSTEM_NAMES)])] : []),
        likeContains('actor_name', w.word),
        eb(
          'actor_id',
          'in',
          eb
            .selectFrom('users')
            .select('id')
            .where('tenant_id', '=', tenantId)
            .where(likeContains('display_name', w.word)),
        ),
      ]),
    );
  }
  const total = await countOf(q);
  const pageSize = f.pageSize ?? 20;
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset(((f.page ?? 1) - 1) * pageSize)
    .execute();
  return { rows, total };
}

/** One record by id (the caller checks its tenant). */
export async function byId(db: Q, id: number) {
  return db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The display names of the tenant's accounts among `ids`. */
export async function accountNames(db: Q, tenantId: number, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name as name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

type Named = { id: number; name: string | null };
type Namer = (db: Q, tenantId: number, ids: number[]) => Promise<Named[]>;

/** How a record of each entity type is named (deleted rows too: the trail outlives them); the tenant's only. */
const NAMERS: Record<string, Namer> = {
  user: (db, t, ids) =>
    db
      .selectFrom('users')
      .select(['id', 'display_name as name'])
      .where('tenant_id', '=', t)
      .where('id', 'in', ids)
      .execute(),
  role_grant: (db, t, ids) =>
    db
      .selectFrom('role_grants')
      .select(['id', 'display_name as name'])
      .where('tenant_id', '=', t)
      .where('id', 'in', ids)
      .execute(),
  org: (db, t, ids) =>
    db.selectFrom('orgs').select(['id', 'name']).where('tenant_id', '=', t).where('id', 'in', ids).execute(),
  member: (db, t, ids) =>
    db.selectFrom('members').select(['id', 'name']).where('tenant_id', '=', t).where('id', 'in', ids).execute(),
  meeting: (db, t, ids) =>
    db
      .selectFrom('meetings')
      .select(['id', 'topic as name'])
      .where('tenant_id', '=', t)
      .where('id', 'in', ids)
      .execute(),
  household: (db, t, ids) =>
    db
      .selectFrom('households')
      .select(['id', 'head_name as name'])
      .where('tenant_id', '=', t)
      .where('id', 'in', ids)
      .execute(),
  resident: (db, t, ids) =>
    db.selectFrom('residents').select(['id', 'name']).where('tenant_id', '=', t).where('id', 'in', ids).execute(),
  household_group: (db, t, ids) =>
    db
      .selectFrom('household_groups')
      .select(['id', 'name'])
      .where('tenant_id', '=', t)
      .where('id', 'in', ids)
      .execute(),
  zone: (db, t, ids) =>
    db.selectFrom('zones').select(['id', 'name']).where('tenant_id', '=', t).where('id', 'in', ids).execute(),
  wish: (db, t, ids) =>
    db.selectFrom('wishes').select(['id', 'title as name']).where('tenant_id', '=', t).where('id', 'in', ids).execute(),
  errand: (db, t, ids) =>
    db
      .selectFrom('errands')
      .select(['id', 'title as name'])
      .where('tenant_id', '=', t)
      .where('id', 'in', ids)
      .execute(),
};

/** A request is named by its number, category and household (its category is a label the service words). */
export async function requestNames(db: Q, tenantId: number, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('requests')
    .leftJoin('households', 'households.id', 'requests.household_id')
    .select([
      'requests.id',
      'requests.request_no',
      'requests.category',
      'requests.resident_name',
      'households.head_name',
    ])
    .where('requests.tenant_id', '=', tenantId)
    .where('requests.id', 'in', ids)
    .execute();
}

/** The names of the records `refs` point at, by `type:id`; types without a name are left out. */
export async function entityNames(
  db: Q,
  tenantId: number,
  refs: { type: string; id: number }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, number[]>();
  for (const r of refs) if (NAMERS[r.type]) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
  const out = new Map<string, string>();
  for (const [type, ids] of byType)
    for (const row of await NAMERS[type](db, tenantId, [...new Set(ids)]))
      if (row.name) out.set(`${type}:${row.id}`, row.name);
  return out;
}
