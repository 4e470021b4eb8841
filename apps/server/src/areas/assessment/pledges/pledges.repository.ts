/**
 * Every query on pledges, their progress entries and evaluations. All three tables lie on the pledge's
 * organization's path: a scoped query (`scoped()`) gives each caller its subtree and nothing of a sibling's. A
 * member sees its own pledges and the public ones (published and later) of its branch. `publishedPledgesOf` is
 * the public board's export.
 */
import { PLEDGE_PUBLIC_STATUSES } from '@dangjian/contracts';
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { PledgeEvaluationsTable, PledgeProgressTable, PledgesTable } from '../../../db/schema/pledges.js';
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
export { childOrgs, orgOfTenant } from '../../core/orgs/orgs.repository.js';

export type PledgeRow = Selectable<PledgesTable> & { org_name: string; member_name: string | null };
export type ProgressRow = Selectable<PledgeProgressTable>;
export type EvaluationRow = Selectable<PledgeEvaluationsTable>;
export type { Q };

/** What a list asks for. */
export interface PledgeFilter {
  underPath?: string;
  q?: string;
  year?: number;
  kind?: string;
  status?: string;
  category?: string;
  memberId?: number;
  deleted?: boolean;
}

type AnyQ = SelectQueryBuilder<any, any, any>;

/** A member sees its own pledges and the public ones of its subtree; staff their whole subtree. */
function visible(q: AnyQ, actor: Actor): AnyQ {
  if (actor.role !== 'member') return q;
  const me = actor.memberId ?? -1;
  return q.where((e: any) => e.or([e('p.member_id', '=', me), e('p.status', 'in', [...PLEDGE_PUBLIC_STATUSES])]));
}

function base(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  return visible(
    (scoped(db, actor, 'pledges', { as: 'p', under, rows }) as AnyQ)
      .innerJoin('orgs as o', 'o.id', 'p.org_id')
      .leftJoin('members as m', 'm.id', 'p.member_id'),
    actor,
  );
}

const COLUMNS = (q: AnyQ) => q.selectAll('p').select(['o.name as org_name', 'm.name as member_name']);

/** One pledge the caller may see (404 otherwise). */
export async function getPledge(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<PledgeRow> {
  await getOr404(db, actor, 'pledges', id, rows);
  const r = await COLUMNS(base(db, actor, undefined, rows))
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!r) await getOr404(db, actor, 'pledges', -1);
  return r as PledgeRow;
}

function filtered(db: Q, actor: Actor, f: PledgeFilter): AnyQ {
  let q = base(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.year) q = q.where('p.year', '=', f.year);
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.category) q = q.where('p.category', '=', f.category);
  if (f.memberId) q = q.where('p.member_id', '=', f.memberId);
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) =>
      e.or([likeContains('p.title', text), likeContains('o.name', text), likeContains('m.name', text)]),
    );
  }
  return q;
}

/** A page of pledges, the newest first. */
export async function listPledges(
  db: Q,
  actor: Actor,
  f: PledgeFilter,
  paging: Paging,
): Promise<{ rows: PledgeRow[]; total: number }> {
  const order = (b: AnyQ) => COLUMNS(b).orderBy('p.year', 'desc').orderBy('p.id', 'desc');
  return paged(db, actor.tenantId!, filtered(db, actor, f), order, paging) as Promise<{
    rows: PledgeRow[];
    total: number;
  }>;
}

/** A new pledge's row. */
export type NewPledge = Omit<Insertable<PledgesTable>, 'id'>;

/** Inserts pledges; answers their ids in order. */
export async function insertPledges(db: Q, rows: NewPledge[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('pledges').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes columns of a pledge outside a move (a draft's text). */
export async function updatePledge(db: Q, id: number, set: Partial<Selectable<PledgesTable>>): Promise<void> {
  await db.updateTable('pledges').set(set).where('id', '=', id).execute();
}

/** How many live pledges a member has made in a year (drafts too). */
export async function countOfMember(db: Q, memberId: number, year: number): Promise<number> {
  const r = await db
    .selectFrom('pledges')
    .select((e) => e.fn.countAll().as('n'))
    .where('member_id', '=', memberId)
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number((r as { n: number | string }).n);
}

/** A live member of a tenant with its organization and path. */
export async function memberOf(db: Q, tenantId: number, memberId: number) {
  return db
    .selectFrom('members')
    .select(['id', 'name', 'org_id', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', memberId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The progress entries of a pledge, oldest first. */
export async function progressOf(db: Q, pledgeId: number): Promise<ProgressRow[]> {
  return db
    .selectFrom('pledge_progress')
    .selectAll()
    .where('pledge_id', '=', pledgeId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Inserts progress entries. */
export async function insertProgress(db: Q, rows: Omit<Insertable<PledgeProgressTable>, 'id'>[]): Promise<void> {
  if (rows.length) await db.insertInto('pledge_progress').values(rows).execute();
}

/** The evaluations of a pledge, oldest first. */
export async function evaluationsOf(db: Q, pledgeId: number): Promise<EvaluationRow[]> {
  return db
    .selectFrom('pledge_evaluations')
    .selectAll()
    .where('pledge_id', '=', pledgeId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Whether an evaluator has evaluated a pledge. */
export async function hasEvaluated(db: Q, pledgeId: number, key: string): Promise<boolean> {
  const r = await db
    .selectFrom('pledge_evaluations')
    .select('id')
    .where('pledge_id', '=', pledgeId)
    .where('evaluator_key', '=', key)
    .executeTakeFirst();
  return r != null;
}

/** Inserts evaluations. */
export async function insertEvaluations(db: Q, rows: Omit<Insertable<PledgeEvaluationsTable>, 'id'>[]): Promise<void> {
  if (rows.length) await db.insertInto('pledge_evaluations').values(rows).execute();
}

/** The rating counts of pledges, by pledge id. */
export async function ratingCounts(db: Q, ids: number[]): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('pledge_evaluations')
    .select(['pledge_id', 'rating', (e) => e.fn.countAll().as('n')])
    .where('pledge_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .groupBy(['pledge_id', 'rating'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.pledge_id) ?? {};
    c[r.rating] = Number(r.n);
    out.set(r.pledge_id, c);
  }
  return out;
}

/** A live pledge by its public token (the residents' evaluation page), with names. */
export async function byToken(db: Q, token: string) {
  return db
    .selectFrom('pledges as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .leftJoin('members as m', 'm.id', 'p.member_id')
    .selectAll('p')
    .select(['o.name as org_name', 'm.name as member_name'])
    .where('p.public_token', '=', token)
    .where('p.deleted_at', 'is', null)
    .executeTakeFirst() as Promise<PledgeRow | undefined>;
}

/** The live pledges of a subtree and year with their evaluations counted (the figure). */
export async function summaryRows(db: Q, tenantId: number, range: [string, string], year: number) {
  return liveInSubtree(db, 'pledges', tenantId, range, 'p')
    .select(['p.id', 'p.org_path', 'p.kind', 'p.status', 'p.problems_solved'])
    .where('p.year', '=', year)
    .execute();
}

/** The live evaluations of the live pledges of a subtree and year, counted by kind and rating (the figure). */
export async function summaryRatings(db: Q, tenantId: number, range: [string, string], year: number) {
  return liveInSubtree(db, 'pledge_evaluations', tenantId, range, 'e')
    .innerJoin('pledges as p', 'p.id', 'e.pledge_id')
    .where('p.deleted_at', 'is', null)
    .where('p.year', '=', year)
    .select(['e.org_path', 'p.kind', 'e.rating', (e) => e.fn.countAll().as('n')])
    .groupBy(['e.org_path', 'p.kind', 'e.rating'])
    .execute();
}

/** A published pledge as the public board lists it (names unmasked: the board masks them). */
export interface PublishedPledge {
  id: number;
  orgName: string;
  memberName: string | null;
  title: string;
  status: string;
  fulfilledOn: string | null;
}

/** The public board's export: published (and later) pledges of a subtree and year, the latest first. */
export async function publishedPledgesOf(
  db: Q,
  tenantId: number,
  orgPath: string,
  year: number,
  limit: number,
): Promise<PublishedPledge[]> {
  const [lo, hi] = subtreeRange(orgPath);
  const rows = await db
    .selectFrom('pledges as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .leftJoin('members as m', 'm.id', 'p.member_id')
    .select(['p.id', 'o.name as org_name', 'm.name as member_name', 'p.title', 'p.status', 'p.fulfilled_on'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.org_path', '>=', lo)
    .where('p.org_path', '<', hi)
    .where('p.deleted_at', 'is', null)
    .where('p.year', '=', year)
    .where('p.status', 'in', [...PLEDGE_PUBLIC_STATUSES])
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgName: r.org_name,
    memberName: r.member_name,
    title: r.title,
    status: r.status,
    fulfilledOn: r.fulfilled_on,
  }));
}

/** The public board's counts: published (and later) pledges of a subtree and year, and those fulfilled or evaluated. */
export async function publishedPledgeCountsOf(
  db: Q,
  tenantId: number,
  orgPath: string,
  year: number,
): Promise<{ total: number; fulfilled: number }> {
  const [lo, hi] = subtreeRange(orgPath);
  const rows = await db
    .selectFrom('pledges as p')
    .select(['p.status', (e) => e.fn.countAll<number>().as('n')])
    .where('p.tenant_id', '=', tenantId)
    .where('p.org_path', '>=', lo)
    .where('p.org_path', '<', hi)
    .where('p.deleted_at', 'is', null)
    .where('p.year', '=', year)
    .where('p.status', 'in', [...PLEDGE_PUBLIC_STATUSES])
    .groupBy('p.status')
    .execute();
  let total = 0;
  let fulfilled = 0;
  for (const r of rows) {
    const n = Number(r.n);
    total += n;
    if (r.status === 'fulfilled' || r.status === 'evaluated') fulfilled += n;
  }
  return { total, fulfilled };
}

/** The demo's people: the live members of a county, its villages and communities, and the demo branch. */
export async function demoPeople(db: Q, tenantId: number) {
  const members = await db
    .selectFrom('members')
    .select(['id', 'org_id', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const villages = await db
    .selectFrom('orgs')
    .select(['id', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('depth', '>=', 2)
    .where('type', 'in', ['branch', 'general_branch'])
    .where('field', 'in', ['rural', 'community'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const branch = await db
    .selectFrom('users')
    .select('org_id')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', 'demo-branch')
    .executeTakeFirst();
  return { members, villages, branch };
}
