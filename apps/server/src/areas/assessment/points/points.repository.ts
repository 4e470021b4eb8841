/**
 * Every query of the points module: the ledger list (`points.ledger.repository.ts`), entries, published months,
 * disputes, and the totals with the caps of the rules applied (per event and month, then per event and year),
 * computed in SQL so a county's ranking is one query. `rankingOf` is the board's export.
 */
import { HARVESTED_EVENTS, type PointsRules } from '@dangjian/contracts';
import { type Insertable, type Selectable, sql } from 'kysely';
import { subtreeRange } from '../../../db/dialect.js';
import type { PointDisputesTable, PointEntriesTable } from '../../../db/schema/points.js';
import type { Actor } from '../../../platform/actor.js';
import { getOr404, type Q, scoped } from '../../../platform/data/scoped.js';
import { pointsRules } from './points.rules.js';
import { orgOfTenant } from '../../core/orgs/orgs.repository.js';
// The organizations' own readers, under the names this module's code calls them.
export { orgOfTenant } from '../../core/orgs/orgs.repository.js';

export type EntryRow = Selectable<PointEntriesTable>;
export type DisputeRow = Selectable<PointDisputesTable>;
export * from './points.ledger.repository.js';

/** One entry of the caller's scope, or 404. */
export function getEntry(db: Q, actor: Actor, id: number): Promise<EntryRow> {
  return getOr404(db, actor, 'point_entries', id);
}

/** Inserts ledger rows; answers their ids. */
export async function insertEntries(db: Q, rows: Insertable<PointEntriesTable>[]): Promise<number[]> {
  if (!rows.length) return [];
  const out = await db.insertInto('point_entries').values(rows).returning('id').execute();
  return out.map((r) => r.id);
}

/** Sets the non-point columns of an entry (status, reject reason); points are never updated. */
export async function setEntryState(db: Q, id: number, set: { status?: string; reject_reason?: string | null }) {
  await db.updateTable('point_entries').set(set).where('id', '=', id).execute();
}

/** The reversal of an entry, if any. */
export function reversalOf(db: Q, id: number) {
  return db.selectFrom('point_entries').select(['id']).where('reverses_id', '=', id).executeTakeFirst();
}

/** Whether a month of an organization is published. */
export async function isPublished(db: Q, orgId: number, month: string): Promise<boolean> {
  const r = await db
    .selectFrom('point_months')
    .select('id')
    .where('org_id', '=', orgId)
    .where('month', '=', month)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Boolean(r);
}

/** The published row of a month of an organization. */
export function monthRow(db: Q, orgId: number, month: string) {
  return db
    .selectFrom('point_months')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('month', '=', month)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Publishes a month of an organization. */
export async function insertMonth(
  db: Q,
  row: { tenant_id: number; org_id: number; org_path: string; month: string; at: string; by: number | null },
) {
  await db
    .insertInto('point_months')
    .values({
      tenant_id: row.tenant_id,
      org_id: row.org_id,
      org_path: row.org_path,
      month: row.month,
      published_at: row.at,
      published_by: row.by,
      created_at: row.at,
      updated_at: row.at,
      deleted_at: null,
    })
    .execute();
}

/** The disputes of some entries (the latest per entry last). */
export async function disputesOf(db: Q, entryIds: number[]): Promise<DisputeRow[]> {
  if (!entryIds.length) return [];
  return db
    .selectFrom('point_disputes')
    .selectAll()
    .where('entry_id', 'in', entryIds)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Open disputes of an organization's month. */
export async function openDisputes(db: Q, orgId: number, month: string): Promise<number> {
  const r = await db
    .selectFrom('point_disputes as d')
    .innerJoin('point_entries as e', 'e.id', 'd.entry_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('e.org_id', '=', orgId)
    .where('e.month', '=', month)
    .where('d.status', '=', 'open')
    .where('d.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts a dispute; answers its id. */
export async function insertDispute(db: Q, row: Insertable<PointDisputesTable>): Promise<number> {
  const r = await db.insertInto('point_disputes').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Answers a dispute (only while open: false when another answer came first). */
export async function answerDispute(
  db: Q,
  id: number,
  set: { status: string; answer: string; answered_at: string; answered_by: number | null; reversal_id: number | null },
): Promise<boolean> {
  const r = await db
    .updateTable('point_disputes')
    .set({ ...set, updated_at: set.answered_at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A member of the caller's scope (live), or undefined. */
export function memberInScope(db: Q, actor: Actor, memberId: number) {
  return scoped(db, actor, 'members')
    .select(['id', 'name', 'org_id', 'org_path', 'tenant_id'])
    .where('id', '=', memberId)
    .executeTakeFirst();
}

/** The SQL CASE capping a sum `col` of an event by a cap map (0 or missing: no cap). */
function capped(col: string, caps: Record<string, number>) {
  const whens = HARVESTED_EVENTS.filter((e) => (caps[e] ?? 0) > 0).map((e) => {
    const cap = sql.lit(Math.trunc(caps[e]!));
    return sql`WHEN event = ${sql.lit(e)} AND ${sql.ref(col)} > ${cap} THEN ${cap}`;
  });
  if (!whens.length) return sql.ref(col);
  return sql`CASE ${sql.join(whens, sql` `)} ELSE ${sql.ref(col)} END`;
}

/** Per member and event: the counted points of a subtree in a year (or one month), caps applied, and entries. */
export async function cappedTotals(
  db: Q,
  tenantId: number,
  range: [string, string],
  year: number,
  rules: PointsRules,
  month?: string,
): Promise<{ member_id: number; event: string; points: number; entries: number }[]> {
  const monthFilter = month ? sql`AND month = ${month}` : sql``;
  const inner = sql`SELECT member_id, event, month, SUM(points) AS s, COUNT(*) AS n FROM point_entries
    WHERE tenant_id = ${tenantId} AND org_path >= ${range[0]} AND org_path < ${range[1]} AND year = ${year}
      AND status = 'approved' AND deleted_at IS NULL ${monthFilter}
    GROUP BY member_id, event, month`;
  const mid = sql`SELECT member_id, event, SUM(${capped('s', rules.monthCap)}) AS y, SUM(n) AS n
    FROM (${inner}) mc GROUP BY member_id, event`;
  const yearCap = month ? sql.ref('y') : capped('y', rules.yearCap);
  const rows = await sql<{ member_id: number; event: string; points: number | string; entries: number | string }>`
    SELECT member_id, event, ${yearCap} AS points, n AS entries FROM (${mid}) yc`.execute(db);
  return rows.rows.map((r) => ({
    member_id: Number(r.member_id),
    event: r.event,
    points: Number(r.points),
    entries: Number(r.entries),
  }));
}

/** Live members of a subtree with their names and organizations. */
export function membersOf(db: Q, tenantId: number, range: [string, string]) {
  return db
    .selectFrom('members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.name', 'o.name as org_name'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.org_path', '>=', range[0])
    .where('m.org_path', '<', range[1])
    .where('m.deleted_at', 'is', null)
    .execute();
}

/** The count of live members of a subtree. */
export async function memberCount(db: Q, tenantId: number, range: [string, string]): Promise<number> {
  const r = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', range[0])
    .where('org_path', '<', range[1])
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Ranked rows: members of a subtree by their counted points (ties share a rank; members without points last). */
export async function ranking(
  db: Q,
  tenantId: number,
  range: [string, string],
  year: number,
  rules: PointsRules,
  month?: string,
): Promise<{ rank: number; memberId: number; name: string; orgName: string; points: number; entries: number }[]> {
  const [totals, members] = await Promise.all([
    cappedTotals(db, tenantId, range, year, rules, month),
    membersOf(db, tenantId, range),
  ]);
  const sum = new Map<number, { points: number; entries: number }>();
  for (const t of totals) {
    const s = sum.get(t.member_id) ?? { points: 0, entries: 0 };
    s.points += t.points;
    s.entries += t.entries;
    sum.set(t.member_id, s);
  }
  const rows = members
    .map((m) => ({
      memberId: m.id,
      name: m.name,
      orgName: m.org_name,
      ...(sum.get(m.id) ?? { points: 0, entries: 0 }),
    }))
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN') || a.memberId - b.memberId);
  let rank = 0;
  let last: number | null = null;
  return rows.map((r, i) => {
    if (r.points !== last) {
      rank = i + 1;
      last = r.points;
    }
    return { rank, ...r };
  });
}

/**
 * The board's export: a branch's (or subtree's) members by their counted points of a year, highest first.
 * Names are full here; the board masks them itself.
 */
export async function rankingOf(
  db: Q,
  tenantId: number,
  orgId: number,
  year: number,
): Promise<{ memberId: number; name: string; points: number }[]> {
  const org = await orgOfTenant(db, tenantId, orgId);
  if (!org) return [];
  const rules = await pointsRules(db, tenantId, year);
  const rows = await ranking(db, tenantId, subtreeRange(org.org_path), year, rules);
  return rows.map((r) => ({ memberId: r.memberId, name: r.name, points: r.points }));
}

/** The root organization (county) of every tenant: the daily job's round. */
export function countyRoots(db: Q) {
  return db
    .selectFrom('orgs')
    .select(['tenant_id', 'org_path'])
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Some live members of a tenant, by id (the demo's manual entries). */
export function someMembers(db: Q, tenantId: number, limit: number) {
  return db
    .selectFrom('members')
    .select(['id', 'org_id', 'org_path', 'tenant_id'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The first entry of an event in a month of a tenant (the demo's dispute). */
export function firstEntryOf(db: Q, tenantId: number, event: string, month: string) {
  return db
    .selectFrom('point_entries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('event', '=', event)
    .where('month', '=', month)
    .orderBy('id')
    .executeTakeFirst();
}
