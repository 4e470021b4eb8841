/**
 * Every query on selections, nominations and ballots. A selection lies on its organizer's path and is seen from
 * below too (the organizations that nominate and the members who vote sit under the organizer); a nomination lies
 * on the nominating organization's path (scoped: a branch sees its own, the organizer all); a ballot on the
 * voter's organization's path, read only by the count (the organizer) and by its own voter.
 */
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { subtreeRange } from '../../../db/dialect.js';
import type {
  SelectionBallotsTable,
  SelectionNominationsTable,
  SelectionsTable,
} from '../../../db/schema/selections.js';
import { type Actor, scopeRange } from '../../../platform/actor.js';
import { liveInSubtree, type Liveness, type Paging, paged, type Q, scoped } from '../../../platform/data/scoped.js';
import { notFound } from '../../../platform/errors.js';
import { ancestorPaths } from '../reports/reports.repository.js';
// The organizations' own readers, under the names this module's code calls them.
export { orgOfTenant } from '../../core/orgs/orgs.repository.js';

export type SelectionRow = Selectable<SelectionsTable> & { org_name: string };
export type NominationRow = Selectable<SelectionNominationsTable> & { org_name: string; member_org_name: string };
export type { Q };
type AnyQ = SelectQueryBuilder<any, any, any>;

/**
 * WIDENING (selections seen from below): the selections of the caller's subtree and of the committees above it,
 * in its tenant — a branch sees its township's and the county's, never another township's.
 */
function visible(db: Q, actor: Actor, rows: Liveness = 'live'): AnyQ {
  const [lo, hi] = scopeRange(actor);
  const above = ancestorPaths(actor.orgPath!);
  let q: AnyQ = (db as any)
    .selectFrom('selections as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .where('s.tenant_id', '=', actor.tenantId)
    .where((e: any) =>
      e.or([e('s.org_path', 'in', above), e.and([e('s.org_path', '>=', lo), e('s.org_path', '<', hi)])]),
    );
  if (rows !== 'any') q = q.where('s.deleted_at', rows === 'deleted' ? 'is not' : 'is', null);
  return q;
}

const COLUMNS = (q: AnyQ) => q.selectAll('s').select('o.name as org_name');

/** A selection the caller sees (404 otherwise). */
export async function getSelection(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<SelectionRow> {
  const r = await COLUMNS(visible(db, actor, rows))
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  return r as SelectionRow;
}

/** A page of the selections the caller sees, newest first. */
export async function listSelections(
  db: Q,
  actor: Actor,
  f: { year?: number; status?: string; kind?: string; deleted?: boolean },
  paging: Paging,
): Promise<{ rows: SelectionRow[]; total: number }> {
  let q = visible(db, actor, f.deleted ? 'deleted' : 'live');
  if (f.deleted) {
    // The recycle bin holds the caller's own subtree's selections only.
    const [lo, hi] = scopeRange(actor);
    q = q.where('s.org_path', '>=', lo).where('s.org_path', '<', hi);
  }
  if (f.year) q = q.where('s.year', '=', f.year);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.kind) q = q.where('s.kind', '=', f.kind);
  const order = (b: AnyQ) => COLUMNS(b).orderBy('s.year', 'desc').orderBy('s.id', 'desc');
  return paged(db, actor.tenantId!, q, order, paging) as Promise<{ rows: SelectionRow[]; total: number }>;
}

/** Inserts selections; answers their ids. */
export async function insertSelections(db: Q, rows: Omit<Insertable<SelectionsTable>, 'id'>[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('selections').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Counts of accepted nominations and winners per selection. */
export async function nominationCounts(db: Q, ids: number[]) {
  const out = new Map<number, { nominees: number; winners: number }>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('selection_nominations')
    .select(['selection_id', 'winner'])
    .select((e) => e.fn.countAll().as('n'))
    .where('selection_id', 'in', ids)
    .where('status', '=', 'accepted')
    .where('deleted_at', 'is', null)
    .groupBy(['selection_id', 'winner'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.selection_id) ?? { nominees: 0, winners: 0 };
    c.nominees += Number(r.n);
    if (Number(r.winner)) c.winners += Number(r.n);
    out.set(r.selection_id, c);
  }
  return out;
}

const NOM = (db: Q) =>
  (db as any)
    .selectFrom('selection_nominations as n')
    .innerJoin('orgs as o', 'o.id', 'n.org_id')
    .innerJoin('members as m', 'm.id', 'n.member_id')
    .innerJoin('orgs as mo', 'mo.id', 'm.org_id')
    .selectAll('n')
    .select(['o.name as org_name', 'mo.name as member_org_name']) as AnyQ;

/** The live nominations of a selection in the caller's subtree (the organizer's subtree holds them all). */
export async function nominationsOf(db: Q, actor: Actor, selectionId: number): Promise<NominationRow[]> {
  const [lo, hi] = scopeRange(actor);
  return (await NOM(db)
    .where('n.tenant_id', '=', actor.tenantId)
    .where('n.org_path', '>=', lo)
    .where('n.org_path', '<', hi)
    .where('n.selection_id', '=', selectionId)
    .where('n.deleted_at', 'is', null)
    .orderBy('n.id')
    .execute()) as NominationRow[];
}

/** Every live nomination of a selection (the count, the ballot paper, the winners). */
export async function allNominations(db: Q, selectionId: number): Promise<NominationRow[]> {
  return (await NOM(db)
    .where('n.selection_id', '=', selectionId)
    .where('n.deleted_at', 'is', null)
    .orderBy('n.id')
    .execute()) as NominationRow[];
}

/** One nomination of the caller's subtree (404 otherwise). */
export async function getNomination(db: Q, actor: Actor, id: number) {
  const r = await (scoped(db, actor, 'selection_nominations', { as: 'n' }) as AnyQ)
    .selectAll('n')
    .where('n.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  return r as Selectable<SelectionNominationsTable>;
}

/** How many live nominations an organization made in a selection (its quota), and whether a member is in. */
export async function nominatedBy(db: Q, selectionId: number, orgId: number, memberId: number) {
  const rows = await db
    .selectFrom('selection_nominations')
    .select(['org_id', 'member_id', 'status'])
    .where('selection_id', '=', selectionId)
    .where('deleted_at', 'is', null)
    .where((e) => e.or([e('org_id', '=', orgId), e('member_id', '=', memberId)]))
    .execute();
  return {
    used: rows.filter((r) => r.org_id === orgId && r.status !== 'rejected').length,
    taken: rows.some((r) => r.member_id === memberId && r.status !== 'rejected'),
  };
}

/** Inserts nominations; answers their ids. */
export async function insertNominations(
  db: Q,
  rows: Omit<Insertable<SelectionNominationsTable>, 'id'>[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500)
    ids.push(
      ...(
        await db
          .insertInto('selection_nominations')
          .values(rows.slice(i, i + 500))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** Changes a nomination. */
export async function updateNomination(
  db: Q,
  id: number,
  set: Partial<Selectable<SelectionNominationsTable>>,
): Promise<void> {
  await db.updateTable('selection_nominations').set(set).where('id', '=', id).execute();
}

/** Marks the winners of a selection (and clears the others). */
export async function setWinners(db: Q, selectionId: number, winners: Map<number, string | null>, now: string) {
  await db
    .updateTable('selection_nominations')
    .set({ winner: 0, winner_reason: null, updated_at: now })
    .where('selection_id', '=', selectionId)
    .execute();
  for (const [id, reason] of winners)
    await db
      .updateTable('selection_nominations')
      .set({ winner: 1, winner_reason: reason, updated_at: now })
      .where('id', '=', id)
      .execute();
}

/** The organizer's reason for winners named off the count (null when the count's top N won). */
export async function setWinnerReason(db: Q, selectionId: number, reason: string | null): Promise<void> {
  await db.updateTable('selections').set({ winner_reason: reason }).where('id', '=', selectionId).execute();
}

/** A member of a subtree, live (the nominee). */
export async function memberIn(db: Q, tenantId: number, path: string, id: number) {
  const [lo, hi] = subtreeRange(path);
  return db
    .selectFrom('members')
    .select(['id', 'name', 'org_id', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The caller's ballot in a selection, if cast. */
export async function ballotOf(db: Q, selectionId: number, userId: number) {
  return db
    .selectFrom('selection_ballots')
    .selectAll()
    .where('selection_id', '=', selectionId)
    .where('voter_user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Inserts ballots (the unique index refuses a second one of a voter). */
export async function insertBallots(db: Q, rows: Omit<Insertable<SelectionBallotsTable>, 'id'>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('selection_ballots')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** The choices of every live ballot of a selection (the count). */
export async function ballotChoices(db: Q, selectionId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('selection_ballots')
    .select('choices')
    .where('selection_id', '=', selectionId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.choices);
}

/** Active party accounts of a subtree: the eligible voters. */
export async function votersIn(db: Q, tenantId: number, path: string): Promise<number> {
  const [lo, hi] = subtreeRange(path);
  const r = await db
    .selectFrom('users')
    .select((e) => e.fn.countAll().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('status', '=', 'active')
    .where('role', 'in', ['county_admin', 'township_admin', 'branch_secretary', 'member'])
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The figure's counts: selections organized in a subtree, accepted nominees and winners of its members. */
export async function summaryCounts(db: Q, tenantId: number, range: [string, string], year: number) {
  const held = await liveInSubtree(db, 'selections', tenantId, range, 's')
    .where('s.year', '=', year)
    .select((e) => e.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const noms = await (db as any)
    .selectFrom('selection_nominations as n')
    .innerJoin('selections as s', 's.id', 'n.selection_id')
    .innerJoin('members as m', 'm.id', 'n.member_id')
    .where('n.tenant_id', '=', tenantId)
    .where('m.org_path', '>=', range[0])
    .where('m.org_path', '<', range[1])
    .where('n.deleted_at', 'is', null)
    .where('s.deleted_at', 'is', null)
    .where('s.year', '=', year)
    .where('n.status', '=', 'accepted')
    .select(['n.winner', 's.status'])
    .execute();
  return {
    selections: Number((held as { n: number | string }).n),
    nominees: noms.length,
    winners: noms.filter((n: { winner: number; status: string }) => Number(n.winner) && n.status === 'published')
      .length,
  };
}
