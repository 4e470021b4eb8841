/**
 * Every query on transfers. A transfer lies in two subtrees: the owning side's (`org_path`) and the receiving
 * organization's (`to_path`). Each side's rows come from the scoped range of the caller (`rangeOf`, the same
 * check `scoped()` makes: tenant, subtree, an `org` filter inside it) applied to its own column, so a third
 * township's range meets neither and sees nothing.
 */
import { type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { likeContains } from '../../../db/dialect.js';
import type { DB } from '../../../db/schema/index.js';
import type { TransfersTable } from '../../../db/schema/transfers.js';
import type { Actor } from '../../../platform/actor.js';
import { notFound } from '../../../platform/errors.js';
import { countOf, type Liveness, type Paging, paged, type Q, rangeOf, scoped } from '../../../platform/data/scoped.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs } from '../../core/orgs/orgs.repository.js';

export type TransferRow = Selectable<TransfersTable>;
export type { Q };

/** Statuses of a transfer still under way (one at a time per member). */
export const OPEN_STATUSES = ['applied', 'issued', 'returned'] as const;

/** What a list asks for. */
export interface TransferFilter {
  underPath?: string;
  direction?: 'in' | 'out';
  kind?: string;
  status?: string;
  overdue?: boolean;
  q?: string;
  from?: string;
  to?: string;
  deleted?: boolean;
  /** Today in China (the overdue filter compares the letter's validity with it). */
  today: string;
}

type AnyQ = SelectQueryBuilder<any, any, any>;

/** The caller's transfers on one side or both: the range checked once, applied to the owning or receiving path. */
function onSides(db: Q, actor: Actor, under: string | undefined, direction: 'in' | 'out' | undefined, rows: Liveness) {
  const [lo, hi] = rangeOf(actor, under);
  let q = (db as Kysely<DB>).selectFrom('transfers as t').where('t.tenant_id', '=', actor.tenantId!) as AnyQ;
  if (rows !== 'any') q = q.where('t.deleted_at', rows === 'deleted' ? 'is not' : 'is', null);
  const out = (e: any) => e.and([e('t.org_path', '>=', lo), e('t.org_path', '<', hi), e('t.kind', '!=', 'incoming')]);
  // The receiving side sees a transfer from the day its letter is issued (an application is the sender's own).
  const inn = (e: any) => e.and([e('t.to_path', '>=', lo), e('t.to_path', '<', hi), e('t.issued_on', 'is not', null)]);
  if (direction === 'out') return q.where(out);
  if (direction === 'in') return q.where(inn);
  // The owning side of an incoming transfer is the receiving one, whose path is also `to_path`.
  return q.where((e: any) => e.or([out(e), inn(e)]));
}

/** One transfer either side of which lies in the caller's scope; 404 otherwise. */
export async function getTransfer(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<TransferRow> {
  const row = (await onSides(db, actor, undefined, undefined, rows)
    .selectAll('t')
    .where('t.id', '=', id)
    .executeTakeFirst()) as TransferRow | undefined;
  if (!row) throw notFound();
  return row;
}

function filtered(db: Q, actor: Actor, f: TransferFilter): AnyQ {
  let q = onSides(db, actor, f.underPath, f.direction, f.deleted ? 'deleted' : 'live');
  if (f.kind) q = q.where('t.kind', '=', f.kind);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.overdue) q = q.where('t.status', '=', 'issued').where('t.valid_until', '<', f.today);
  if (f.overdue === false)
    q = q.where((e: any) => e.or([e('t.status', '!=', 'issued'), e('t.valid_until', '>=', f.today)]));
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) => e.or([likeContains('t.name', text), e('t.letter_no', '=', text)]));
  }
  if (f.from) q = q.where('t.applied_on', '>=', f.from);
  if (f.to) q = q.where('t.applied_on', '<=', f.to);
  return q;
}

/** A page of transfers, newest application first. */
export async function listTransfers(
  db: Q,
  actor: Actor,
  f: TransferFilter,
  paging: Paging,
): Promise<{ rows: TransferRow[]; total: number }> {
  const order = (b: AnyQ) => b.selectAll('t').orderBy('t.applied_on', 'desc').orderBy('t.id', 'desc');
  return paged(db, actor.tenantId!, filtered(db, actor, f), order, paging) as Promise<{
    rows: TransferRow[];
    total: number;
  }>;
}

/** Every transfer of a filter (the export), in batches of ids so a county's years never sit in memory at once. */
export async function* iterateTransfers(db: Q, actor: Actor, f: TransferFilter, batch = 1000) {
  let after = 0;
  for (;;) {
    const rows = (await filtered(db, actor, f)
      .selectAll('t')
      .where('t.id', '>', after)
      .orderBy('t.id')
      .limit(batch)
      .execute()) as TransferRow[];
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** How many transfers a filter selects. */
export function countTransfers(db: Q, actor: Actor, f: TransferFilter): Promise<number> {
  return countOf(filtered(db, actor, f));
}

/** The next letter number of a county and year, `2026-0001`, taken with one atomic upsert. */
export async function nextLetterNo(db: Q, tenantId: number, year: number): Promise<string> {
  const row = await db
    .insertInto('transfer_numbers')
    .values({ tenant_id: tenantId, year, last_no: 1 })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'year']).doUpdateSet({ last_no: sql<number>`transfer_numbers.last_no + 1` }),
    )
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last_no).padStart(4, '0')}`;
}

/** A new transfer's row. */
export type NewTransfer = Omit<Insertable<TransfersTable>, 'id'>;

/** Inserts transfers; answers their ids in order. */
export async function insertTransfers(db: Q, rows: NewTransfer[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('transfers').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes columns of a transfer outside a move (the member created on acceptance). */
export async function updateTransfer(db: Q, id: number, set: Partial<TransferRow>): Promise<void> {
  await db.updateTable('transfers').set(set).where('id', '=', id).execute();
}

/** Whether a member has a transfer under way (other than `exceptId`). */
export async function hasOpenTransfer(db: Q, memberId: number, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom('transfers')
    .select('id')
    .where('member_id', '=', memberId)
    .where('status', 'in', [...OPEN_STATUSES])
    .where('deleted_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return !!(await q.executeTakeFirst());
}

/** A live organization of the tenant, whichever township it lies in (the receiving side of a transfer). */
export function orgOfTenant(db: Q, tenantId: number, id: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'type', 'org_path', 'tenant_id', 'parent_id'])
    .where('id', '=', id)
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Live organizations of a tenant by name (the create form's picker: the whole county by name). */
export function orgsByName(db: Q, tenantId: number, q: string | undefined, types: readonly string[], limit = 30) {
  let b = db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where('type', 'in', [...types]);
  if (q) b = b.where(likeContains('name', q));
  return b.orderBy('org_path').limit(limit).execute();
}

/** Names of organizations by id. */
export async function orgNames(db: Q, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The committee above an organization (the approver that signs a letter): the nearest ancestor of that type. */
export async function committeeAbove(db: Q, tenantId: number, path: string): Promise<string | null> {
  const ids = path.split('/').filter(Boolean).map(Number).slice(0, -1).reverse();
  if (!ids.length) return null;
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'type'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  for (const id of ids) {
    const o = rows.find((r) => r.id === id);
    if (o && o.type === 'committee') return o.name;
  }
  return null;
}

/** A member's row as a transfer copies it (its numbers stay encrypted). */
export function memberRow(db: Q, tenantId: number, id: number) {
  return db.selectFrom('members').selectAll().where('id', '=', id).where('tenant_id', '=', tenantId).executeTakeFirst();
}

/** Moves a member's rows to an organization: the roster and the member's own account follow. */
export async function moveMemberRows(
  db: Q,
  memberId: number,
  org: { id: number; org_path: string },
  now: string,
): Promise<void> {
  await db
    .updateTable('members')
    .set({ org_id: org.id, org_path: org.org_path, updated_at: now })
    .where('id', '=', memberId)
    .execute();
  await db
    .updateTable('users')
    .set({ org_id: org.id, org_path: org.org_path })
    .where('member_id', '=', memberId)
    .execute();
}

/** Takes a member off the roster (soft: the row and its history stay, the recycle bin can show it). */
export async function leaveRoster(db: Q, memberId: number, now: string): Promise<void> {
  await db.updateTable('members').set({ deleted_at: now, updated_at: now }).where('id', '=', memberId).execute();
  await clearSecretarySeats(db, memberId);
}

/** Leaves vacant the secretary seats a member held (it no longer belongs to that organization). */
export async function clearSecretarySeats(db: Q, memberId: number): Promise<void> {
  await db.updateTable('orgs').set({ secretary_member_id: null }).where('secretary_member_id', '=', memberId).execute();
}

/** Live members of the caller's scope by ID-number hash (an import's outgoing rows), with their organization's name. */
export async function membersByIdHash(db: Q, actor: Actor, hashes: string[]) {
  if (!hashes.length) return [];
  const out = [];
  for (let i = 0; i < hashes.length; i += 500)
    out.push(
      ...(await scoped(db, actor, 'members', { as: 'm' })
        .innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['m.id', 'm.org_id', 'm.org_path', 'm.id_number_hash', 'o.name as org_name'])
        .where('m.id_number_hash', 'in', hashes.slice(i, i + 500))
        .execute()),
    );
  return out;
}

/** Which of these letter numbers the county already has on a live transfer (an import refuses them). */
export async function lettersAmong(db: Q, tenantId: number, letters: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < letters.length; i += 500) {
    const rows = await db
      .selectFrom('transfers')
      .select('letter_no')
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .where('letter_no', 'in', letters.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.letter_no) found.add(r.letter_no);
  }
  return found;
}

/** Members of a list that have a transfer under way (an import's outgoing rows). */
export async function membersWithOpenTransfer(db: Q, memberIds: number[]): Promise<Set<number>> {
  if (!memberIds.length) return new Set();
  const rows = await db
    .selectFrom('transfers')
    .select('member_id')
    .where('member_id', 'in', memberIds)
    .where('status', 'in', [...OPEN_STATUSES])
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.member_id!));
}

/** What the transfers figure reads of one transfer. */
export interface FlowRow {
  org_path: string;
  to_path: string | null;
  kind: string;
  status: string;
  issued_on: string | null;
  accepted_on: string | null;
  valid_until: string | null;
}

/**
 * The live transfers touching a subtree [lo, hi) on either side that a period from `from` can count: those
 * received since then and those still under way (a county's transfers are hundreds a year: counted in memory).
 */
export async function flowRows(db: Q, tenantId: number, [lo, hi]: [string, string], from: string): Promise<FlowRow[]> {
  return db
    .selectFrom('transfers as t')
    .select(['t.org_path', 't.to_path', 't.kind', 't.status', 't.issued_on', 't.accepted_on', 't.valid_until'])
    .where('t.tenant_id', '=', tenantId)
    .where('t.deleted_at', 'is', null)
    .where((e) =>
      e.or([
        e.and([e('t.org_path', '>=', lo), e('t.org_path', '<', hi)]),
        e.and([e('t.to_path', '>=', lo), e('t.to_path', '<', hi)]),
      ]),
    )
    .where((e) => e.or([e('t.status', 'in', ['applied', 'issued']), e('t.accepted_on', '>=', from)]))
    .execute();
}

/**
 * Members a demo may transfer: of branches, without an account and holding no secretary seat (the demo's
 * accounts and each branch's secretary stay where the other modules' demo data expects them).
 */
export function demoCandidates(db: Q, tenantId: number, limit: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.org_id', 'm.org_path', 'o.name as org_name'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.deleted_at', 'is', null)
    .where('o.type', '=', 'branch')
    .where((e) => e.not(e.exists(e.selectFrom('users as u').select('u.id').whereRef('u.member_id', '=', 'm.id'))))
    .where((e) =>
      e.not(e.exists(e.selectFrom('orgs as s').select('s.id').whereRef('s.secretary_member_id', '=', 'm.id'))),
    )
    .orderBy('m.id')
    .limit(limit)
    .execute();
}

/** The live branches of a tenant (a demo's receiving organizations). */
export function branchesOf(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'tenant_id'])
    .where('tenant_id', '=', tenantId)
    .where('type', '=', 'branch')
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}
