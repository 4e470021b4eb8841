/**
 * The records indicators are filled from (RATING_SOURCES): one grouped query per measure over a subtree and year, by
 * organization path; `ratings.sources.ts` adds the rows up into each rated organization.
 */
import { sql } from 'kysely';
import type { Q } from './ratings.repository.js';

// ---------------------------------------------------------------------------------------------------------------
// The records indicators are filled from: one grouped query per measure over a subtree and year.

/** Rows of a measure by organization path. */
export type ByPath<T> = { org_path: string } & T;

const yearSpan = (year: number, today: string): [string, string] => {
  const end = `${year}-12-31`;
  return [`${year}-01-01`, today < end ? today : end];
};

/** Meetings held in the year (up to today), per organization path. */
export async function meetingsHeld(db: Q, tenantId: number, [lo, hi]: [string, string], year: number, today: string) {
  const [from, to] = yearSpan(year, today);
  const rows = await db
    .selectFrom('meetings')
    .select(['org_path', (e) => e.fn.countAll().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .groupBy('org_path')
    .execute();
  return rows.map((r) => ({ org_path: r.org_path, n: Number(r.n) }));
}

/** Attendance marks of the year's meetings (present and all), per organization path. */
export async function attendance(db: Q, tenantId: number, [lo, hi]: [string, string], year: number, today: string) {
  const [from, to] = yearSpan(year, today);
  const rows = await db
    .selectFrom('meeting_attendance as a')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .select([
      'm.org_path',
      (e) => e.fn.countAll().as('n'),
      sql<number>`sum(case when a.status = 'present' then 1 else 0 end)`.as('present'),
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('m.org_path', '>=', lo)
    .where('m.org_path', '<', hi)
    .where('m.deleted_at', 'is', null)
    .where('m.held_on', '>=', from)
    .where('m.held_on', '<=', to)
    .where('a.status', 'in', ['present', 'absent'])
    .groupBy('m.org_path')
    .execute();
  return rows.map((r) => ({ org_path: r.org_path, n: Number(r.n), present: Number(r.present ?? 0) }));
}

/** Dues billed and paid in the year's months up to this one (exempt bills aside), per organization path. */
export async function duesOf(db: Q, tenantId: number, [lo, hi]: [string, string], year: number, today: string) {
  const [from, to] = yearSpan(year, today);
  const rows = await db
    .selectFrom('dues_bills')
    .select([
      'org_path',
      (e) => e.fn.sum<number>('amount_fen').as('amount'),
      (e) => e.fn.sum<number>('paid_fen').as('paid'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'exempt')
    .where('month', '>=', from.slice(0, 7))
    .where('month', '<=', to.slice(0, 7))
    .groupBy('org_path')
    .execute();
  return rows.map((r) => ({ org_path: r.org_path, amount: Number(r.amount ?? 0), paid: Number(r.paid ?? 0) }));
}

/** The development quotas of organizations for a year. */
export async function quotasOf(db: Q, tenantId: number, orgIds: number[], year: number) {
  if (!orgIds.length) return new Map<number, number>();
  const rows = await db
    .selectFrom('development_plans')
    .select(['org_id', 'quota'])
    .where('tenant_id', '=', tenantId)
    .where('org_id', 'in', orgIds)
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.org_id, r.quota]));
}

/** Candidates admitted in the year, per organization path. */
export async function admitted(db: Q, tenantId: number, [lo, hi]: [string, string], year: number, today: string) {
  const [from, to] = yearSpan(year, today);
  const rows = await db
    .selectFrom('development_candidates')
    .select(['org_path', (e) => e.fn.countAll().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('admitted_on', '>=', from)
    .where('admitted_on', '<=', to)
    .groupBy('org_path')
    .execute();
  return rows.map((r) => ({ org_path: r.org_path, n: Number(r.n) }));
}

/** Problems found in the year and those of them closed, per organization path. */
export async function problemsOf(db: Q, tenantId: number, [lo, hi]: [string, string], year: number, today: string) {
  const [from, to] = yearSpan(year, today);
  const rows = await db
    .selectFrom('problems')
    .select([
      'org_path',
      (e) => e.fn.countAll().as('n'),
      sql<number>`sum(case when status = 'closed' then 1 else 0 end)`.as('closed'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('found_on', '>=', from)
    .where('found_on', '<=', to)
    .groupBy('org_path')
    .execute();
  return rows.map((r) => ({ org_path: r.org_path, n: Number(r.n), closed: Number(r.closed ?? 0) }));
}

/** Residents' requests closed in the year, per organization path (the one that handled them). */
export async function servicesDone(db: Q, tenantId: number, [lo, hi]: [string, string], year: number, today: string) {
  const [from, to] = yearSpan(year, today);
  // Grouped by an expression of the path, not the column: by the column, SQLite walks requests_scope in path order
  // for the sort that saves and reads each of the county's requests from the table for closed_at (7 s on the demo
  // county); by the expression it takes the covering requests_closed_by_path (0.4 s).
  const path = sql<string>`org_path || ''`;
  const rows = await db
    .selectFrom('requests')
    .select([path.as('org_path'), (e) => e.fn.countAll().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'closed')
    .where('closed_at', '>=', from)
    .where('closed_at', '<', `${to}T99`)
    .groupBy(path)
    .execute();
  return rows.map((r) => ({ org_path: r.org_path, n: Number(r.n) }));
}
