/** The queries behind the meetings' figures: compliance, stats, the yearbook. */
import { liveInSubtree, type Q } from '../../../platform/data/scoped.js';
import { subtreeRange } from '../../../db/dialect.js';

/** The live organizations under `orgPath`. */
export function subtreeOrgs(db: Q, tenantId: number, orgPath: string) {
  const [lo, hi] = subtreeRange(orgPath);
  return liveInSubtree(db, 'orgs', tenantId, [lo, hi]).select(['id', 'name', 'type', 'org_path']).execute();
}

/** How many live members each organization under `orgPath` has. */
export function memberCountsByOrg(db: Q, tenantId: number, orgPath: string) {
  const [lo, hi] = subtreeRange(orgPath);
  return liveInSubtree(db, 'members', tenantId, [lo, hi])
    .select(['org_id', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('org_id')
    .execute();
}

/** The raw rows of the meetings' stats for a subtree and a span of days. */
export async function statsRows(db: Q, tenantId: number, orgPath: string, span: { from: string; to: string }) {
  const [lo, hi] = subtreeRange(orgPath);
  const base = () =>
    db
      .selectFrom('meetings as mt')
      .where('mt.tenant_id', '=', tenantId)
      .where('mt.org_path', '>=', lo)
      .where('mt.org_path', '<', hi)
      .where('mt.held_on', '>=', span.from)
      .where('mt.held_on', '<=', span.to)
      .where('mt.deleted_at', 'is', null);
  const byKind = await base()
    .select(['mt.kind as key', (e) => e.fn.countAll<number>().as('count')])
    .groupBy('mt.kind')
    .execute();
  const perOrg = await base()
    .innerJoin('orgs as o', 'o.id', 'mt.org_id')
    .leftJoin('meeting_attendance as a', 'a.meeting_id', 'mt.id')
    .select([
      'mt.org_id',
      'o.name',
      (e) => e.fn.count<number>('a.id').as('expected'),
      (e) => e.fn.sum<number>(e.case().when('a.status', '=', 'present').then(1).else(0).end()).as('present'),
      (e) => e.fn.sum<number>(e.case().when('a.status', '=', 'leave').then(1).else(0).end()).as('leave'),
    ])
    .groupBy(['mt.org_id', 'o.name'])
    .execute();
  const meetingsPerOrg = await base()
    .select(['mt.org_id', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('mt.org_id')
    .execute();
  const perMember = await base()
    .innerJoin('meeting_attendance as a', 'a.meeting_id', 'mt.id')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select([
      'a.member_id',
      'm.name',
      'o.name as org_name',
      (e) => e.fn.countAll<number>().as('expected'),
      (e) => e.fn.sum<number>(e.case().when('a.status', '=', 'present').then(1).else(0).end()).as('present'),
    ])
    .groupBy(['a.member_id', 'm.name', 'o.name'])
    .execute();
  const lectures = await base()
    .where('mt.kind', '=', 'party_lecture')
    .select([
      (e) => e.fn.countAll<number>().as('total'),
      (e) =>
        e.fn.sum<number>(e.case().when('mt.lecturer_role', '=', 'secretary').then(1).else(0).end()).as('secretaries'),
    ])
    .executeTakeFirstOrThrow();
  const incomplete = await base()
    .where((eb) =>
      eb.or([
        eb(eb.fn.coalesce('mt.minutes', eb.val('')), '=', ''),
        eb.not(
          eb.exists(
            eb
              .selectFrom('meeting_attendance as x')
              .select('x.id')
              .whereRef('x.meeting_id', '=', 'mt.id')
              .where('x.status', 'in', ['present', 'leave']),
          ),
        ),
      ]),
    )
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { byKind, perOrg, meetingsPerOrg, perMember, lectures, incomplete };
}

/** An organization's live meetings of one year, by day and start time (the yearbook's order). */
export function meetingsOfYear(db: Q, orgId: number, year: number) {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year}-12-31`)
    .where('deleted_at', 'is', null)
    .orderBy('held_on')
    .orderBy('start_time')
    .execute();
}

/** The attendance of the given meetings, with the members' names. */
export function attendanceOf(db: Q, meetingIds: number[]) {
  return db
    .selectFrom('meeting_attendance as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select(['a.meeting_id', 'm.name', 'a.status', 'a.leave_reason', 'a.checked_in_at'])
    .where('a.meeting_id', 'in', meetingIds)
    .execute();
}
