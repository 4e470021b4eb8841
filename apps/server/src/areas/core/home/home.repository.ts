/** Queries of the home's to-do summary: meetings whose sign-in is open now, candidates by stage in a subtree. */
import { sql } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { liveInSubtree, type Q, scoped } from '../../../platform/data/scoped.js';

/** At most this many open sign-ins are listed (a county rarely has more at one moment). */
const CHECKIN_LIMIT = 10;

/** Live meetings of a subtree ([lo, hi) on org_path) whose sign-in window holds `nowIso`, closing soonest first. */
export async function openCheckinsIn(db: Q, tenantId: number, lo: string, hi: string, nowIso: string) {
  return db
    .selectFrom('meetings as mt')
    .innerJoin('orgs as o', 'o.id', 'mt.org_id')
    .select(['mt.id', 'mt.kind', 'mt.topic', 'mt.held_on', 'mt.start_time', 'mt.checkin_to', 'o.name as org_name'])
    .where('mt.tenant_id', '=', tenantId)
    .where('mt.org_path', '>=', lo)
    .where('mt.org_path', '<', hi)
    .where('mt.deleted_at', 'is', null)
    .where('mt.checkin_code', 'is not', null)
    .where('mt.checkin_from', '<=', nowIso)
    .where('mt.checkin_to', '>=', nowIso)
    .orderBy('mt.checkin_to')
    .limit(CHECKIN_LIMIT)
    .execute();
}

/**
 * Candidates of a subtree on each stage now, and how many of them have their next step due between `today` and
 * `warnUntil` while it is already open (the development list's "due soon", counted without listing them).
 */
export async function developmentCounts(db: Q, actor: Actor, under: string, today: string, warnUntil: string) {
  const soon = sql<number>`sum(case when c.next_due_on >= ${today} and c.next_due_on <= ${warnUntil}
    and (c.next_opens_on is null or c.next_opens_on <= ${today}) then 1 else 0 end)`;
  const rows = await scoped(db, actor, 'development_candidates', { as: 'c', under })
    .select(['c.status', sql<number>`count(*)`.as('n'), soon.as('soon')])
    .groupBy('c.status')
    .execute();
  return rows.map((r) => ({ stage: r.status as string, n: Number(r.n), soon: Number(r.soon ?? 0) }));
}

/** The latest year, up to `upTo`, in which a 述职 report of the subtree has its results published; null if none. */
export async function latestPublishedReportsYear(db: Q, tenantId: number, range: [string, string], upTo: number) {
  const row = await liveInSubtree(db, 'reports', tenantId, range, 'p')
    .select((e) => e.fn.max<number>('p.year').as('year'))
    .where('p.status', '=', 'published')
    .where('p.year', '<=', upTo)
    .executeTakeFirst();
  return row?.year == null ? null : Number(row.year);
}
