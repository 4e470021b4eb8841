/** The queries of the overview figure: counts of organizations and members of a subtree (an index range). */
import { type SelectQueryBuilder, sql } from 'kysely';
import { AGE_BAND_LIMITS, type StatsOverviewT } from '@dangjian/contracts';
import { liveInSubtree, type Q } from '../../../platform/data/scoped.js';
import { addMonths, ELECTION_DUE_MONTHS, electionStatus } from '../orgs/orgs.rules.js';

type KeyCount = { key: string; count: number }[];

/** Organizations, members (by status, gender, age band …) and elections due of a subtree, counted on a day. */
export async function overviewOf(db: Q, tenant: number, lo: string, hi: string, day: string): Promise<StatsOverviewT> {
  const orgs = () => liveInSubtree(db, 'orgs', tenant, [lo, hi]);
  const members = () => liveInSubtree(db, 'members', tenant, [lo, hi]);
  // Rows per value of a column (a missing value counts as 'unknown'); the callers' types name the columns.
  const countBy = async (base: SelectQueryBuilder<any, any, object>, col: string): Promise<KeyCount> =>
    (
      await base
        .select([
          sql<string>`coalesce(${sql.ref(col)}, 'unknown')`.as('key'),
          (e) => e.fn.countAll<number>().as('count'),
        ])
        .groupBy(sql.ref(col))
        .execute()
    ).map((r) => ({ key: r.key, count: Number(r.count) }));
  const group = (col: 'status' | 'gender' | 'education' | 'category' | 'ethnicity') => countBy(members(), col);
  const orgGroup = (col: 'type' | 'field') => countBy(orgs(), col);

  // Age bands as one CASE over birth dates: born after (today − max years) and on or before (today − min years).
  const shift = (years: number) => `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;
  const bands = Object.entries(AGE_BAND_LIMITS);
  const caseSql = sql.join(
    bands.map(
      ([band, [min, max]]) => sql`when birth_date <= ${shift(min)} and birth_date > ${shift(max)} then ${band}`,
    ),
    sql` `,
  );
  const byAge = await members()
    .select([sql<string>`case ${caseSql} else 'unknown' end`.as('key'), (e) => e.fn.countAll<number>().as('count')])
    // By position: PostgreSQL cannot match a GROUP BY expression whose parameters are numbered anew.
    .groupBy(sql`1`)
    .execute();
  const byJoinYear = await members()
    .select([sql<string>`substr(joined_at, 1, 4)`.as('year'), (e) => e.fn.countAll<number>().as('count')])
    .groupBy(sql`substr(joined_at, 1, 4)`)
    .orderBy(sql`substr(joined_at, 1, 4)`)
    .execute();

  const horizon = addMonths(day, ELECTION_DUE_MONTHS);
  const dueRows = await orgs()
    .select(['id', 'name', 'term_end'])
    .where('term_end', 'is not', null)
    .where('term_end', '<=', horizon)
    .orderBy('term_end')
    .execute();
  const items = dueRows.map((r) => {
    const e = electionStatus(r.term_end, day);
    return { id: r.id, name: r.name, termEnd: r.term_end!, electionDueAt: e.dueAt!, status: e.status };
  });
  const [byStatus, byGender, byEducation, byCategory, byEthnicity, byType, byField] = await Promise.all([
    group('status'),
    group('gender'),
    group('education'),
    group('category'),
    group('ethnicity'),
    orgGroup('type'),
    orgGroup('field'),
  ]);
  const sum = (k: KeyCount) => k.reduce((a, b) => a + b.count, 0);
  const order = (k: KeyCount) => k.sort((a, b) => b.count - a.count);
  return {
    orgs: { total: sum(byType), byType: order(byType), byField: order(byField) },
    members: {
      total: sum(byStatus),
      byStatus: order(byStatus),
      byGender: order(byGender),
      byAgeBand: bands.map(([band]) => ({ key: band, count: Number(byAge.find((r) => r.key === band)?.count ?? 0) })),
      byEducation: order(byEducation),
      byCategory: order(byCategory),
      byEthnicity: order(byEthnicity),
      byJoinYear: byJoinYear.map((r) => ({ year: Number(r.year), count: Number(r.count) })),
    },
    elections: {
      due: items.filter((i) => i.status === 'due').length,
      overdue: items.filter((i) => i.status === 'overdue').length,
      items,
    },
  };
}
