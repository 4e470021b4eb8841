/**
 * Every query on the panels of the reporting rounds: who sits on a round's panel and the grades its members give
 * the reports. A panel seat lies on the organizer's path, a grade on the reporting organization's; the service
 * checks the caller's seat before it reads or writes through these.
 */
import type { Insertable, Selectable } from 'kysely';
import type { ReportGradesTable, ReportPanelistsTable } from '../../../db/schema/reports.js';
import type { Q } from '../../../platform/data/scoped.js';

export type PanelistRow = Selectable<ReportPanelistsTable> & { org_name: string; has_account: number };

/** Inserts panel members. */
export async function insertPanelists(db: Q, rows: Omit<Insertable<ReportPanelistsTable>, 'id'>[]): Promise<void> {
  if (rows.length) await db.insertInto('report_panelists').values(rows).execute();
}

/** A round's panel with each member's organization and whether it has an account. */
export async function panelOf(db: Q, roundId: number): Promise<PanelistRow[]> {
  return (await db
    .selectFrom('report_panelists as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .selectAll('p')
    .select('o.name as org_name')
    .select((e) =>
      e
        .exists(
          e
            .selectFrom('users as u')
            .select('u.id')
            .whereRef('u.member_id', '=', 'p.member_id')
            .where('u.deleted_at', 'is', null),
        )
        .as('has_account'),
    )
    .where('p.round_id', '=', roundId)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.id')
    .execute()) as unknown as PanelistRow[];
}

/** The caller's panel seat in a round (by its member record), if any. */
export async function panelSeat(db: Q, roundId: number, memberId: number | null) {
  if (!memberId) return undefined;
  return db
    .selectFrom('report_panelists')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('member_id', '=', memberId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The ids of the rounds where a member sits on the panel. */
export async function roundsOfPanelist(db: Q, memberId: number | null): Promise<Set<number>> {
  if (!memberId) return new Set();
  const rows = await db
    .selectFrom('report_panelists')
    .select('round_id')
    .where('member_id', '=', memberId)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.round_id));
}

/** Panel grades of reports: counts per report and grade. */
export async function panelCounts(db: Q, reportIds: number[]) {
  const out = new Map<number, Record<string, number>>();
  if (!reportIds.length) return out;
  const rows = await db
    .selectFrom('report_grades')
    .select(['report_id', 'grade'])
    .select((e) => e.fn.countAll().as('n'))
    .where('report_id', 'in', reportIds)
    .where('deleted_at', 'is', null)
    .groupBy(['report_id', 'grade'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.report_id) ?? {};
    c[r.grade] = Number(r.n);
    out.set(r.report_id, c);
  }
  return out;
}

/** A panelist's grade of a report, if given. */
export async function gradeOf(db: Q, reportId: number, panelistId: number) {
  return db
    .selectFrom('report_grades')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('panelist_id', '=', panelistId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** A panelist's grades by report id. */
export async function gradesOfPanelist(db: Q, panelistId: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('report_grades')
    .select(['report_id', 'grade'])
    .where('panelist_id', '=', panelistId)
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.report_id, r.grade]));
}

/** Inserts panel grades. */
export async function insertGrades(db: Q, rows: Omit<Insertable<ReportGradesTable>, 'id'>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('report_grades')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Changes a panel grade. */
export async function updateGrade(db: Q, id: number, grade: string, now: string): Promise<void> {
  await db.updateTable('report_grades').set({ grade, updated_at: now }).where('id', '=', id).execute();
}
