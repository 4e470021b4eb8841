/**
 * Every query on weak organizations' files, check-ups and acceptances. All three tables lie on the flagged
 * organization's path: a scoped query (`scoped()`) gives each caller its subtree's files and nothing of a sibling's.
 */
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { WeakOrgAcceptancesTable, WeakOrgCheckupsTable, WeakOrgsTable } from '../../../db/schema/weakOrgs.js';
import type { Actor } from '../../../platform/actor.js';
import {
  getOr404,
  type Liveness,
  liveInSubtree,
  type Paging,
  paged,
  type Q,
  scoped,
} from '../../../platform/data/scoped.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs, namesOf as orgNames, orgOfTenant } from '../../core/orgs/orgs.repository.js';

export type WeakOrgRow = Selectable<WeakOrgsTable> & { org_name: string };
export type CheckupRow = Selectable<WeakOrgCheckupsTable>;
export type AcceptanceRow = Selectable<WeakOrgAcceptancesTable>;
export type { Q };

/** States of a file still open. */
export const OPEN = ['flagged', 'rectifying', 'accepting', 'extended'] as const;

/** What a list asks for. */
export interface WeakOrgFilter {
  underPath?: string;
  townshipPath?: string;
  q?: string;
  status?: string;
  year?: number;
  reason?: string;
  deleted?: boolean;
}

type AnyQ = SelectQueryBuilder<any, any, any>;

function base(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  return (scoped(db, actor, 'weak_orgs', { as: 'w', under, rows }) as AnyQ).innerJoin('orgs as o', 'o.id', 'w.org_id');
}

const COLUMNS = (q: AnyQ) => q.selectAll('w').select('o.name as org_name');

/** One file of the caller's scope (404 otherwise). */
export async function getFile(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<WeakOrgRow> {
  await getOr404(db, actor, 'weak_orgs', id, rows);
  return (await COLUMNS(base(db, actor, undefined, 'any'))
    .where('w.id', '=', id)
    .executeTakeFirstOrThrow()) as WeakOrgRow;
}

function filtered(db: Q, actor: Actor, f: WeakOrgFilter): AnyQ {
  let q = base(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.townshipPath) {
    const [lo, hi] = subtreeRange(f.townshipPath);
    q = q.where('w.org_path', '>=', lo).where('w.org_path', '<', hi);
  }
  if (f.status) q = q.where('w.status', '=', f.status);
  if (f.year) q = q.where('w.year', '=', f.year);
  // Reasons are a JSON array of codes: a code is a whole quoted word in it.
  if (f.reason) q = q.where('w.reasons', 'like', `%"${f.reason}"%`);
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) => e.or([likeContains('o.name', text), likeContains('w.leader_name', text)]));
  }
  return q;
}

/** A page of files, the newest flagged first. */
export async function listFiles(
  db: Q,
  actor: Actor,
  f: WeakOrgFilter,
  paging: Paging,
): Promise<{ rows: WeakOrgRow[]; total: number }> {
  const order = (b: AnyQ) => COLUMNS(b).orderBy('w.flagged_on', 'desc').orderBy('w.id', 'desc');
  return paged(db, actor.tenantId!, filtered(db, actor, f), order, paging) as Promise<{
    rows: WeakOrgRow[];
    total: number;
  }>;
}

/** Every file of a filter (the export), in batches of ids. */
export async function* iterateFiles(db: Q, actor: Actor, f: WeakOrgFilter, batch = 1000) {
  let after = 0;
  for (;;) {
    const rows = (await COLUMNS(filtered(db, actor, f))
      .where('w.id', '>', after)
      .orderBy('w.id')
      .limit(batch)
      .execute()) as WeakOrgRow[];
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** Whether an organization has an open, live file (other than `exceptId`). */
export async function hasOpenFile(db: Q, orgId: number, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom('weak_orgs')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', 'in', [...OPEN])
    .where('deleted_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) != null;
}

/** A new file's row. */
export type NewFile = Omit<Insertable<WeakOrgsTable>, 'id'>;

/** Inserts files; answers their ids in order. */
export async function insertFiles(db: Q, rows: NewFile[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('weak_orgs').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes columns of a file outside a move (the plan, the leader, the reasons). */
export async function updateFile(db: Q, id: number, set: Partial<Selectable<WeakOrgsTable>>): Promise<void> {
  await db.updateTable('weak_orgs').set(set).where('id', '=', id).execute();
}

/** The live check-ups of files, by month. */
export async function checkupsOf(db: Q, fileIds: number[]): Promise<CheckupRow[]> {
  if (!fileIds.length) return [];
  return db
    .selectFrom('weak_org_checkups')
    .selectAll()
    .where('weak_org_id', 'in', fileIds)
    .where('deleted_at', 'is', null)
    .orderBy('month')
    .execute();
}

/** Whether a file has a check-up of a month. */
export async function checkupTaken(db: Q, fileId: number, month: string): Promise<boolean> {
  const r = await db
    .selectFrom('weak_org_checkups')
    .select('id')
    .where('weak_org_id', '=', fileId)
    .where('month', '=', month)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return r != null;
}

/** Inserts check-ups; answers their ids. */
export async function insertCheckups(db: Q, rows: Omit<Insertable<WeakOrgCheckupsTable>, 'id'>[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('weak_org_checkups').values(rows).returning('id').execute()).map((r) => r.id);
}

/** The live acceptances of files, oldest first. */
export async function acceptancesOf(db: Q, fileIds: number[]): Promise<AcceptanceRow[]> {
  if (!fileIds.length) return [];
  return db
    .selectFrom('weak_org_acceptances')
    .selectAll()
    .where('weak_org_id', 'in', fileIds)
    .where('deleted_at', 'is', null)
    .orderBy('accepted_on')
    .orderBy('id')
    .execute();
}

/** Inserts acceptances; answers their ids. */
export async function insertAcceptances(
  db: Q,
  rows: Omit<Insertable<WeakOrgAcceptancesTable>, 'id'>[],
): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('weak_org_acceptances').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Every live file of a subtree flagged on or before `to` and not released before `from` (the figure). */
export async function summaryFiles(db: Q, tenantId: number, range: [string, string], from: string, to: string) {
  return liveInSubtree(db, 'weak_orgs', tenantId, range, 'w')
    .select(['w.id', 'w.org_path', 'w.reasons', 'w.flagged_on', 'w.released_on', 'w.status'])
    .where('w.flagged_on', '<=', to)
    .where((e) => e.or([e('w.released_on', 'is', null), e('w.released_on', '>=', from)]))
    .execute();
}

/** How many acceptances of live files of a subtree failed in a period (the figure). */
export async function failedAcceptances(db: Q, tenantId: number, range: [string, string], from: string, to: string) {
  const r = await liveInSubtree(db, 'weak_org_acceptances', tenantId, range, 'a')
    .innerJoin('weak_orgs as w', 'w.id', 'a.weak_org_id')
    .where('w.deleted_at', 'is', null)
    .where('a.passed', '=', 0)
    .where('a.accepted_on', '>=', from)
    .where('a.accepted_on', '<=', to)
    .select((e) => e.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number((r as { n: number | string }).n);
}

/** The demo's candidates: village and community organizations of a county, the demo branch's first. */
export async function demoVillages(db: Q, tenantId: number) {
  const branch = await db
    .selectFrom('users')
    .select('org_id')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', 'demo-branch')
    .executeTakeFirst();
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('depth', '>=', 2)
    .where('type', 'in', ['branch', 'general_branch'])
    .where('field', 'in', ['rural', 'community'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  return { rows, branchOrgId: branch?.org_id ?? null };
}
