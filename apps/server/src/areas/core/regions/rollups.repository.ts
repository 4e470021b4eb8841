/**
 * The queries of the rollup refresh: a county's own counts per organization (grouped, never rows of members) and the
 * replacement of its rollup rows. The definitions follow stats.overview (stats.repository.ts): live rows, the status,
 * gender, ethnicity and education columns as stored, ages by birth date against the day.
 */
import { CompiledQuery, sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { DB } from '../../../db/schema/index.js';
import type { DialectName } from '../../../db/database.js';
import { liveInSubtree, type Q } from '../../../platform/data/scoped.js';

export type { Q };
export type RollupRow = Insertable<DB['rollup_org_month']>;
/** The counted columns of a rollup row. */
export type CountColumn = Exclude<keyof RollupRow, 'tenant_id' | 'org_id' | 'org_path' | 'depth' | 'month'>;

/** Every counted column at zero (the compiler checks that none is missing): a row's start. */
export const ZERO_COUNTS: Record<CountColumn, number> = {
  members_total: 0,
  members_formal: 0,
  members_probationary: 0,
  members_female: 0,
  members_minority: 0,
  members_under35: 0,
  members_college: 0,
  orgs_total: 0,
  orgs_committees: 0,
  orgs_general_branches: 0,
  orgs_branches: 0,
  households: 0,
  compliance_due: 0,
  compliance_met: 0,
  members_joined: 0,
  held_general_meeting: 0,
  held_committee_meeting: 0,
  held_group_meeting: 0,
  held_party_lecture: 0,
  held_theme_day: 0,
  held_life_meeting: 0,
  held_member_review: 0,
  held_leadership_life_meeting: 0,
  held_heart_to_heart: 0,
  requests: 0,
  requests_resolved: 0,
  wishes: 0,
  wishes_fulfilled: 0,
};

/** A rollup row's columns in the order the refresh inserts them. */
const ROW_COLUMNS = [
  'tenant_id',
  'org_id',
  'org_path',
  'depth',
  'month',
  ...Object.keys(ZERO_COUNTS),
] as (keyof RollupRow)[];
const TEXT_COLUMNS = new Set<keyof RollupRow>(['org_path', 'month']);

/** Education 大专及以上 (college or above), as the EDUCATIONS keys name it. */
export const COLLEGE_EDUCATIONS = ['college', 'bachelor', 'postgraduate'];

/** Every organization of a county, deleted ones too (a request accepted by a since-deleted org still counts above). */
export function countyOrgs(db: Q, tenant: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'depth', 'type', 'deleted_at'])
    .where('tenant_id', '=', tenant)
    .execute();
}

/**
 * The live members of each organization: total, by status, women, minorities (an ethnicity other than Han), under 35
 * on `day` (born after the day 35 years before, as stats' age bands count) and college education or above.
 */
export async function memberCounts(db: Q, tenant: number, range: [string, string], day: string) {
  const born35 = `${String(Number(day.slice(0, 4)) - 35).padStart(4, '0')}${day.slice(4)}`;
  const rows = await liveInSubtree(db, 'members', tenant, range)
    .select((e) => [
      'org_id',
      e.fn.countAll<number>().as('total'),
      e.fn.sum<number>(e.case().when('status', '=', 'full').then(1).else(0).end()).as('formal'),
      e.fn.sum<number>(e.case().when('status', '=', 'probationary').then(1).else(0).end()).as('probationary'),
      e.fn.sum<number>(e.case().when('gender', '=', 'female').then(1).else(0).end()).as('female'),
      e.fn
        .sum<number>(
          e
            .case()
            .when(e.and([e('ethnicity', 'is not', null), e('ethnicity', '<>', 'han')]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('minority'),
      e.fn.sum<number>(e.case().when('birth_date', '>', born35).then(1).else(0).end()).as('under35'),
      e.fn.sum<number>(e.case().when('education', 'in', COLLEGE_EDUCATIONS).then(1).else(0).end()).as('college'),
    ])
    .groupBy('org_id')
    .execute();
  return rows.map((r) => ({
    orgId: r.org_id,
    total: Number(r.total),
    formal: Number(r.formal ?? 0),
    probationary: Number(r.probationary ?? 0),
    female: Number(r.female ?? 0),
    minority: Number(r.minority ?? 0),
    under35: Number(r.under35 ?? 0),
    college: Number(r.college ?? 0),
  }));
}

/** Live members who joined the party in each month of a year, per organization (stats' join year by month). */
export async function joinedByMonth(db: Q, tenant: number, range: [string, string], year: number) {
  const rows = await liveInSubtree(db, 'members', tenant, range)
    .select(['org_id', sql<string>`substr(joined_at, 1, 7)`.as('ym'), (e) => e.fn.countAll<number>().as('n')])
    .where('joined_at', '>=', `${year}-01-01`)
    .where('joined_at', '<=', `${year}-12-31`)
    .groupBy(['org_id', sql`substr(joined_at, 1, 7)`])
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, ym: r.ym, n: Number(r.n) }));
}

/**
 * Replaces a county's rows from `fromMonth` on and its state, in one transaction. On PostgreSQL it first takes the
 * county's refresh lock without waiting: false when another process holds it (that one's rows win).
 */
export async function replaceRows(
  db: Q,
  dialect: DialectName,
  tenant: number,
  fromMonth: string,
  rows: RollupRow[],
  state: { versions: string; refreshed_at: string; duration_ms: number },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') {
      const got = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(7302, ${tenant}) as ok`.execute(trx);
      if (!got.rows[0]?.ok) return false;
    }
    await trx.deleteFrom('rollup_org_month').where('tenant_id', '=', tenant).where('month', '>=', fromMonth).execute();
    // The statements are written here, not by the query builder: a county's 24,000 rows of 33 values cost the
    // builder more time than the database took to store them. PostgreSQL takes each column as one array; SQLite runs
    // one prepared single-row statement per row (the statement cache keeps it prepared).
    const cols = ROW_COLUMNS.join(',');
    if (dialect === 'postgres') {
      const arrays = ROW_COLUMNS.map((c) => rows.map((r) => r[c] ?? 0));
      const types = ROW_COLUMNS.map((c, i) => `$${i + 1}::${TEXT_COLUMNS.has(c) ? 'text' : 'integer'}[]`);
      if (rows.length)
        await trx.executeQuery(
          CompiledQuery.raw(`insert into rollup_org_month (${cols}) select * from unnest(${types.join(',')})`, arrays),
        );
    } else {
      const text = `insert into rollup_org_month (${cols}) values (${ROW_COLUMNS.map(() => '?').join(',')})`;
      for (const r of rows)
        await trx.executeQuery(
          CompiledQuery.raw(
            text,
            ROW_COLUMNS.map((c) => r[c] ?? 0),
          ),
        );
    }
    await trx
      .insertInto('rollup_state')
      .values({ tenant_id: tenant, ...state })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet(state))
      .execute();
    return true;
  });
}

/** The state of every county's rollups (a few hundred rows at most: one a county). */
export function rollupStates(db: Q) {
  return db.selectFrom('rollup_state').select(['tenant_id', 'versions', 'refreshed_at']).execute();
}

/**
 * Requests accepted in [fromIso, toIso) and how many of them are closed, per accepting organization: the definition
 * of the residents' figures (`monthGroups`: origin path, accepted time, live rows) without their breakdown by level,
 * channel, category and rating, which the rollups do not keep and which made a county's month 30,000 groups.
 */
export async function requestsByOrigin(
  db: Q,
  tenant: number,
  [lo, hi]: [string, string],
  fromIso: string,
  toIso: string,
) {
  const rows = await db
    .selectFrom('requests')
    .where('tenant_id', '=', tenant)
    .where('accepted_at', '>=', fromIso)
    .where('accepted_at', '<', toIso)
    .where('origin_path', '>=', lo)
    .where('origin_path', '<', hi)
    .where('deleted_at', 'is', null)
    .select((e) => ['origin_org_id', e.fn.countAll<number>().as('n'), e.fn.count<number>('closed_at').as('closed')])
    .groupBy('origin_org_id')
    .execute();
  return rows.map((r) => ({ orgId: r.origin_org_id, n: Number(r.n), closed: Number(r.closed) }));
}
