/**
 * Every query on reporting rounds, panel members, reports and panel grades. Reports and grades lie on the
 * reporting organization's path (scoped: a branch sees its own report, a township all of its villages'). A round
 * lies on its organizer's path and is seen from below too: the secretaries it asks to report and its panel
 * members sit under the organizer, so a round is visible to callers in its subtree and to those above it.
 */
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { subtreeRange } from '../../../db/dialect.js';
import type { ReportRoundsTable, ReportsTable } from '../../../db/schema/reports.js';
import { type Actor, scopeRange } from '../../../platform/actor.js';
import { getOr404, liveInSubtree, type Paging, paged, type Q, scoped } from '../../../platform/data/scoped.js';
import { notFound } from '../../../platform/errors.js';
// The organizations' own readers, under the names this module's code calls them.
export { namesOf as orgNames, orgOfTenant } from '../../core/orgs/orgs.repository.js';

export type RoundRow = Selectable<ReportRoundsTable> & { org_name: string };
export type ReportRow = Selectable<ReportsTable> & { org_name: string; round_title: string };
export type { Q };
type AnyQ = SelectQueryBuilder<any, any, any>;

/** The paths above and at a caller's organization (`/1/17/42/` → `/1/`, `/1/17/`, `/1/17/42/`). */
export function ancestorPaths(orgPath: string): string[] {
  const parts = orgPath.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/**
 * WIDENING (rounds seen from below): the rounds of the caller's subtree and of the committees above it, in its
 * tenant — a village secretary sees its township's round, never another township's.
 */
function visibleRounds(db: Q, actor: Actor): AnyQ {
  const [lo, hi] = scopeRange(actor);
  const above = ancestorPaths(actor.orgPath!);
  return (db as any)
    .selectFrom('report_rounds as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .where('r.tenant_id', '=', actor.tenantId)
    .where('r.deleted_at', 'is', null)
    .where((e: any) =>
      e.or([e('r.org_path', 'in', above), e.and([e('r.org_path', '>=', lo), e('r.org_path', '<', hi)])]),
    )
    .selectAll('r')
    .select('o.name as org_name');
}

/** A round the caller sees (404 otherwise). */
export async function getRound(db: Q, actor: Actor, id: number): Promise<RoundRow> {
  const r = await visibleRounds(db, actor).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw notFound();
  return r as RoundRow;
}

/** A page of the rounds the caller sees, newest year first. */
export async function listRounds(
  db: Q,
  actor: Actor,
  f: { year?: number; status?: string },
  paging: Paging,
): Promise<{ rows: RoundRow[]; total: number }> {
  const [lo, hi] = scopeRange(actor);
  const above = ancestorPaths(actor.orgPath!);
  let base: AnyQ = (db as any)
    .selectFrom('report_rounds as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .where('r.tenant_id', '=', actor.tenantId)
    .where('r.deleted_at', 'is', null)
    .where((e: any) =>
      e.or([e('r.org_path', 'in', above), e.and([e('r.org_path', '>=', lo), e('r.org_path', '<', hi)])]),
    );
  if (f.year) base = base.where('r.year', '=', f.year);
  if (f.status) base = base.where('r.status', '=', f.status);
  const order = (b: AnyQ) =>
    b.selectAll('r').select('o.name as org_name').orderBy('r.year', 'desc').orderBy('r.id', 'desc');
  return paged(db, actor.tenantId!, base, order, paging) as Promise<{ rows: RoundRow[]; total: number }>;
}

/** Whether an organizer already runs a live round for a year. */
export async function roundTaken(db: Q, orgId: number, year: number): Promise<boolean> {
  const r = await db
    .selectFrom('report_rounds')
    .select('id')
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return r != null;
}

/** Inserts rounds; answers their ids. */
export async function insertRounds(db: Q, rows: Omit<Insertable<ReportRoundsTable>, 'id'>[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('report_rounds').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes a round's status. */
export async function setRoundStatus(db: Q, id: number, status: string, now: string): Promise<void> {
  await db.updateTable('report_rounds').set({ status, updated_at: now }).where('id', '=', id).execute();
}

/** Counts of a round's reports: due, submitted or further, graded or further. */
export async function roundCounts(db: Q, roundIds: number[]) {
  const out = new Map<number, { due: number; submitted: number; graded: number }>();
  if (!roundIds.length) return out;
  const rows = await db
    .selectFrom('reports')
    .select(['round_id', 'status'])
    .select((e) => e.fn.countAll().as('n'))
    .where('round_id', 'in', roundIds)
    .where('deleted_at', 'is', null)
    .groupBy(['round_id', 'status'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.round_id) ?? { due: 0, submitted: 0, graded: 0 };
    const n = Number(r.n);
    c.due += n;
    if (r.status !== 'draft') c.submitted += n;
    if (r.status === 'graded' || r.status === 'published') c.graded += n;
    out.set(r.round_id, c);
  }
  return out;
}

/** The organizations that report in a round of an organizer: a county's townships, a township's villages. */
export async function reportingOrgs(
  db: Q,
  tenantId: number,
  organizer: { id: number; depth: number; org_path: string },
) {
  const [lo, hi] = subtreeRange(organizer.org_path);
  return db
    .selectFrom('orgs as o')
    .leftJoin('members as m', 'm.id', 'o.secretary_member_id')
    .select(['o.id', 'o.org_path', 'o.name', 'o.committee', 'o.secretary_member_id', 'm.name as secretary_name'])
    .where('o.tenant_id', '=', tenantId)
    .where('o.org_path', '>=', lo)
    .where('o.org_path', '<', hi)
    .where('o.depth', '=', organizer.depth + 1)
    .where('o.type', '!=', 'group')
    .where('o.deleted_at', 'is', null)
    .orderBy('o.sort_order')
    .orderBy('o.id')
    .execute();
}

/** Members by id inside a subtree, live (the panel). */
export async function membersIn(db: Q, tenantId: number, path: string, ids: number[]) {
  if (!ids.length) return [];
  const [lo, hi] = subtreeRange(path);
  return db
    .selectFrom('members')
    .select(['id', 'name', 'org_id', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}

const REPORT_COLUMNS = (q: AnyQ) => q.selectAll('p').select(['o.name as org_name', 'r.title as round_title']);

function reportBase(db: Q, actor: Actor, under?: string): AnyQ {
  return (scoped(db, actor, 'reports', { as: 'p', under }) as AnyQ)
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .innerJoin('report_rounds as r', 'r.id', 'p.round_id');
}

/** One report of the caller's scope (404 otherwise). */
export async function getReport(db: Q, actor: Actor, id: number): Promise<ReportRow> {
  await getOr404(db, actor, 'reports', id);
  return (await REPORT_COLUMNS(reportBase(db, actor)).where('p.id', '=', id).executeTakeFirstOrThrow()) as ReportRow;
}

/** One report by id without the caller's scope (a panel member's sheet: checked by its seat before). */
export async function reportById(db: Q, tenantId: number, id: number): Promise<ReportRow | undefined> {
  return (await REPORT_COLUMNS(
    (db as any)
      .selectFrom('reports as p')
      .innerJoin('orgs as o', 'o.id', 'p.org_id')
      .innerJoin('report_rounds as r', 'r.id', 'p.round_id'),
  )
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', '=', id)
    .where('p.deleted_at', 'is', null)
    .executeTakeFirst()) as ReportRow | undefined;
}

/** What a report list asks for. */
export interface ReportFilter {
  underPath?: string;
  roundId?: number;
  orgId?: number;
  year?: number;
  status?: string;
  grade?: string;
}

/** A page of reports, by organization. */
export async function listReports(db: Q, actor: Actor, f: ReportFilter, paging: Paging) {
  let q = reportBase(db, actor, f.underPath);
  if (f.roundId) q = q.where('p.round_id', '=', f.roundId);
  if (f.orgId) q = q.where('p.org_id', '=', f.orgId);
  if (f.year) q = q.where('p.year', '=', f.year);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.grade) q = q.where('p.final_grade', '=', f.grade);
  const order = (b: AnyQ) => REPORT_COLUMNS(b).orderBy('p.year', 'desc').orderBy('p.org_path').orderBy('p.id');
  return paged(db, actor.tenantId!, q, order, paging) as Promise<{ rows: ReportRow[]; total: number }>;
}

/** The live reports of a round (a panel member's sheet), by organization. */
export async function reportsOfRound(db: Q, roundId: number): Promise<ReportRow[]> {
  return (await REPORT_COLUMNS(
    (db as any)
      .selectFrom('reports as p')
      .innerJoin('orgs as o', 'o.id', 'p.org_id')
      .innerJoin('report_rounds as r', 'r.id', 'p.round_id'),
  )
    .where('p.round_id', '=', roundId)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.org_path')
    .execute()) as ReportRow[];
}

/** A report row to insert (the service adds what it carries beyond the table). */
export type ReportInsert = Omit<Insertable<ReportsTable>, 'id'>;

/** Inserts reports; answers their ids. */
export async function insertReports(db: Q, rows: ReportInsert[]): Promise<number[]> {
  if (!rows.length) return [];
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500)
    ids.push(
      ...(
        await db
          .insertInto('reports')
          .values(rows.slice(i, i + 500))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** Changes columns of a report outside a move. */
export async function updateReport(db: Q, id: number, set: Partial<Selectable<ReportsTable>>): Promise<void> {
  await db.updateTable('reports').set(set).where('id', '=', id).execute();
}

/** The live organizations right below one (the figure's rows). */
export async function childOrgs(db: Q, tenantId: number, parentId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', '=', parentId)
    .where('deleted_at', 'is', null)
    .where('type', '!=', 'group')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Every live report of a subtree and year: its path, status and final grade (the figure). */
export async function summaryReports(db: Q, tenantId: number, range: [string, string], year: number) {
  return liveInSubtree(db, 'reports', tenantId, range, 'p')
    .select(['p.org_path', 'p.status', 'p.final_grade'])
    .where('p.year', '=', year)
    .execute();
}

/** The path of a report's round (its organizer's), for the flow's organizer check. */
export async function roundOrgPath(db: Q, roundId: number): Promise<string> {
  const r = await db.selectFrom('report_rounds').select('org_path').where('id', '=', roundId).executeTakeFirstOrThrow();
  return r.org_path;
}
